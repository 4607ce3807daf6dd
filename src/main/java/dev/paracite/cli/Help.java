package dev.paracite.cli;

/** The text of {@code --help}. */
final class Help {

    static final String TEXT = """
            Paracite: answers questions about a document of numbered paragraphs, citing the paragraphs.

            Usage: java -jar target/paracite.jar <command> [options]

            Commands:
              ask "QUESTION"   answer one question; prints the answer, then each cited paragraph
              document         show the document's paragraphs, sections and what ingestion dropped or flagged
              help             show this text

            Options:
              --document PATH  a UTF-8 text document with numbered paragraphs instead of the built-in one
                               (env PARACITE_DOCUMENT)
              --top-k N        paragraphs to retrieve, 1-20 (default 5; env PARACITE_TOP_K)
              --json           print the response as JSON
              --help           show this text

            Exit codes: 0 answered, 3 not in the document, 2 bad input (question, option or document).
            """;

    private Help() {}
}
