package dev.paracite.cli;

import dev.paracite.corpus.Document;
import picocli.CommandLine.Option;

/** {@code --document}: the document a command reads, for every command. */
public final class DocumentOption {

    @Option(names = "--document", paramLabel = "PATH",
            description = "a document with numbered paragraphs: UTF-8 text, Markdown, HTML, PDF or DOCX (default the built-in document)")
    @Env("PARACITE_DOCUMENT")
    private String path;

    /** The file given, or null for the built-in document. */
    public String path() {
        return path;
    }

    Document load() {
        return Cli.load(path);
    }
}
