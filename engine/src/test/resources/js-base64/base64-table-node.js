// The table of JsBase64Test (and JsRuntimeTest), as Node 20 answers it: node base64-table-node.js prints its rows
// (name, input, Buffer.from(input, 'base64').toString(), atob(input) or null, atob's error message or null).
const rows = [
 ['padded', 'eyJhIjoxfQ=='], ['unpadded', 'eyJhIjoxfQ'], ['one = of two', 'YQ='], ['three =', 'YQ==='], ['empty', ''],
 ['one character', 'Y'], ['five characters', 'YWJjZ'], ['URL-safe alphabet', '_-8'], ['standard alphabet', '+/8'],
 ['both alphabets', 'PDw_Pz4-'], ['white space', 'YW Jj\n ZA=='], ['tab before padding', 'YQ\t=='], ['spaced padding', 'Y Q = ='],
 ['no-break space', 'YQ\u00a0=='], ['= in the middle', 'YQ==YQ=='], ['= first', '=YQ'], ['invalid characters', '!!YQ=='],
 ['a character whose low byte is A', 'Y\u0141=='], ['a character whose low byte is =', 'YW\u013dJj'], ['U+0100', '\u0100YQ'],
 ['UTF-8 text', 'w6kg4pyTIPCfmIA='], ['a byte order mark', '77u/YQ=='], ['a lone continuation byte', 'gA=='],
 ['an encoded surrogate', '7aCA'], ['a truncated 4-byte sequence', '8J+Y'], ['an overlong 2-byte sequence', 'wIA='],
 ['beyond U+10FFFF', '9JCAgA=='], ['JSON headers', 'eyJ4LWRhdGFkb2ctdHJhY2UtaWQiOiIxMjMiLCJ4LWRhdGFkb2ctcGFyZW50LWlkIjoiNDU2In0='],
];
const esc = (s) => s === null ? 'null' : '"' + Array.from({length: s.length}, (_, i) => { const c = s[i], n = s.charCodeAt(i); return c === '"' ? '\\"' : c === '\\' ? '\\\\' : c === '\n' ? '\\n' : c === '\t' ? '\\t' : c === '\r' ? '\\r' : c === '\f' ? '\\f' : n >= 0x20 && n < 0x7f ? c : '\\u' + n.toString(16).padStart(4, '0'); }).join('') + '"';
for (const [name, s] of rows) {
  const buf = Buffer.from(s, 'base64').toString();
  let a = null, err = null;
  try { a = atob(s); } catch (e) { err = e.message; }
  console.log(`                argumentSet(${esc(name)}, ${esc(s)}, ${esc(buf)}, ${esc(a)}, ${esc(err)}),`);
}
