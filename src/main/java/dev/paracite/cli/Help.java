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
              help             show this text

            Options:
              --document PATH  a UTF-8 text document with numbered paragraphs instead of the built-in one
                               (env PARACITE_DOCUMENT)
              --top-k N        paragraphs to retrieve, 1-20 (default 5; env PARACITE_TOP_K)
              --host HOST      address to listen on (default 127.0.0.1; env PARACITE_HOST)
              --port N         port to listen on, 0 for any free one (default 7070; env PARACITE_PORT)
              --json           print the response as JSON
              --help           show this text

            Exit codes: 0 answered (or server stopped cleanly), 3 not in the document,
            2 bad input (question, option or document), 1 the server could not start.
            """;

    private Help() {}
}
