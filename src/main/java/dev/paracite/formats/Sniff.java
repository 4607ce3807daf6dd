package dev.paracite.formats;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;

/** Tells a file's format from its first bytes (and, for a ZIP, its directory); the file name plays no part. */
final class Sniff {

    private static final byte[] PDF = "%PDF-".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] ZIP = {'P', 'K', 3, 4};
    /** Common files that are not documents, by their magic bytes, named as a reader would know them. */
    private static final Map<String, byte[]> OTHER_BINARY = Map.of(
            "a PNG image", new byte[] {(byte) 0x89, 'P', 'N', 'G'},
            "a JPEG image", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF},
            "a GIF image", new byte[] {'G', 'I', 'F', '8'},
            "a gzip archive", new byte[] {0x1F, (byte) 0x8B},
            "an executable", new byte[] {0x7F, 'E', 'L', 'F'},
            "an old-style Office file (.doc, .xls)", new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0},
            "an RTF file", new byte[] {'{', '\\', 'r', 't', 'f'});
    /** Looked for in the first {@link #HEAD} characters, after leading blanks, comments and a byte-order mark. */
    private static final Pattern HTML = Pattern.compile(
            "<(!doctype\\s+html|html|head|body|p|div|ol|ul|h[1-6]|table|section|article|main)[\\s>/]");
    private static final int HEAD = 1024;
    private static final Pattern MARKDOWN = Pattern.compile(
            "(?m)^(#{1,6}\\s+\\S|```|\\s{0,3}[-*+]\\s+\\S.*\\n\\s{0,3}[-*+]\\s+\\S)|\\[[^\\]\\n]+\\]\\([^)\\s]+\\)|\\*\\*\\S");

    private Sniff() {}

    static Format format(byte[] content, String where) {
        if (startsWith(content, PDF)) {
            return Format.PDF;
        }
        if (startsWith(content, ZIP)) {
            if (!hasWordDocument(content, where)) {
                throw new UnreadableFileException(where + " is a ZIP archive but not a Word document (.docx); "
                        + "Paracite reads text, Markdown, HTML, PDF and DOCX files.");
            }
            return Format.DOCX;
        }
        for (Map.Entry<String, byte[]> other : OTHER_BINARY.entrySet()) {
            if (startsWith(content, other.getValue())) {
                throw new UnreadableFileException(where + " is " + other.getKey()
                        + "; Paracite reads text, Markdown, HTML, PDF and DOCX files.");
            }
        }
        String head = new String(content, 0, Math.min(content.length, HEAD), StandardCharsets.UTF_8)
                .stripLeading().toLowerCase(Locale.ROOT);
        if (head.startsWith("<") && HTML.matcher(head).find()) {
            return Format.HTML;
        }
        String start = new String(content, 0, Math.min(content.length, 64 * 1024), StandardCharsets.UTF_8);
        return MARKDOWN.matcher(start).find() ? Format.MARKDOWN : Format.TEXT;
    }

    /** True when the ZIP's central directory names word/document.xml; nothing is inflated to find out. */
    private static boolean hasWordDocument(byte[] content, String where) {
        try (ZipFile zip = ZipFile.builder().setSeekableByteChannel(new SeekableInMemoryByteChannel(content)).get()) {
            return zip.getEntry("word/document.xml") != null;
        } catch (IOException | RuntimeException e) {
            throw new UnreadableFileException(where + " is damaged: it starts as a ZIP (DOCX) file but cannot be read as one.");
        }
    }

    private static boolean startsWith(byte[] content, byte[] magic) {
        if (content.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if (content[i] != magic[i]) {
                return false;
            }
        }
        return true;
    }
}
