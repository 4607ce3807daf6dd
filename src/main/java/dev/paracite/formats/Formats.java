package dev.paracite.formats;


/**
 * Turns a file's bytes into the plain text the document parser reads, whatever the file's format: plain
 * text, Markdown, HTML, PDF or DOCX, told apart by content ({@link Sniff}). Every refusal is a
 * {@link UnreadableFileException} of one sentence that starts with {@code where} (e.g. "Document policy.pdf").
 */
public final class Formats {

    /** Larger files, and larger extracted texts, are refused: a numbered-paragraph document is far smaller. */
    public static final long MAX_BYTES = 64L * 1024 * 1024;

    private Formats() {}

    public static Extracted extract(byte[] content, String where) {
        if (content.length > MAX_BYTES) {
            throw new UnreadableFileException(where + " is larger than " + MAX_BYTES / (1024 * 1024) + " MiB.");
        }
        Format format = Sniff.format(content, where);
        String text = switch (format) {
            case PDF -> PdfText.extract(content, where);
            case DOCX -> DocxText.extract(content, where);
            case HTML -> HtmlText.extract(content, where);
            case MARKDOWN -> PlainText.markdown(PlainText.decode(content, where));
            case TEXT -> PlainText.decode(content, where);
        };
        if (text.isBlank()) {
            throw new UnreadableFileException(where + " is empty.");
        }
        return new Extracted(format, text);
    }

    /** The format {@link #extract} would read {@code content} as; refuses what it would refuse by kind. */
    public static Format detect(byte[] content, String where) {
        return Sniff.format(content, where);
    }
}
