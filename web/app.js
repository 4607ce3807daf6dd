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

// ---- citation markers: "[8]", "[8, 9]", "[12-14]", "[preamble]" -------------------------------------
const MARKER = /\[([^\[\]\n]{1,80})\]/g;

function markerLabels(inside) {
  const labels = [];
  for (const part of inside.split(/\s*(?:,|;|and|&)\s*/i)) {
    const m = /^(?:(?:paragraphs?|paras?\.?|¶¶?|§§?)\s*)?(\d{1,6}[a-z]?|preamble)(?:\s*[-–—]\s*(\d{1,6}))?$/i.exec(part.trim());
    if (!m) return [];
    if (m[2] === undefined) { labels.push(m[1].toLowerCase()); continue; }
    const a = parseInt(m[1], 10), b = parseInt(m[2], 10);
    if (isNaN(a) || b < a || b - a >= 50) return [];
    for (let n = a; n <= b; n++) labels.push(String(n));
  }
  return labels;
}

// Renders answer text into `target`, turning markers of known paragraphs into chips. The sentence a chip
// supports is the text since the previous marker or sentence end.
function renderAnswer(target, text, known) {
  target.replaceChildren();
  let last = 0, sentenceStart = 0;
  for (const m of text.matchAll(MARKER)) {
    const labels = markerLabels(m[1]).filter((l) => known.has(l));
    if (labels.length === 0) continue;
    target.append(document.createTextNode(text.slice(last, m.index)));
    const supporting = text.slice(sentenceStart, m.index).trim();
    for (const label of labels) target.append(chip(label, supporting));
    last = m.index + m[0].length;
    sentenceStart = last;
  }
  target.append(document.createTextNode(text.slice(last)));
}

function chip(label, supporting) {
  const button = el("button", "chip", label === "preamble" ? "preamble" : label);
  button.type = "button";
  button.setAttribute("aria-label", "Show paragraph " + label);
  button.addEventListener("click", () => openParagraph(label, supporting));
  return button;
}

// ---- the paragraph panel ---------------------------------------------------------------------------
function openParagraph(label, supporting) {
  const p = state.paragraphs.get(label);
  if (!p) return;
  $("panel-title").textContent = label === "preamble" ? "Preamble" : "Paragraph " + label;
  $("panel-section").textContent = p.section || "";
  const text = $("panel-text");
  text.replaceChildren();
  const pieces = p.text.split(/(?<=[.;:!?])(\s+)|(\n)/).filter((s) => s !== undefined && s !== "");
  const best = supporting ? bestPiece(pieces, supporting) : -1;
  pieces.forEach((piece, i) => text.append(i === best ? el("mark", "support", piece) : document.createTextNode(piece)));
  const panel = $("paragraph-panel");
  panel.hidden = false;
  $("panel-close").focus();
}

function words(s) {
  return new Set(s.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 3));
}

function bestPiece(pieces, sentence) {
  const wanted = words(sentence);
  let best = -1, bestScore = 0;
  pieces.forEach((piece, i) => {
    const have = words(piece);
    let score = 0;
    for (const w of have) if (wanted.has(w)) score++;
    if (score > bestScore) { best = i; bestScore = score; }
  });
  return best;
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
    button.addEventListener("click", () => openParagraph(p.paragraph, null));
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

function showResult(item, response) {
  const known = new Set(response.citations.map((c) => c.paragraph));
  item.classList.remove("pending");
  item.replaceChildren();
  if (response.outcome === "not_in_document") {
    item.classList.add("not-found");
    item.append(el("strong", "title", "The document does not cover this"));
    item.append(el("span", "body", response.answer));
    const closest = response.retrieved.slice(0, 3);
    if (closest.length > 0) {
      const line = el("span", "closest", "Closest paragraphs: ");
      closest.forEach((r) => line.append(chip(r.paragraph, null)));
      item.append(line);
    }
  } else {
    const body = el("span", "body");
    renderAnswer(body, response.answer, known);
    item.append(body);
  }
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
  let streamed = "", known = new Set(), done = null;
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
      if (event === "retrieved") known = new Set(data.map((r) => r.paragraph));
      else if (event === "delta") { streamed += data.text; renderAnswer(body, streamed, known); }
      else if (event === "done") done = data;
      else if (event === "error") throw new Error(data.message);
      item.scrollIntoView({ block: "end" });
    });
    if (!done) throw new Error("The answer stopped before it was complete.");
    showResult(item, done);
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
