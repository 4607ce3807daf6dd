package dev.paracite.cli;

/** The text of {@code --help}. */
final class Help {

    static final String TEXT = """
            Paracite: answers questions about a document of numbered paragraphs, citing the paragraphs.

            Usage: java -jar target/paracite.jar <command> [options]

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
              --model NAME     the model that writes answers: extractive (default; env PARACITE_MODEL)
              --set PATH       for eval: a JSONL question set (default eval/dev.jsonl) or a SQuAD folder
              --sample N       for eval: keep every N-th question (default 1, all)
              --out DIR        for eval: where reports go (default target/eval)
              --thresholds F   for eval: the bars to clear (default eval/thresholds.json)
              --json           print the response as JSON
              --help           show this text

            Exit codes: 0 answered (or server stopped cleanly, or eval met its thresholds), 3 not in the
            document, 2 bad input (question, option, document or eval set), 1 the server could not start,
            4 eval missed a threshold.
            """;

    private Help() {}
}
