package dev.paracite.text;

/** A stretch {@code [start, end)} of a text, in UTF-16 offsets (the same as JavaScript's string indices). */
public record Span(int start, int end) {

    public Span {
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("bad span [" + start + ", " + end + ")");
        }
    }

    public String of(CharSequence text) {
        return text.subSequence(start, end).toString();
    }

    public int length() {
        return end - start;
    }
}
