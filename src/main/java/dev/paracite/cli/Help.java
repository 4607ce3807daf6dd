package dev.paracite.cli;

/** The text of {@code --help}. */
final class Help {

    static final String TEXT = """
            Paracite: answers questions about a document of numbered paragraphs, citing the paragraphs.

            Usage: target/paracite <command> [options]     (or: java -jar target/paracite.jar <command> [options])

            Commands:
              serve            start the web chat and the HTTP API (http://127.0.0.1:7070/ by default)
              ask "QUESTION"   answer one question; prints the answer, then each cited paragraph
              document         show the document's paragraphs, sections and what ingestion dropped or flagged
              eval             run an evaluation set, print its metrics, write reports; exit 4 below thresholds
              eval --compare A.json B.json
                               what got better and worse between two evaluation reports
              help             show this text

            Options:
              --document PATH  a UTF-8 text document with numbered paragraphs instead of the built-in one
                               (env PARACITE_DOCUMENT)
              --top-k N        paragraphs to retrieve, 1-20 (default 5; env PARACITE_TOP_K)
              --host HOST      address to listen on (default 127.0.0.1; env PARACITE_HOST)
              --port N         port to listen on, 0 for any free one (default 7070; env PARACITE_PORT)
              --model NAME     who writes answers: extractive (default, offline), openai (any OpenAI-compatible
                               server: OpenAI, vLLM, llama.cpp, Ollama, LM Studio) or anthropic (env PARACITE_MODEL)
              --base-url URL   the model server's API root, e.g. http://localhost:11434/v1 (env PARACITE_BASE_URL)
              --api-key KEY    prefer the environment variable PARACITE_API_KEY, which stays out of shell history
              --model-name N   the provider's model, e.g. gpt-4o-mini (env PARACITE_MODEL_NAME)
              --temperature T  0-2 (default 0; env PARACITE_TEMPERATURE)
              --max-tokens N   longest answer (default 600; env PARACITE_MAX_TOKENS)
              --timeout S      seconds to connect, to the reply or its first streamed token, and between
                               streamed tokens (default 60; env PARACITE_TIMEOUT)
              --answer-timeout S
                               seconds one answer may take, every try included (default 60; env
                               PARACITE_ANSWER_TIMEOUT)
              --max-retries N  retries on 429, 5xx and timeouts before the first token (default 2;
                               env PARACITE_MAX_RETRIES)
              --fallback extractive
                               answer with the extractive model when the language model is unavailable
                               (env PARACITE_FALLBACK; default none)
              --prompts DIR    prompt templates instead of the built-in prompts/ (env PARACITE_PROMPTS)
              --set PATH       for eval: a JSONL question set (default eval/dev.jsonl) or a SQuAD folder
              --sample N       for eval: keep every N-th question (default 1, all)
              --out DIR        for eval: where reports go (default target/eval)
              --thresholds F   for eval: the bars to clear (default eval/thresholds.json)
              --access-keys F  for serve: require Authorization: Bearer <key> on /api/*, keys from file F,
                               one a line (env PARACITE_ACCESS_KEYS_FILE; or PARACITE_ACCESS_KEYS=k1,k2)
              --rate-limit N   for serve: requests a minute per client address, 0 for none (default 600;
                               env PARACITE_RATE_LIMIT)
              --max-answering N
                               for serve: answers written at once before 503 (default 32; env
                               PARACITE_MAX_ANSWERING)
              --max-answering-per-client N
                               for serve: answers one client address may have written at once before
                               429 (default a quarter of --max-answering, at least 2)
              --drain-timeout S
                               for serve: on SIGTERM, seconds answers in flight may take to finish
                               before open streams are ended (default 10)
              --cors-origins O for serve: comma-separated browser origins allowed to call the API (default none)
              --metrics-key K  for serve: the one key GET /metrics accepts (Authorization: Bearer K) instead of
                               the access keys; prefer the variable PARACITE_METRICS_KEY
              --log-questions  for serve: show each question in the access log (off: never)
              --json           print the response as JSON
              --help           show this text

            Exit codes: 0 answered (or server stopped with every answer finished, or eval met its
            thresholds), 3 not in the document, 2 bad input (question, option, document, eval set or
            model settings), 1 the server could not start or had to end answers at shutdown, 4 eval
            missed a threshold, 5 the language model was unavailable.
            """;

    private Help() {}
}
