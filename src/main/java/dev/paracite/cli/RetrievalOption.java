package dev.paracite.cli;

import picocli.CommandLine.Option;

/** {@code --retrieval}: how paragraphs are found, for the commands that ask questions. */
public final class RetrievalOption {

    private String mode;

    @Option(names = "--retrieval", paramLabel = "MODE", defaultValue = "hybrid",
            description = "hybrid (BM25 fused with the offline embedding model) or bm25")
    @Env("PARACITE_RETRIEVAL")
    void mode(String value) {
        mode = Values.oneOf("--retrieval", value, "bm25", "hybrid");
    }

    /** {@code hybrid} or {@code bm25}. */
    public String mode() {
        return mode;
    }
}
