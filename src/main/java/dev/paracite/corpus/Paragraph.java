package dev.paracite.corpus;

/**
 * One numbered paragraph of a document (or the unnumbered preamble), with the section heading it
 * falls under. {@code line} is the 1-based source line where it starts.
 */
public record Paragraph(String label, String section, String text, int line) {

    /** Label of the unnumbered text before the first numbered paragraph. */
    public static final String PREAMBLE = "preamble";
}
