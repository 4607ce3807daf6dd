// Paracite web chat. Every piece of model or document text goes into the page as text (textContent or
// text nodes), never as HTML.
"use strict";

const MAX_HISTORY = 20;
const $ = (id) => document.getElementById(id);
const state = { history: [], paragraphs: new Map(), busy: false };
const KEY = "paracite.accessKey";

// Every API call goes through here: it adds the access key when the server asks for one, and shows
// the key form when a key is missing or wrong.
async function api(path, options = {}) {
  const headers = Object.assign({}, options.headers || {});
  const key = sessionStorage.getItem(KEY);
  if (key) headers["Authorization"] = "Bearer " + key;
  const reply = await window.fetch(path, Object.assign({}, options, { headers }));
  if (reply.status === 401) {
    $("key-form").hidden = false;
    $("access-key").focus();
  }
  return reply;
}

function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

// ---- answers: checked statements and their citation chips ----------------------------------------
// The server says where every statement stands in the answer and which words of which paragraph
// support it; the page only lays that out. `texts` maps labels to the paragraphs the answer came with,
// so a chip works even for a paragraph missing from the document list.

// Appends one statement: the whitespace before it, its text, then one chip per distinct cited paragraph.
function appendStatement(target, separator, statement, texts) {
  if (separator) target.append(document.createTextNode(separator));
  target.append(document.createTextNode(statement.text));
  const spans = new Map();
  for (const c of statement.citations || []) {
    if (!spans.has(c.paragraph)) spans.set(c.paragraph, []);
    spans.get(c.paragraph).push(c);
  }
  for (const [label, cited] of spans) target.append(chip(label, cited, texts));
}

// Renders a finished answer from its statements; the answer's text between them is whitespace.
function renderStatements(target, response, texts) {
  target.replaceChildren();
  let last = 0;
  for (const statement of response.statements) {
    appendStatement(target, response.answer.slice(last, statement.start), statement, texts);
    last = Math.max(last, statement.end);
  }
}

function chip(label, spans, texts) {
  const button = el("button", "chip", label);
  button.type = "button";
  button.setAttribute("aria-label", "Show paragraph " + label);
  button.addEventListener("click", () => openParagraph(label, spans, texts));
  return button;
}

function remember(texts, paragraphs) {
  for (const p of paragraphs || []) if (p && typeof p.text === "string") texts.set(p.paragraph, p);
}

// ---- the paragraph panel ---------------------------------------------------------------------------
// Opens a paragraph with the cited characters [start, end) of its text highlighted (none when `spans` is empty).
function openParagraph(label, spans, texts) {
  const p = (texts && texts.get(label)) || state.paragraphs.get(label);
  if (!p) return;
  $("panel-title").textContent = label === "preamble" ? "Preamble" : "Paragraph " + label;
  $("panel-section").textContent = p.section || "";
  const text = $("panel-text");
  text.replaceChildren(...highlighted(p.text, spans || []));
  $("paragraph-panel").hidden = false;
  $("panel-close").focus({ preventScroll: true });
  const mark = text.querySelector("mark");
  if (mark) mark.scrollIntoView({ block: "nearest" });
}

// Text nodes for `text`, with each cited span in a <mark>.
function highlighted(text, spans) {
  const ranges = spans
    .map((s) => [Math.max(0, s.start), Math.min(text.length, s.end)])
    .filter(([a, b]) => Number.isInteger(a) && Number.isInteger(b) && a < b)
    .sort((x, y) => x[0] - y[0] || x[1] - y[1]);
  const nodes = [];
  let at = 0;
  for (const [a, b] of ranges) {
    if (b <= at) continue;
    const from = Math.max(a, at);
    if (from > at) nodes.push(document.createTextNode(text.slice(at, from)));
    nodes.push(el("mark", "support", text.slice(from, b)));
    at = b;
  }
  if (at < text.length) nodes.push(document.createTextNode(text.slice(at)));
  return nodes;
}

// ---- the document browser --------------------------------------------------------------------------
function renderBrowser() {
  const query = $("filter").value.trim().toLowerCase();
  const container = $("sections");
  container.replaceChildren();
  let shown = 0, section = null, list = null;
  for (const p of state.paragraphs.values()) {
    if (query && !(p.paragraph.toLowerCase() === query || p.text.toLowerCase().includes(query)
        || p.section.toLowerCase().includes(query))) continue;
    if (p.section !== section || list === null) {
      section = p.section;
      container.append(el("h3", null, section || "Before the first section"));
      list = el("ul");
      container.append(list);
    }
    const item = el("li");
    const button = el("button");
    button.type = "button";
    button.append(el("span", "label", p.paragraph), document.createTextNode(p.text));
    button.addEventListener("click", () => openParagraph(p.paragraph, []));
    item.append(button);
    list.append(item);
    shown++;
  }
  $("filter-count").textContent = shown + " of " + state.paragraphs.size + " paragraphs";
}

// ---- asking ----------------------------------------------------------------------------------------
function addMessage(role, className) {
  $("empty").hidden = true;
  const item = el("li", "msg " + role + (className ? " " + className : ""));
  $("log").append(item);
  item.scrollIntoView({ block: "end" });
  return item;
}

function showResult(item, response, texts) {
  remember(texts, response.retrieved);
  remember(texts, response.citations);
  item.classList.remove("pending");
  item.replaceChildren();
  if (response.outcome === "not_in_document") {
    item.classList.add("not-found");
    item.append(el("strong", "title", "The document does not cover this"));
    item.append(el("span", "body", response.answer));
    const closest = response.retrieved.slice(0, 3);
    if (closest.length > 0) {
      const line = el("span", "closest", "Closest paragraphs: ");
      closest.forEach((r) => line.append(chip(r.paragraph, [], texts)));
      item.append(line);
    }
  } else {
    const body = el("span", "body");
    renderStatements(body, response, texts);
    item.append(body);
  }
  if (response.notice) item.append(el("p", "notice", response.notice));
}

function showError(item, message) {
  item.classList.remove("pending");
  item.classList.add("error");
  item.replaceChildren(el("strong", "title", "Something went wrong"), el("span", "body", message));
}

async function ask(question) {
  state.busy = true;
  $("send").disabled = true;
  addMessage("user").textContent = question;
  const item = addMessage("assistant", "pending");
  const body = el("span", "body");
  item.append(body);
  const texts = new Map();
  let done = null;
  try {
    const reply = await api("/api/ask/stream", {
      method: "POST",
      headers: { "Content-Type": "application/json", "Accept": "text/event-stream" },
      body: JSON.stringify({ question, history: state.history.slice(-MAX_HISTORY) }),
    });
    if (!reply.ok) {
      let message = "The server answered " + reply.status + ".";
      try { message = (await reply.json()).message || message; } catch (e) { /* not JSON */ }
      throw new Error(message);
    }
    await readEvents(reply.body, (event, data) => {
      if (event === "retrieved") remember(texts, data);
      else if (event === "delta") appendStatement(body, /^\s*/.exec(data.text)[0], data.statement, texts);
      else if (event === "done") done = data;
      else if (event === "error") throw new Error(data.message);
      item.scrollIntoView({ block: "end" });
    });
    if (!done) throw new Error("The answer stopped before it was complete.");
    showResult(item, done, texts);
    state.history.push({ role: "user", content: question }, { role: "assistant", content: done.answer });
    $("question").value = "";
  } catch (e) {
    showError(item, e.message || String(e));
    $("question").value = question;
  } finally {
    state.busy = false;
    $("send").disabled = false;
    $("question").focus();
  }
}

// Reads a text/event-stream body and calls onEvent(name, parsedData) for each event.
async function readEvents(stream, onEvent) {
  const reader = stream.getReader();
  const decoder = new TextDecoder();
  let buffer = "";
  for (;;) {
    const { value, done } = await reader.read();
    if (value) buffer += decoder.decode(value, { stream: true });
    let end;
    while ((end = buffer.search(/\r?\n\r?\n/)) >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end).replace(/^\r?\n\r?\n/, "");
      let event = "message";
      const data = [];
      for (const line of block.split(/\r?\n/)) {
        if (line.startsWith("event:")) event = line.slice(6).trim();
        else if (line.startsWith("data:")) data.push(line.slice(5).replace(/^ /, ""));
      }
      if (data.length > 0) onEvent(event, JSON.parse(data.join("\n")));
    }
    if (done) return;
  }
}

// ---- wiring ----------------------------------------------------------------------------------------
function togglePanel(id, open) {
  const panel = $(id);
  panel.hidden = !open;
  if (id === "browser") $("browse").setAttribute("aria-expanded", String(open));
}

async function load() {
  try {
    const health = await api("/api/health").then((r) => r.json());
    const reply = await api("/api/paragraphs");
    if (!reply.ok) throw new Error((await reply.json()).message);
    const paragraphs = await reply.json();
    $("doc-name").textContent = health.document + " · " + health.paragraphs + " paragraphs · " + health.model;
    paragraphs.forEach((p) => state.paragraphs.set(p.paragraph, p));
    renderBrowser();
  } catch (e) {
    $("doc-name").textContent = "Could not load the document: " + (e.message || e);
  }
}

document.addEventListener("DOMContentLoaded", () => {
  $("ask-form").addEventListener("submit", (e) => {
    e.preventDefault();
    const question = $("question").value.trim();
    if (question && !state.busy) ask(question);
  });
  $("question").addEventListener("keydown", (e) => {
    if (e.key === "Enter" && !e.shiftKey && !e.isComposing) {
      e.preventDefault();
      $("ask-form").requestSubmit();
    }
  });
  $("new-chat").addEventListener("click", () => {
    state.history = [];
    $("log").replaceChildren();
    $("empty").hidden = false;
    togglePanel("paragraph-panel", false);
    $("question").value = "";
    $("question").focus();
  });
  $("browse").addEventListener("click", () => {
    const open = $("browser").hidden;
    togglePanel("browser", open);
    if (open) $("filter").focus();
  });
  $("browser-close").addEventListener("click", () => { togglePanel("browser", false); $("browse").focus(); });
  $("panel-close").addEventListener("click", () => togglePanel("paragraph-panel", false));
  $("filter").addEventListener("input", renderBrowser);
  document.addEventListener("keydown", (e) => {
    if (e.key === "Escape") {
      if (!$("paragraph-panel").hidden) togglePanel("paragraph-panel", false);
      else if (!$("browser").hidden) togglePanel("browser", false);
    }
  });
  $("key-form").addEventListener("submit", (e) => {
    e.preventDefault();
    sessionStorage.setItem(KEY, $("access-key").value.trim());
    $("access-key").value = "";
    $("key-form").hidden = true;
    load();
  });
  load();
  $("question").focus();
});
