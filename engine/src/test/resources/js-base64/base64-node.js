// Ground truth for tracex's Buffer.from(x, 'base64').toString() and atob(x), from Node itself (Node 20 wrote
// base64-node.json): node engine/src/test/resources/js-base64/base64-node.js > engine/src/test/resources/js-base64/base64-node.json
// Inputs: a seeded mix of base64 of random bytes (valid UTF-8, invalid UTF-8, every padding), URL-safe text,
// white space, '=' anywhere, characters outside the alphabet and outside Latin-1 (Node reads a character's low byte).
'use strict';
let seed = 27;
const rnd = (n) => { // mulberry32
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) % n;
};
const pick = (s) => s[rnd(s.length)];
const NOISE = ['=', ' ', '\n', '\t', '\r', '\f', '\u00a0', '-', '_', '+', '/', '!', '.', '\u0141', '\u013d', '\u0100',
  '\u00ff', '\u2028', '\ufeff', '\ud83d', '\ude00', 'é', '%', '*', '\u0000'];
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
function bytes() {
  const n = rnd(12);
  const out = [];
  for (let i = 0; i < n; i++) {
    const k = rnd(6);
    if (k === 0) out.push(...Buffer.from(pick(['é', '✓', '😀', '€', 'ß', 'x', '\u2028'])));
    else if (k === 1) out.push(0x80 + rnd(0x80));
    else if (k === 2) out.push(pick([0xc0, 0xc2, 0xe0, 0xed, 0xef, 0xf0, 0xf4, 0xf5, 0xff]));
    else out.push(0x20 + rnd(0x5f));
  }
  return Buffer.from(out);
}
function input() {
  let s = bytes().toString(pick(['base64', 'base64', 'base64url']));
  if (rnd(3) === 0) s = s.replace(/=+$/, '');
  const edits = rnd(4) === 0 ? 0 : rnd(4);
  for (let i = 0; i < edits; i++) {
    const at = rnd(s.length + 1);
    const c = rnd(3) === 0 ? pick(ALPHABET) : pick(NOISE);
    s = s.slice(0, at) + c + s.slice(at);
  }
  return s;
}
function outcome(f) {
  try { return { value: f() }; } catch (e) { return { error: e.name }; }
}
const cases = [];
const seen = new Set();
while (cases.length < 1000) {
  const s = input();
  if (seen.has(s)) continue;
  seen.add(s);
  cases.push({ input: s,
    buffer: outcome(() => Buffer.from(s, 'base64').toString()),
    latin1: outcome(() => Buffer.from(s, 'base64').toString('latin1')),
    hex: outcome(() => Buffer.from(s, 'base64').toString('hex')),
    ascii: outcome(() => Buffer.from(s, 'base64').toString('ascii')),
    atob: outcome(() => atob(s)) });
}
// One case a line, ASCII only (\uXXXX escapes) so that a diff shows what changed.
const text = JSON.stringify({ node: process.version, cases }).replace(/\},\{"input"/g, '},\n{"input"')
  .replace(/[\u007f-\uffff]/g, (c) => '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0'));
process.stdout.write(text + '\n');
