// Paracite's documents panel, shown when the server keeps a library: add files (picker or drop), list
// the kept documents with their versions and ingestion notes, remove one, and choose which documents the
// conversation asks. Uses app.js's api(), el(), $() and state; all text goes in as text.
"use strict";

// ids of the documents whose versions are shown
const openVersions = new Set();

// Marks the panel busy while `work` adds or removes documents and the page reads the library again.
async function busy(work) {
  $("documents").setAttribute("aria-busy", "true");
  try {
    return await work();
  } finally {
    $("documents").removeAttribute("aria-busy");
  }
}

// Reads the library's documents; a server answering from one document has none (404) and no panel.
async function loadLibrary() {
  const reply = await api("/api/documents");
  state.library = reply.ok;
  $("show-documents").hidden = !reply.ok;
  $("scope").hidden = !reply.ok;
  if (!reply.ok) {
    togglePanel("documents", false);
    return;
  }
  $("empty").textContent = "Ask about the documents in the library; the Documents button adds and chooses them. "
    + "Every answer cites the paragraphs it rests on; click a citation to read it.";
  renderDocuments((await reply.json()).documents || []);
}

// After an upload or a removal: the title line, the list and the browser's first page again.
async function refreshLibrary() {
  try {
    await loadHealth();
    await loadLibrary();
    await loadParagraphs(true);
  } catch (e) {
    $("documents-status").textContent = plainError(e);
  }
}

function renderDocuments(documents) {
  const ids = new Set(documents.map((d) => d.id));
  for (const id of [...state.scope]) if (!ids.has(id)) state.scope.delete(id);
  const list = $("document-list");
  list.replaceChildren();
  $("documents-empty").hidden = documents.length > 0;
  for (const d of documents) list.append(documentEntry(d));
  renderScope();
}

function documentEntry(d) {
  const entry = el("li", "document");
  entry.dataset.id = d.id;
  const label = el("label", "pick");
  const box = el("input");
  box.type = "checkbox";
  box.checked = state.scope.has(d.id);
  box.addEventListener("change", () => {
    if (box.checked) state.scope.add(d.id);
    else state.scope.delete(d.id);
    renderScope();
  });
  label.append(box, el("span", "doc-title", d.title || d.id), el("span", "doc-id", d.id));
  const meta = el("span", "doc-meta", "version " + d.version + " · " + d.paragraphs + " paragraph" + (d.paragraphs === 1 ? "" : "s"));
  const versions = el("details", "versions");
  versions.append(el("summary", null, d.versions + " version" + (d.versions === 1 ? "" : "s") + " and ingestion notes"));
  versions.addEventListener("toggle", () => {
    if (versions.open) showVersions(versions, d.id);
    if (versions.open) openVersions.add(d.id);
    else openVersions.delete(d.id);
  });
  versions.open = openVersions.has(d.id); // stays open when the list is drawn again
  entry.append(label, meta, versions, removeButton(entry, d));
  return entry;
}

// "Asking: all documents." or the ones checked, under the question box.
function renderScope() {
  $("scope").textContent = state.scope.size === 0 ? "Asking all documents."
    : "Asking only: " + [...state.scope].sort().join(", ") + ".";
}

async function showVersions(box, id) {
  const summary = box.querySelector("summary");
  box.replaceChildren(summary, el("p", "hint", "Loading the versions…"));
  try {
    const reply = await api("/api/documents/" + encodeURIComponent(id));
    const body = await reply.json().catch(() => ({}));
    if (!reply.ok) throw new Error(body.message || "The server answered " + reply.status + ".");
    const list = el("ol", "version-list");
    for (const v of [...body.versions].reverse()) {
      const item = el("li", "version", "Version " + v.version + " · " + v.paragraphs + " paragraphs · " + (v.source || "")
        + " · added " + when(v.added));
      const notes = v.ingestion || [];
      item.append(el("span", "hint version-notes", notes.length === 0 ? " · no ingestion notes"
        : " · " + notes.length + " ingestion note" + (notes.length === 1 ? "" : "s") + ":"));
      if (notes.length > 0) {
        const ul = el("ul", "notes-list");
        notes.forEach((n) => ul.append(el("li", null, noteText(n))));
        item.append(ul);
      }
      list.append(item);
    }
    box.replaceChildren(summary, list);
  } catch (e) {
    box.replaceChildren(summary, el("p", "hint", plainError(e)));
  }
}

function when(iso) {
  const date = new Date(iso);
  return isNaN(date) ? String(iso) : date.toLocaleString();
}

// Remove asks once more before it removes: the first press turns the button into the confirmation.
function removeButton(entry, d) {
  const remove = el("button", "remove", "Remove");
  remove.type = "button";
  remove.setAttribute("aria-label", "Remove " + d.id);
  const cancel = el("button", "cancel", "Keep it");
  cancel.type = "button";
  cancel.hidden = true;
  const row = el("span", "remove-row");
  row.append(remove, cancel);
  cancel.addEventListener("click", () => {
    delete remove.dataset.confirm;
    remove.textContent = "Remove";
    remove.setAttribute("aria-label", "Remove " + d.id);
    cancel.hidden = true;
    remove.focus();
  });
  remove.addEventListener("click", async () => {
    if (remove.dataset.confirm !== "yes") {
      remove.dataset.confirm = "yes";
      remove.textContent = "Remove " + d.id + " and all its versions";
      remove.setAttribute("aria-label", "Confirm: remove " + d.id + " and all its versions");
      cancel.hidden = false;
      return;
    }
    remove.disabled = true;
    await busy(async () => {
      const removed = await removeDocument(d.id);
      $("documents-status").textContent = removed.message;
      remove.disabled = false;
      if (removed.ok) await refreshLibrary();
    });
  });
  return row;
}

async function removeDocument(id) {
  try {
    const reply = await api("/api/documents/" + encodeURIComponent(id), { method: "DELETE" });
    if (reply.ok) {
      state.scope.delete(id);
      return { ok: true, message: "Removed " + id + "." };
    }
    if (reply.status === 401) {
      return { ok: false, message: "Removing a document needs an access key: enter it above, then remove again." };
    }
    const body = await reply.json().catch(() => ({}));
    return { ok: false, message: body.message || "The server answered " + reply.status + "." };
  } catch (e) {
    return { ok: false, message: plainError(e) };
  }
}

// Adds files one after the other (the library takes one at a time), each with its own line saying how it went.
async function upload(files) {
  let added = false;
  for (const file of files) {
    const line = el("li", "upload pending", file.name + ": adding…");
    $("uploads").append(line);
    line.textContent = file.name + ": " + await uploadOne(file, line);
    line.classList.remove("pending");
    added = added || line.classList.contains("done");
  }
  if (added) await refreshLibrary();
}

async function uploadOne(file, line) {
  const form = new FormData();
  form.append("file", file, file.name);
  try {
    const reply = await api("/api/documents", { method: "POST", body: form });
    const body = await reply.json().catch(() => ({}));
    if (!reply.ok) {
      line.classList.add("failed");
      if (reply.status === 401) return "Adding a document needs an access key: enter it above, then add the file again.";
      return body.message || "The server answered " + reply.status + ".";
    }
    line.classList.add("done");
    const notes = body.ingestion || [];
    const read = body.paragraphs + " paragraph" + (body.paragraphs === 1 ? "" : "s")
      + (notes.length > 0 ? ", " + notes.length + " ingestion note" + (notes.length === 1 ? "" : "s") : "");
    return body.unchanged ? "unchanged: " + body.id + " version " + body.version + " already holds it."
      : "added " + body.id + " version " + body.version + " (" + read + ").";
  } catch (e) {
    line.classList.add("failed");
    return plainError(e);
  }
}

document.addEventListener("DOMContentLoaded", () => {
  $("show-documents").addEventListener("click", () => togglePanel("documents", $("documents").hidden));
  $("documents-close").addEventListener("click", () => { togglePanel("documents", false); $("show-documents").focus(); });
  $("files").addEventListener("change", () => {
    const files = [...$("files").files];
    $("files").value = "";
    if (files.length > 0) busy(() => upload(files));
  });
  const panel = $("documents");
  panel.addEventListener("dragover", (e) => {
    if (![...e.dataTransfer.types].includes("Files")) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = "copy";
    $("drop").classList.add("dragging");
  });
  panel.addEventListener("dragleave", (e) => {
    if (!panel.contains(e.relatedTarget)) $("drop").classList.remove("dragging");
  });
  panel.addEventListener("drop", (e) => {
    e.preventDefault();
    $("drop").classList.remove("dragging");
    const files = [...e.dataTransfer.files];
    if (files.length > 0) busy(() => upload(files));
  });
});
