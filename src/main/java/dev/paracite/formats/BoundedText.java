package dev.paracite.formats;

import java.io.Writer;

/**
 * Text being extracted, refused once it passes {@link Formats#MAX_BYTES} characters: a small file can
 * expand (a compressed DOCX, a PDF drawing the same text many times) to more than anyone would read.
 */
final class BoundedText extends Writer {

    private final StringBuilder text = new StringBuilder();
    private final String where;

    BoundedText(String where) {
        this.where = where;
    }

    @Override
    public BoundedText append(CharSequence chars) {
        check(chars.length());
        text.append(chars);
        return this;
    }

    @Override
    public void write(char[] chars, int offset, int length) {
        check(length);
        text.append(chars, offset, length);
    }

    /** Ends the current line unless the text is empty or already ends with a blank line. */
    void blankLine() {
        int n = text.length();
        if (n > 0 && !(n >= 2 && text.charAt(n - 1) == '\n' && text.charAt(n - 2) == '\n')) {
            append(text.charAt(n - 1) == '\n' ? "\n" : "\n\n");
        }
    }

    private void check(int more) {
        if ((long) text.length() + more > Formats.MAX_BYTES) {
            throw new UnreadableFileException(where + " holds more than " + Formats.MAX_BYTES / (1024 * 1024)
                    + " MiB of text.");
        }
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}

    @Override
    public String toString() {
        return text.toString();
    }
}
