// The tracex playground page: two editors, and what the server says about them, refreshed as one types.
// Plain DOM and fetch; every request goes to the server that served this page.
"use strict";

const $ = (id) => document.getElementById(id);
const rules = $("rules");
const gutter = $("rules-gutter");
const eventBox = $("event");
const ruleSelect = $("rule");
let chosenRule = "builtin.default";
let errorLines = new Set();
let sequence = 0;
let timer = null;

function renderGutter() {
  const lines = rules.value.split("\n").length;
  const parts = [];
  for (let i = 1; i <= lines; i++) {
    parts.push(errorLines.has(i) ? `<span class="error" title="error on line ${i}">${i}</span>` : `<span>${i}</span>`);
  }
  gutter.innerHTML = parts.join("");
  gutter.scrollTop = rules.scrollTop;
}

function schedule() {
  clearTimeout(timer);
  timer = setTimeout(run, 250);
}

function setText(id, text) {
  $(id).textContent = text || "";
}

async function run() {
  const mine = ++sequence;
  $("busy").textContent = "running…";
  let answer;
  try {
    const response = await fetch("/api/run", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ rules: rules.value, event: eventBox.value, rule: chosenRule }),
    });
    answer = await response.json();
    if (!response.ok) {
      answer = { errors: [], rules: [], builtins: [], examples: [], ruleError: answer.error };
    }
  } catch (e) {
    answer = { errors: [], rules: [], builtins: [], examples: [], ruleError: "the playground server does not answer: " + e.message };
  }
  if (mine !== sequence) {
    return; // a newer edit's answer is on its way
  }
  $("busy").textContent = "";
  show(answer);
}

function show(a) {
  errorLines = new Set(a.errors.map((e) => e.line));
  renderGutter();
  const list = $("errors");
  list.replaceChildren(...a.errors.map((e) => {
    const li = document.createElement("li");
    li.textContent = e.text;
    li.dataset.line = e.line;
    li.dataset.column = e.column;
    li.addEventListener("click", () => goTo(e.line, e.column));
    return li;
  }));
  fillRules(a.rules, a.builtins);
  setText("rule-error", a.ruleError);
  setText("event-error", a.eventError);
  setText("result", a.result);
  setText("result-note", a.resultNote);
  setText("explain", a.explain);
  setText("examples-summary", a.examplesSummary ? "(" + a.examplesSummary + ")" : "");
  $("examples").replaceChildren(...a.examples.map((x) => {
    const li = document.createElement("li");
    li.className = x.passed ? "pass" : "fail";
    li.textContent = x.text;
    return li;
  }));
}

function fillRules(fileRules, builtins) {
  const known = fileRules.concat(builtins);
  // A rule that vanished while its file does not compile stays chosen: it comes back when the file does.
  const names = known.includes(chosenRule) ? known : [chosenRule].concat(known);
  const current = Array.from(ruleSelect.options).map((o) => o.value).join("\n");
  if (current === names.join("\n")) {
    ruleSelect.value = chosenRule;
    return;
  }
  ruleSelect.replaceChildren();
  const group = (label, items) => {
    if (items.length === 0) return;
    const g = document.createElement("optgroup");
    g.label = label;
    items.forEach((n) => g.append(new Option(n, n)));
    ruleSelect.append(g);
  };
  group("Unknown now", names.length > known.length ? [chosenRule] : []);
  group("This file", fileRules);
  group("Built-in", builtins);
  ruleSelect.value = chosenRule;
}

function goTo(line, column) {
  const lines = rules.value.split("\n");
  let offset = 0;
  for (let i = 0; i < line - 1 && i < lines.length; i++) offset += lines[i].length + 1;
  offset += Math.max(0, column - 1);
  rules.focus();
  rules.setSelectionRange(offset, offset);
}

async function save() {
  const status = $("save-status");
  status.className = "";
  status.textContent = "saving…";
  try {
    const response = await fetch("/api/save", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ rules: rules.value }),
    });
    const answer = await response.json();
    if (response.ok) {
      status.textContent = answer.message;
    } else {
      status.className = "failed";
      status.textContent = "not saved: " + answer.error + " (your text is still here)";
    }
  } catch (e) {
    status.className = "failed";
    status.textContent = "not saved: the playground server does not answer (" + e.message + "); your text is still here";
  }
}

async function pickSample() {
  const name = $("sample").value;
  if (!name) return;
  const response = await fetch("/samples/" + encodeURIComponent(name));
  eventBox.value = await response.text();
  schedule();
}

function openFile() {
  const file = $("event-file").files[0];
  if (!file) return;
  const reader = new FileReader();
  reader.onload = () => {
    eventBox.value = reader.result;
    schedule();
  };
  reader.readAsText(file);
}

// Pointing at values: the JSONPath of the value at the event editor's cursor (a click, or the arrow keys), offered
// for the rules file at its own cursor, where it was last left.
let rulesCursor = null;
let pathSequence = 0;

function rememberRulesCursor() {
  rulesCursor = { start: rules.selectionStart, end: rules.selectionEnd };
}

async function showPath() {
  const mine = ++pathSequence;
  let answer = { path: null };
  try {
    const response = await fetch("/api/path", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ event: eventBox.value, offset: eventBox.selectionStart }),
    });
    if (response.ok) answer = await response.json();
  } catch (e) {
    answer = { path: null };
  }
  if (mine !== pathSequence) return;
  $("path").textContent = answer.path || "";
  $("value-path").hidden = !answer.path;
}

function usePath() {
  const path = $("path").textContent;
  if (!path) return;
  const at = rulesCursor || { start: rules.value.length, end: rules.value.length };
  rules.setRangeText(path, at.start, at.end, "end");
  rememberRulesCursor();
  renderGutter();
  schedule();
}

// Suggest: tracex suggest on the event; each proposal can be put into the rules file under extractors:.
async function suggest() {
  const status = $("suggest-status");
  $("suggestions-pane").hidden = false;
  status.textContent = "searching…";
  $("suggestions").replaceChildren();
  $("suggest-builtin").textContent = "";
  let answer;
  try {
    const response = await fetch("/api/suggest", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ rules: rules.value, event: eventBox.value }),
    });
    answer = await response.json();
    if (!response.ok) answer = { eventError: answer.error };
  } catch (e) {
    answer = { eventError: "the playground server does not answer: " + e.message };
  }
  if (answer.eventError) {
    status.textContent = "(" + answer.eventError + ")";
    return;
  }
  status.textContent = answer.proposals.length === 0 ? "(none: no place in the event carries a context tracex can read)"
    : "(" + answer.proposals.length + ", best first)";
  $("suggest-builtin").textContent = answer.builtin;
  $("suggestions").replaceChildren(...answer.proposals.map((p) => {
    const li = document.createElement("li");
    li.dataset.rule = p.name;
    const title = document.createElement("div");
    title.className = "title";
    title.textContent = p.title.replace(/^\d+\. /, "") + ": trace_id " + p.trace_id + ", parent_id " + p.parent_id;
    const pre = document.createElement("pre");
    pre.textContent = p.rule;
    const insert = document.createElement("button");
    insert.type = "button";
    insert.className = "insert";
    insert.textContent = "Insert rule " + p.name;
    insert.addEventListener("click", () => insertRule(p.rule, p.name));
    li.append(title, pre, insert);
    return li;
  }));
}

// Under extractors: (after its last rule), or with an extractors: of its own when the file has none; then the new
// rule is the one run.
function insertRule(text, name) {
  const lines = rules.value.split("\n");
  const start = lines.findIndex((l) => /^extractors:\s*(#.*)?$/.test(l));
  const block = text.replace(/\n$/, "").split("\n");
  if (start < 0) {
    rules.value = rules.value.replace(/\n*$/, "\n") + "extractors:\n" + block.join("\n") + "\n";
  } else {
    let end = start + 1;
    while (end < lines.length && (lines[end].trim() === "" || /^[ #]/.test(lines[end]))) end++;
    while (end > start + 1 && lines[end - 1].trim() === "") end--;
    lines.splice(end, 0, ...block);
    rules.value = lines.join("\n");
  }
  chosenRule = name;
  renderGutter();
  schedule();
}

// YAML is indented with spaces: Tab inserts two (Escape, then Tab, leaves the editor for the keyboard user).
let escaped = false;
function indentOnTab(e) {
  if (e.key === "Escape") { escaped = true; return; }
  if (e.key !== "Tab" || e.shiftKey || e.ctrlKey || e.altKey || e.metaKey || escaped) { escaped = false; return; }
  e.preventDefault();
  // insertText keeps the browser's undo history; setRangeText where it is not supported.
  if (!document.execCommand("insertText", false, "  ")) {
    rules.setRangeText("  ", rules.selectionStart, rules.selectionEnd, "end");
    rules.dispatchEvent(new Event("input"));
  }
}

async function start() {
  const state = await (await fetch("/api/state")).json();
  rules.value = state.rules;
  chosenRule = state.rule;
  $("file").textContent = state.file + (state.savable ? "" : " (not saved: started without a file)");
  $("save").disabled = !state.savable;
  state.samples.forEach((s) => $("sample").append(new Option(s, s)));
  renderGutter();
  rules.addEventListener("input", () => { renderGutter(); schedule(); });
  rules.addEventListener("scroll", () => { gutter.scrollTop = rules.scrollTop; });
  rules.addEventListener("keydown", indentOnTab);
  ["select", "keyup", "click", "input"].forEach((e) => rules.addEventListener(e, rememberRulesCursor));
  eventBox.addEventListener("click", showPath);
  eventBox.addEventListener("keyup", (e) => { if (e.key.startsWith("Arrow") || e.key === "Home" || e.key === "End") showPath(); });
  $("use-path").addEventListener("click", usePath);
  $("suggest").addEventListener("click", suggest);
  document.addEventListener("keydown", (e) => {
    if ((e.ctrlKey || e.metaKey) && e.key === "s") {
      e.preventDefault(); // the browser's own "save page" would save the page, not the rules file
      if (!$("save").disabled) save();
    }
  });
  eventBox.addEventListener("input", schedule);
  ruleSelect.addEventListener("change", () => { chosenRule = ruleSelect.value; schedule(); });
  $("sample").addEventListener("change", pickSample);
  $("event-file").addEventListener("change", openFile);
  $("save").addEventListener("click", save);
  document.body.dataset.ready = "true";
  run();
}

start();
