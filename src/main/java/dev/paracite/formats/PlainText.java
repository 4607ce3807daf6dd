package dev.paracite.formats;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/** UTF-8 text and Markdown: decoded strictly; Markdown loses only its emphasis markers and link targets. */
final class PlainText {

    private static final Pattern LINK = Pattern.compile("!?\\[([^\\]\\n]*)\\]\\([^)\\n]*\\)");
    private static final Pattern EMPHASIS = Pattern.compile("\\*\\*|__");

    private PlainText() {}

    /** The text of UTF-8 {@code bytes}, a leading byte-order mark dropped; refuses invalid UTF-8 and NUL bytes. */
    static String decode(byte[] bytes, String where) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new UnreadableFileException(where + " is not valid UTF-8 text.");
        }
        text = text.startsWith("\uFEFF") ? text.substring(1) : text;
        if (text.isBlank()) {
            throw new UnreadableFileException(where + " is empty.");
        }
        if (text.indexOf('\0') >= 0) {
            throw new UnreadableFileException(where + " contains NUL bytes; it looks binary, not plain text.");
        }
        return text;
    }

    /** Markdown as plain text: {@code [text](url)} becomes {@code text}, {@code **} and {@code __} go. */
    static String markdown(String text) {
        return EMPHASIS.matcher(LINK.matcher(text).replaceAll("$1")).replaceAll("");
    }
}
