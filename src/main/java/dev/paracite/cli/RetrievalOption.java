package dev.paracite.cli;

import java.util.Locale;
import picocli.CommandLine.Option;

/** {@code --retrieval}: how paragraphs are found, for the commands that ask questions. */
public final class RetrievalOption {

    private String mode;

    @Option(names = "--retrieval", paramLabel = "MODE", defaultValue = "hybrid",
            description = "hybrid (BM25 fused with the offline embedding model) or bm25")
    @Env("PARACITE_RETRIEVAL")
    void mode(String value) {
        String mode = value.strip().toLowerCase(Locale.ROOT);
        if (!mode.equals("hybrid") && !mode.equals("bm25")) {
            throw new UsageException("--retrieval must be bm25 or hybrid; it was \"" + value + "\".");
        }
        this.mode = mode;
    }

    /** {@code hybrid} or {@code bm25}. */
    public String mode() {
        return mode;
    }
}
