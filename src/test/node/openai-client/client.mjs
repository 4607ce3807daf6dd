// The official openai SDK asking a running Paracite, whole, streamed and through the SDK's stream
// helper, then with a wrong key; prints one JSON object that OpenAiNodeClientTest asserts on.
// Usage: node client.mjs <base URL ending in /v1> <access key> <question>
import OpenAI from 'openai';

const [baseURL, apiKey, question] = process.argv.slice(2);
const client = new OpenAI({ baseURL, apiKey, maxRetries: 0, timeout: 30_000 });
const request = {
  model: 'paracite',
  messages: [{ role: 'system', content: 'You are a helpful assistant.' }, { role: 'user', content: question }],
  temperature: 0,
  user: 'openai-node-test',
};

const completion = await client.chat.completions.create(request);
const message = completion.choices[0].message;

const stream = await client.chat.completions.create({ ...request, stream: true, stream_options: { include_usage: true } });
let streamed = '';
let chunks = 0;
let last;
for await (const chunk of stream) {
  streamed += chunk.choices[0]?.delta?.content ?? '';
  chunks++;
  last = chunk;
}

// the helper folds the deltas into one message, unknown delta fields (the citations) included
const final = await client.chat.completions.stream(request).finalChatCompletion();

let refused;
try {
  await new OpenAI({ baseURL, apiKey: 'wrong-key', maxRetries: 0 }).chat.completions.create(request);
} catch (e) {
  refused = { status: e.status, type: e.type, code: e.code, message: e.error?.message, sdkError: e instanceof OpenAI.APIError };
}

console.log(JSON.stringify({
  completion: {
    content: message.content, role: message.role, finish: completion.choices[0].finish_reason,
    citations: message.citations, topLevel: completion.citations,
  },
  stream: {
    content: streamed, chunks, finish: last.choices[0].finish_reason, citations: last.citations,
    deltaCitations: last.choices[0].delta.citations,
  },
  helper: { content: final.choices[0].message.content, citations: final.choices[0].message.citations },
  refused,
}));
