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
