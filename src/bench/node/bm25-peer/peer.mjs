// LangChain.js's BM25Retriever timed on the paragraphs and questions PeerBm25Bench writes, with the
// schedule the Java side uses: warm-up passes over the questions, then measured passes, one call at a
// time. Usage: node peer.mjs INPUT.json OUTPUT.json
import { readFileSync, writeFileSync } from "node:fs";
import { loadavg } from "node:os";
import { BM25Retriever } from "@langchain/community/retrievers/bm25";
import { Document } from "@langchain/core/documents";

const [inputFile, outputFile] = process.argv.slice(2);
const input = JSON.parse(readFileSync(inputFile, "utf8"));

function version(name) {
  const url = new URL(`./node_modules/${name}/package.json`, import.meta.url);
  return JSON.parse(readFileSync(url, "utf8")).version;
}

// One retriever per document, as the product keeps one index per document.
function retrievers(k, caseOf = (text) => text) {
  return input.documents.map((d) => BM25Retriever.fromDocuments(
    d.paragraphs.map((p) => new Document({ id: p.id, pageContent: caseOf(p.text), metadata: { id: p.id } })), { k }));
}

async function ask(all, q) {
  return all[q.document].invoke(q.question);
}

/**
 * Passes over every question, at least one, until `seconds` have gone; each call timed, and the CPU
 * time of the whole process (every thread) taken over them.
 */
async function passes(all, seconds) {
  const nanos = [];
  const cpu = process.cpuUsage();
  const start = process.hrtime.bigint();
  do {
    for (const q of input.questions) {
      const t = process.hrtime.bigint();
      await ask(all, q);
      nanos.push(Number(process.hrtime.bigint() - t));
    }
  } while (Number(process.hrtime.bigint() - start) < seconds * 1e9);
  const used = process.cpuUsage(cpu);
  return { nanos, wallNanos: Number(process.hrtime.bigint() - start), cpuNanos: (used.user + used.system) * 1e3 };
}

/** {recall5, mrr10} of one untimed pass with a k=10 retriever (the peer scores every paragraph whatever k is). */
async function quality(all) {
  let recall5 = 0;
  let mrr10 = 0;
  for (const q of input.questions) {
    const ids = (await ask(all, q)).map((d) => d.metadata.id);
    const rank = ids.findIndex((id) => q.gold.includes(id)) + 1;
    recall5 += rank >= 1 && rank <= 5 ? 1 : 0;
    mrr10 += rank >= 1 ? 1 / rank : 0;
  }
  const n = input.questions.length;
  return { recall5: recall5 / n, mrr10: mrr10 / n };
}

function percentileMillis(sorted, p) {
  return sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)] / 1e6;
}

const built = process.hrtime.bigint();
const timed = retrievers(input.k);
const buildMillis = Number(process.hrtime.bigint() - built) / 1e6;
const warm = await passes(timed, input.warmupSeconds);
const loadAverage = loadavg()[0];
const run = await passes(timed, input.measureSeconds);
const sorted = [...run.nanos].sort((a, b) => a - b);
const out = {
  retriever: "BM25Retriever (@langchain/community/retrievers/bm25), k " + input.k + ", invoke()",
  versions: { "@langchain/community": version("@langchain/community"), "@langchain/core": version("@langchain/core"),
    node: process.version },
  buildMillis,
  warmupQueries: warm.nanos.length,
  measuredQueries: run.nanos.length,
  queriesPerSecond: run.nanos.length / (run.wallNanos / 1e9),
  queriesPerCpuSecond: run.nanos.length / (run.cpuNanos / 1e9),
  loadAverage,
  p50Millis: percentileMillis(sorted, 0.5),
  p99Millis: percentileMillis(sorted, 0.99),
  ...(await quality(retrievers(10))),
  // the peer lower-cases the question but not the paragraphs; what a caller gains by lower-casing them
  lowerCasedParagraphs: await quality(retrievers(10, (text) => text.toLowerCase())),
};
writeFileSync(outputFile, JSON.stringify(out, null, 2));
console.log(JSON.stringify({ ...out, versions: undefined }));
