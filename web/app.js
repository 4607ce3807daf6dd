// Paracite web chat. Every piece of model or document text goes into the page as text (textContent or
// text nodes), never as HTML.
"use strict";

const MAX_HISTORY = 20;
const $ = (id) => document.getElementById(id);
// `current` is the answer being written: its AbortController, so that Stop, New chat and leaving the page
// can end it (the server then cancels the model call). `chat` counts chats, so that an answer that ends
// after New chat never touches the new one.
// `paragraphs` holds the pages of the document browser loaded so far (`next`: the cursor of the next page,
// null when all are loaded; `total`: how many there are). With a library, `scope` holds the ids of the
// documents the conversation asks (none: all).
const state = { history: [], paragraphs: new Map(), next: null, total: 0, current: null, chat: 0, scope: new Set(), pinned: new Map() };
const KEY = "paracite.accessKey";

// ---- saved conversations ---------------------------------------------------------------------------
// Kept in this browser's localStorage, per document: [{id, title, updated, turns: [{question, response}]}],
// newest first. A response keeps what re-rendering needs: answer, statements, citations, notice.
function chatsKey() {
  return "paracite.chats." + (state.document || "");
}

function loadChats() {
  try {
    const chats = JSON.parse(localStorage.getItem(chatsKey()) || "[]");
    return Array.isArray(chats) ? chats : [];
  } catch (e) {
    return [];
  }
}

function saveChats(chats) {
  try {
    localStorage.setItem(chatsKey(), JSON.stringify(chats));
  } catch (e) {
    announce("This conversation could not be saved in the browser: " + (e.message || e));
  }
  renderChats();
}

function compact(response) {
  return {
    outcome: response.outcome, answer: response.answer, statements: response.statements,
    citations: response.citations, notice: response.notice || null,
    retrieved: response.outcome === "not_in_document" ? (response.retrieved || []).slice(0, 3) : [],
  };
}

// Adds a finished turn to the current chat, starting one when there is none.
function saveTurn(question, response) {
  const chats = loadChats();
  let chat = chats.find((c) => c.id === state.chatId);
  if (!chat) {
    chat = { id: Date.now().toString(36) + Math.random().toString(36).slice(2, 6), title: question.slice(0, 80), turns: [] };
    state.chatId = chat.id;
  } else {
    chats.splice(chats.indexOf(chat), 1);
  }
  chat.turns.push({ question, response: compact(response) });
  chat.updated = new Date().toISOString();
  chats.unshift(chat);
  saveChats(chats);
}

function dropLastTurn() {
  const chats = loadChats();
  const chat = chats.find((c) => c.id === state.chatId);
  if (!chat) return;
  chat.turns.pop();
  saveChats(chat.turns.length === 0 ? chats.filter((c) => c !== chat) : chats);
  if (chat.turns.length === 0) state.chatId = null;
}

// Shows a saved chat as the current one.
function openChat(chat) {
  state.chat++;
  abortCurrent(false);
  state.chatId = chat.id;
  state.history = [];
  $("log").replaceChildren();
  $("empty").hidden = chat.turns.length > 0;
  chat.turns.forEach((turn, i) => {
    addQuestion(turn.question);
    const item = addMessage("assistant");
    showResult(item, turn.response, new Map());
    addActions(item, turn.response, turn.question, i === chat.turns.length - 1);
    pushTurn(turn.question, turn.response.answer);
  });
}

// A chat as Markdown, each answer with its citations written out.
function chatMarkdown(chat) {
  const lines = ["# " + chat.title, "", "_Paracite · " + (state.document || "") + " · " + (chat.updated || "") + "_", ""];
  for (const turn of chat.turns) {
    lines.push("**You:** " + turn.question, "", "**Paracite:** " + asText(turn.response), "");
  }
  return lines.join("\n");
}

function renderChats() {
  const list = $("chat-list");
  if (!list) return;
  const chats = loadChats();
  list.replaceChildren();
  $("chats-empty").hidden = chats.length > 0;
  $("clear-chats").hidden = chats.length === 0;
  for (const chat of chats) {
    const entry = el("li", chat.id === state.chatId ? "current" : null);
    const open = el("button", "chat-title", chat.title);
    open.type = "button";
    open.addEventListener("click", () => { openChat(chat); togglePanel("chats", false); $("question").focus(); });
    const rename = el("button", "rename", "Rename");
    rename.type = "button";
    rename.setAttribute("aria-label", "Rename " + chat.title);
    rename.addEventListener("click", () => startRename(entry, chat));
    const exportButton = el("button", "export", "Export");
    exportButton.type = "button";
    exportButton.setAttribute("aria-label", "Export " + chat.title + " as Markdown");
    exportButton.addEventListener("click", () => download(chat.title + ".md", chatMarkdown(chat)));
    const remove = el("button", "delete", "Delete");
    remove.type = "button";
    remove.setAttribute("aria-label", "Delete " + chat.title);
    remove.addEventListener("click", () => {
      if (chat.id === state.chatId) state.chatId = null;
      saveChats(loadChats().filter((c) => c.id !== chat.id));
    });
    entry.append(open, rename, exportButton, remove);
    list.append(entry);
  }
}

function startRename(entry, chat) {
  const input = el("input", "rename-input");
  input.value = chat.title;
  input.setAttribute("aria-label", "New name");
  entry.replaceChildren(input);
  input.focus();
  input.addEventListener("keydown", (e) => {
    if (e.key === "Enter") {
      const chats = loadChats();
      const saved = chats.find((c) => c.id === chat.id);
      if (saved && input.value.trim()) saved.title = input.value.trim().slice(0, 80);
      saveChats(chats);
    } else if (e.key === "Escape") {
      e.stopPropagation();
      renderChats();
    }
  });
}

function download(name, text) {
  const link = document.createElement("a");
  link.href = URL.createObjectURL(new Blob([text], { type: "text/markdown" }));
  link.download = name.replace(/[\\/:*?"<>|]+/g, "-");
  link.click();
  setTimeout(() => URL.revokeObjectURL(link.href), 1000);
}

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
// support it; the page only lays that out. `texts` maps citations (refOf(...).key) to the paragraphs the
// answer came with, so a chip works even for a paragraph the document browser has not loaded.

// What a citation, a retrieved paragraph or a browser entry points at. From one document: its label. From a
// library: document, pinned version and the label within that version, shown as "travel §4".
function refOf(c) {
  if (!c.document) return { key: c.paragraph, label: c.paragraph, paragraph: c.paragraph };
  return { key: c.document + " v" + c.version + " §" + c.paragraph, label: c.document + " §" + c.paragraph,
    document: c.document, version: c.version, paragraph: c.paragraph };
}

function titleOf(ref) {
  if (ref.document) return ref.label + " (version " + ref.version + ")";
  return ref.label === "preamble" ? "Preamble" : "Paragraph " + ref.label;
}

// The list marker a statement's own text starts with ("- ", "* ", "1. "), shown as a bullet or its number.
const LIST_MARKER = /^[ \t]*(?:([-*•])|(\d{1,3}[.)]))[ \t]+/;

function listMarker(raw) {
  const m = LIST_MARKER.exec(raw || "");
  return m ? (m[1] ? "•" : m[2]) : null;
}

// Appends one statement: the whitespace before it, a list item's bullet, its text, then one chip per
// distinct cited paragraph. `raw` is the statement as the model wrote it (markers included).
function appendStatement(target, separator, statement, texts, raw) {
  const marker = listMarker(raw);
  if (marker && target.childNodes.length > 0 && !/\n/.test(separator)) separator = "\n";
  if (separator) target.append(document.createTextNode(separator));
  if (marker) target.append(el("span", "bullet", marker + " "));
  target.append(...inline(statement.text));
  const spans = new Map();
  for (const c of statement.citations || []) {
    const ref = refOf(c);
    if (!spans.has(ref.key)) spans.set(ref.key, { ref, cited: [] });
    spans.get(ref.key).cited.push(c);
  }
  for (const { ref, cited } of spans.values()) target.append(chip(ref, cited, texts));
}

// A model's inline Markdown as elements built here, never parsed as HTML: `code`, **strong**, *em* and
// _em_. Everything else, links and images included, stays the text it is.
const INLINE = /`([^`\n]+)`|\*\*([^*\n]+)\*\*|(?<![\w*])\*([^*\s][^*\n]*?)\*(?![\w*])|(?<![\w_])_([^_\s][^_\n]*?)_(?![\w_])/g;

function inline(text) {
  const nodes = [];
  let at = 0;
  for (const m of text.matchAll(INLINE)) {
    if (m.index > at) nodes.push(document.createTextNode(text.slice(at, m.index)));
    if (m[1] !== undefined) nodes.push(el("code", null, m[1]));
    else if (m[2] !== undefined) nodes.push(el("strong", null, m[2]));
    else nodes.push(el("em", null, m[3] !== undefined ? m[3] : m[4]));
    at = m.index + m[0].length;
  }
  if (at < text.length) nodes.push(document.createTextNode(text.slice(at)));
  return nodes;
}

// Renders a finished answer from its statements; the answer's text between them is whitespace.
function renderStatements(target, response, texts) {
  target.replaceChildren();
  let last = 0;
  for (const statement of response.statements) {
    appendStatement(target, response.answer.slice(last, statement.start), statement, texts,
      response.answer.slice(statement.start, statement.end));
    last = Math.max(last, statement.end);
  }
}

function chip(ref, spans, texts) {
  const button = el("button", "chip", ref.label);
  button.type = "button";
  button.setAttribute("aria-label", "Show paragraph " + ref.label);
  button.setAttribute("aria-describedby", "preview");
  button.addEventListener("click", () => { hidePreview(); openParagraph(ref, spans, texts); });
  button.addEventListener("mouseenter", () => showPreview(button, ref, spans, texts));
  button.addEventListener("focus", () => showPreview(button, ref, spans, texts));
  button.addEventListener("mouseleave", hidePreview);
  button.addEventListener("blur", hidePreview);
  return button;
}

// ---- the preview of a cited passage ----------------------------------------------------------------
// One floating box, filled for the chip under the pointer or with focus: the paragraph's text around
// the cited words, which are highlighted.
// characters of context around the cited words: fewer on a phone, where the box is narrow
const previewContext = () => (window.innerWidth < 600 ? 50 : 160);

function showPreview(button, ref, spans, texts) {
  const p = paragraphNow(ref, texts);
  if (!p) {
    // a library paragraph the answer came without: shown once its pinned version has been read
    if (ref.document) pinned(ref).then((q) => {
      if (q && (document.activeElement === button || button.matches(":hover"))) fillPreview(button, ref, spans, q);
    });
    return;
  }
  fillPreview(button, ref, spans, p);
}

function fillPreview(button, ref, spans, p) {
  const box = $("preview");
  const first = spans.length > 0 ? Math.min(...spans.map((s) => s.start)) : 0;
  const last = spans.length > 0 ? Math.max(...spans.map((s) => s.end)) : Math.min(p.text.length, 2 * previewContext());
  const from = Math.max(0, first - previewContext());
  const to = Math.min(p.text.length, last + previewContext());
  const shifted = spans.map((s) => ({ start: s.start - from, end: s.end - from }));
  box.replaceChildren(
    el("strong", "preview-title", titleOf(ref) + (p.section ? " · " + p.section : "")),
    el("span", "preview-text"));
  const text = box.querySelector(".preview-text");
  if (from > 0) text.append(document.createTextNode("…"));
  text.append(...highlighted(p.text.slice(from, to), shifted));
  if (to < p.text.length) text.append(document.createTextNode("…"));
  box.hidden = false;
  const r = button.getBoundingClientRect();
  const width = Math.min(box.offsetWidth, window.innerWidth - 16);
  box.style.left = Math.max(8, Math.min(r.left, window.innerWidth - width - 8)) + "px";
  const below = r.bottom + 6;
  box.style.top = (below + box.offsetHeight < window.innerHeight ? below : Math.max(8, r.top - box.offsetHeight - 6)) + "px";
}

function hidePreview() {
  $("preview").hidden = true;
}

function remember(texts, paragraphs) {
  for (const p of paragraphs || []) if (p && typeof p.text === "string") texts.set(refOf(p).key, p);
}

// The paragraph `ref` names, when the page has it: the answer's own paragraphs first; then, from one
// document, the loaded browser pages. A library's latest version is never used for a citation: the
// text cited is the version the answer pinned (see pinned).
function paragraphNow(ref, texts) {
  const own = texts && texts.get(ref.key);
  if (own) return own;
  return ref.document ? undefined : state.paragraphs.get(ref.key);
}

// A library paragraph as the version `ref` pins it, read from the server once.
function pinned(ref) {
  if (!state.pinned.has(ref.key)) {
    state.pinned.set(ref.key, api("/api/documents/" + encodeURIComponent(ref.document) + "/versions/" + ref.version
      + "/paragraphs/" + encodeURIComponent(ref.paragraph)).then((r) => (r.ok ? r.json() : null)).catch(() => null));
  }
  return state.pinned.get(ref.key);
}

// ---- the paragraph panel ---------------------------------------------------------------------------
// Opens a paragraph with the cited characters [start, end) of its text highlighted (none when `spans` is empty).
function openParagraph(ref, spans, texts) {
  const p = paragraphNow(ref, texts);
  if (!p) {
    if (ref.document) pinned(ref).then((q) => { if (q) showParagraph(ref, spans, q); });
    return;
  }
  showParagraph(ref, spans, p);
}

function showParagraph(ref, spans, p) {
  // closing the panel gives focus back to what opened it
  if ($("paragraph-panel").hidden) state.opener = document.activeElement;
  $("panel-title").textContent = titleOf(ref);
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
    button.addEventListener("click", () => openParagraph({ key: p.paragraph, label: p.paragraph }, []));
    item.append(button);
    list.append(item);
    shown++;
  }
  const loaded = state.paragraphs.size;
  $("filter-count").textContent = state.next === null ? shown + " of " + loaded + " paragraphs"
    : query ? shown + " of " + loaded + " loaded paragraphs match; " + state.total + " in all."
    : loaded + " of " + state.total + " paragraphs loaded.";
  $("more").hidden = state.next === null;
}

// The browser's paragraphs, a page at a time: the first page again (`restart`), or the next one.
const PAGE = 100;

async function loadParagraphs(restart) {
  const cursor = restart ? null : state.next;
  const reply = await api("/api/paragraphs?limit=" + PAGE + (cursor ? "&cursor=" + encodeURIComponent(cursor) : ""));
  if (!reply.ok) {
    let body = {};
    try { body = await reply.json(); } catch (e) { /* not JSON */ }
    const error = new Error(body.message || "The paragraphs could not be loaded (the server answered " + reply.status + ").");
    error.code = body.error;
    throw error;
  }
  const page = await reply.json();
  if (restart) state.paragraphs.clear();
  page.paragraphs.forEach((p) => state.paragraphs.set(p.paragraph, p));
  state.next = page.next || null;
  renderBrowser();
}

async function loadMore() {
  const button = $("more");
  button.disabled = true;
  try {
    await loadParagraphs(false);
  } catch (e) {
    if (e.code !== "invalid_cursor") {
      $("filter-count").textContent = plainError(e);
      return;
    }
    // the documents changed since the first page: their pages start again
    await loadParagraphs(true).catch(() => {});
    $("filter-count").textContent = "The documents changed, so the list starts again: " + $("filter-count").textContent;
  } finally {
    button.disabled = false;
  }
}

// What ingestion dropped or flagged, at the top of the document browser.
function renderNotes(notes) {
  const box = $("notes");
  box.replaceChildren();
  box.hidden = notes.length === 0;
  if (notes.length === 0) return;
  box.append(el("summary", null, notes.length + " ingestion note" + (notes.length === 1 ? "" : "s")
    + ": lines dropped or flagged when the document was read"));
  const list = el("ul");
  for (const n of notes) list.append(el("li", null, noteText(n)));
  box.append(list);
}

// One ingestion note: "dropped lines 3-4: a page header".
function noteText(n) {
  const lines = n.firstLine === n.lastLine ? "line " + n.firstLine : "lines " + n.firstLine + "-" + n.lastLine;
  return n.action + " " + lines + ": " + n.message;
}

// ---- asking ----------------------------------------------------------------------------------------
// The log follows a streaming answer only while the reader is at its bottom; scrolled up, a button
// offers to jump to the latest.
function atBottom() {
  return window.innerHeight + window.scrollY >= document.documentElement.scrollHeight - 40;
}

function follow(item, wasAtBottom) {
  if (wasAtBottom) item.scrollIntoView({ block: "end" });
  else $("jump").hidden = false;
}

function addMessage(role, className) {
  $("empty").hidden = true;
  const wasAtBottom = atBottom();
  const item = el("li", "msg " + role + (className ? " " + className : ""));
  item.append(el("span", "who", role === "user" ? "You" : "Paracite"));
  $("log").append(item);
  follow(item, wasAtBottom);
  return item;
}

function addQuestion(question) {
  addMessage("user").append(el("span", "body", question));
}

// The chat so far, as the next question sends it.
function pushTurn(question, answer) {
  state.history.push({ role: "user", content: question }, { role: "assistant", content: answer });
}

function showResult(item, response, texts) {
  remember(texts, response.retrieved);
  remember(texts, response.citations);
  item.classList.remove("pending");
  item.replaceChildren(item.querySelector(".who"));
  if (response.outcome === "not_in_document") {
    item.classList.add("not-found");
    item.append(el("strong", "title", "The document does not cover this"));
    item.append(el("span", "body", response.answer));
    const closest = response.retrieved.slice(0, 3);
    if (closest.length > 0) {
      const line = el("span", "closest", "Closest paragraphs: ");
      closest.forEach((r) => line.append(chip(refOf(r), [], texts)));
      item.append(line);
    }
  } else {
    const body = el("span", "body");
    renderStatements(body, response, texts);
    item.append(body);
    item.append(sources(response, texts));
  }
  if (response.notice) item.append(el("p", "notice", response.notice));
}

// The passages of the paragraph `ref` names that the answer's statements rest on.
function citedSpans(response, ref) {
  return response.statements.flatMap((s) => (s.citations || []).filter((x) => refOf(x).key === ref.key));
}

// Every cited paragraph with its section, under the answer, each opening the paragraph with all the
// passages the answer rests on highlighted.
function sources(response, texts) {
  const list = el("ul", "sources");
  list.setAttribute("aria-label", "Sources");
  for (const c of response.citations || []) {
    const ref = refOf(c);
    const entry = el("li");
    entry.append(chip(ref, citedSpans(response, ref), texts), document.createTextNode(" " + (c.section || "")));
    list.append(entry);
  }
  return list;
}

// The answer as plain text with its citations written out: [8] II. Economic cooperation: "…".
function asText(response) {
  const lines = [response.answer, ""];
  for (const c of response.citations || []) {
    const spans = citedSpans(response, refOf(c));
    const quoted = spans.length > 0 ? spans.map((x) => c.text.slice(x.start, x.end)).join(" … ") : c.text;
    lines.push("[" + refOf(c).label + "] " + (c.section ? c.section + ": " : "") + "\u201c" + quoted + "\u201d");
  }
  return lines.join("\n");
}

// Copy for every answer; Regenerate and Edit for the last one only.
function addActions(item, response, question, last = true) {
  const row = el("div", "answer-actions");
  const copy = el("button", "copy", "Copy");
  copy.type = "button";
  copy.addEventListener("click", async () => {
    try {
      await navigator.clipboard.writeText(asText(response));
      copy.textContent = "Copied";
    } catch (e) {
      copy.textContent = "Copy failed";
    }
    setTimeout(() => { copy.textContent = "Copy"; }, 2000);
  });
  row.append(copy);
  const regenerate = el("button", "regenerate", "Regenerate");
  regenerate.type = "button";
  regenerate.addEventListener("click", () => { if (!state.current && takeBackLast()) ask(question); });
  const edit = el("button", "edit", "Edit question");
  edit.type = "button";
  edit.addEventListener("click", () => {
    if (state.current || !takeBackLast()) return;
    $("question").value = question;
    $("question").focus();
  });
  if (last) row.append(regenerate, edit);
  item.append(row);
}

// Removes the last question and its answer from the chat and its history; false when there is none.
function takeBackLast() {
  const items = $("log").querySelectorAll(".msg");
  if (items.length < 2) return false;
  items[items.length - 1].remove();
  items[items.length - 2].remove();
  state.history.splice(-2, 2);
  dropLastTurn();
  if ($("log").children.length === 0) $("empty").hidden = false;
  return true;
}

// What a failure means to a reader, in plain words.
function plainError(e) {
  if (e instanceof TypeError) return "The server cannot be reached. Check that Paracite is running, then retry.";
  return e.message || String(e);
}

// Ends an answer that did not finish: what was shown stays, with why it is incomplete and a Retry button.
function showFailure(item, body, message, question) {
  item.classList.remove("pending");
  const partial = body.childNodes.length > 0;
  if (partial) {
    item.classList.add("incomplete");
    item.append(el("p", "notice", message));
  } else {
    item.classList.add("error");
    item.replaceChildren(item.querySelector(".who"), el("strong", "title", "Something went wrong"), el("span", "body", message));
  }
  const retry = el("button", "retry", "Retry");
  retry.type = "button";
  retry.addEventListener("click", () => { if (!state.current) ask(question); });
  item.append(retry);
}

function setAnswering(answering) {
  $("send").disabled = answering;
  $("stop").hidden = !answering;
  $("ask-hint").textContent = answering
    ? "An answer is being written: press Stop to ask something else now."
    : "Enter sends, Shift+Enter starts a new line.";
}

function announce(text) {
  $("announce").textContent = text;
}

async function ask(question) {
  for (const old of $("log").querySelectorAll(".regenerate, .edit")) old.remove();
  const chat = state.chat;
  const controller = new AbortController();
  const current = { controller, stopped: false };
  state.current = current;
  setAnswering(true);
  addQuestion(question);
  const item = addMessage("assistant", "pending");
  item.setAttribute("aria-busy", "true");
  const body = el("span", "body");
  item.append(body);
  const texts = new Map();
  let done = null;
  try {
    const reply = await api("/api/ask/stream", {
      method: "POST",
      signal: controller.signal,
      headers: { "Content-Type": "application/json", "Accept": "text/event-stream" },
      // the page shows retrieved paragraphs, never the dropped statements: it asks for what it shows
      body: JSON.stringify(Object.assign({ question, history: state.history.slice(-MAX_HISTORY), include: ["retrieved"] },
        state.scope.size > 0 ? { documents: [...state.scope] } : {})),
    });
    if (!reply.ok) {
      let message = "The server answered " + reply.status + ".";
      try { message = (await reply.json()).message || message; } catch (e) { /* not JSON */ }
      throw new Error(message);
    }
    await readEvents(reply.body, (event, data) => {
      const wasAtBottom = atBottom();
      if (event === "retrieved") remember(texts, data);
      else if (event === "delta") {
        const separator = /^\s*/.exec(data.text)[0];
        appendStatement(body, separator, data.statement, texts, data.text.slice(separator.length));
      }
      else if (event === "done") done = data;
      else if (event === "error") throw new Error(data.message);
      follow(item, wasAtBottom);
    });
    if (!done) throw new Error("The answer stopped before it was complete.");
    showResult(item, done, texts);
    addActions(item, done, question);
    pushTurn(question, done.answer);
    saveTurn(question, done);
    announce("Answer: " + (item.querySelector(".body") || item).textContent);
  } catch (e) {
    if (chat !== state.chat) return; // New chat: this answer belongs to a chat that is gone
    if (current.stopped) {
      item.classList.remove("pending");
      item.classList.add("stopped");
      item.append(el("p", "notice", "Stopped. " + (body.childNodes.length > 0
        ? "The statements above were checked before you stopped." : "Nothing was shown.")));
      if (body.childNodes.length > 0) {
        pushTurn(question, body.textContent);
      }
      announce("Stopped.");
    } else {
      const message = plainError(e);
      showFailure(item, body, message, question);
      // the question comes back to the box, unless something new has been typed there
      if (!$("question").value) $("question").value = question;
      announce("No complete answer: " + message);
    }
  } finally {
    item.removeAttribute("aria-busy");
    if (state.current === current) {
      state.current = null;
      setAnswering(false);
    }
  }
}

// Ends the answer being written, if any; `stopped` marks it as the reader's choice.
function abortCurrent(stopped) {
  const current = state.current;
  if (!current) return;
  current.stopped = stopped;
  current.controller.abort();
  state.current = null;
  setAnswering(false);
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
  if (id === "chats") $("show-chats").setAttribute("aria-expanded", String(open));
  if (id === "documents") $("show-documents").setAttribute("aria-expanded", String(open));
  if (id === "paragraph-panel" && !open) {
    const opener = state.opener;
    state.opener = null;
    if (opener && opener.isConnected && !opener.closest("[hidden]")) opener.focus();
  }
}

// The line under the title: what the server answers from. Library health also counts its documents.
async function loadHealth() {
  const reply = await api("/api/health");
  const health = await reply.json().catch(() => ({}));
  if (!reply.ok) throw new Error(health.message || "the server answered " + reply.status + ".");
  state.total = health.paragraphs;
  const library = typeof health.documents === "number";
  const name = library ? "Library" : health.document;
  $("doc-name").textContent = name + " · " + (library ? health.documents + " document" + (health.documents === 1 ? "" : "s") + " · " : "")
    + health.paragraphs + " paragraphs · " + health.model;
  document.title = name + " · Paracite";
  return health;
}

async function load() {
  try {
    const health = await loadHealth();
    state.document = health.document;
    const saved = loadChats();
    if (saved.length > 0 && $("log").children.length === 0) openChat(saved[0]);
    renderChats();
    await loadParagraphs(true);
    await loadLibrary();
    if (!state.library) {
      const summary = await api("/api/document");
      if (summary.ok) renderNotes((await summary.json()).ingestion || []);
    }
  } catch (e) {
    $("doc-name").textContent = "Could not load the document: " + (e.message || e);
  }
}

document.addEventListener("DOMContentLoaded", () => {
  $("ask-form").addEventListener("submit", (e) => {
    e.preventDefault();
    const question = $("question").value.trim();
    // while an answer is being written the button is disabled and says why; the text stays in the box
    if (!question || state.current) return;
    $("question").value = "";
    ask(question);
  });
  $("stop").addEventListener("click", () => { abortCurrent(true); $("question").focus(); });
  $("jump").addEventListener("click", () => {
    const last = $("log").lastElementChild;
    if (last) last.scrollIntoView({ block: "end" });
    $("jump").hidden = true;
  });
  window.addEventListener("scroll", () => { if (atBottom()) $("jump").hidden = true; });
  window.addEventListener("pagehide", () => abortCurrent(false));
  $("question").addEventListener("keydown", (e) => {
    if (e.key === "Enter" && !e.shiftKey && !e.isComposing) {
      e.preventDefault();
      $("ask-form").requestSubmit();
    }
  });
  $("new-chat").addEventListener("click", () => {
    state.chat++;
    abortCurrent(false);
    state.chatId = null;
    renderChats();
    state.history = [];
    $("log").replaceChildren();
    $("empty").hidden = false;
    togglePanel("paragraph-panel", false);
    announce("New chat.");
    $("question").focus();
  });
  $("show-chats").addEventListener("click", () => {
    const open = $("chats").hidden;
    togglePanel("chats", open);
    if (open) renderChats();
  });
  $("chats-close").addEventListener("click", () => { togglePanel("chats", false); $("show-chats").focus(); });
  $("clear-chats").addEventListener("click", () => {
    const button = $("clear-chats");
    if (button.dataset.confirm !== "yes") {
      button.dataset.confirm = "yes";
      button.textContent = "Really delete all saved chats?";
      return;
    }
    delete button.dataset.confirm;
    button.textContent = "Delete all";
    state.chatId = null;
    saveChats([]);
  });
  $("browse").addEventListener("click", () => {
    const open = $("browser").hidden;
    togglePanel("browser", open);
    if (open) $("filter").focus();
  });
  $("browser-close").addEventListener("click", () => { togglePanel("browser", false); $("browse").focus(); });
  $("panel-close").addEventListener("click", () => togglePanel("paragraph-panel", false));
  $("filter").addEventListener("input", renderBrowser);
  $("more").addEventListener("click", loadMore);
  document.addEventListener("keydown", (e) => {
    if (e.key === "Escape" && !$("preview").hidden) {
      hidePreview();
      return;
    }
    if (e.key === "Escape") {
      if (!$("paragraph-panel").hidden) togglePanel("paragraph-panel", false);
      else if (!$("browser").hidden) { togglePanel("browser", false); $("browse").focus(); }
      else if (!$("chats").hidden) { togglePanel("chats", false); $("show-chats").focus(); }
      else if (!$("documents").hidden) { togglePanel("documents", false); $("show-documents").focus(); }
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
