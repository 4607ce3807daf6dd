package dev.paracite.formats;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;

/**
 * A Word document's paragraphs with POI, one line each, blank lines between them; table cells in row
 * order. Word's automatic numbering is text Word draws, not text in the file: top-level decimal list items
 * are written "N. " here with the number Word would show ({@link ListNumbers}); headings ("Heading 1".."6")
 * become Markdown "#" lines.
 */
final class DocxText {

    private static final Pattern HEADING_STYLE = Pattern.compile("(?i)heading\\s*([1-6])");

    static {
        // zip-bomb guards, for every POI reader in this JVM: a part may not inflate more than 100x (POI's
        // default ratio) nor beyond the byte limit documents have anyway
        ZipSecureFile.setMinInflateRatio(0.01);
        ZipSecureFile.setMaxEntrySize(Formats.MAX_BYTES);
    }

    private final BoundedText text;
    private final ListNumbers numbers;

    private DocxText(XWPFDocument docx, String where) {
        this.text = new BoundedText(where);
        this.numbers = new ListNumbers(docx.getNumbering());
    }

    static String extract(byte[] content, String where) {
        try (XWPFDocument docx = new XWPFDocument(new ByteArrayInputStream(content))) {
            DocxText extraction = new DocxText(docx, where);
            docx.getBodyElements().forEach(extraction::element);
            return extraction.text.toString();
        } catch (UnreadableFileException e) {
            throw e;
        } catch (IOException | RuntimeException | StackOverflowError e) {
            if (isZipBomb(e)) {
                throw new UnreadableFileException(where + " expands to far more than its size (a zip bomb?); "
                        + "Paracite does not read it.");
            }
            throw new UnreadableFileException(where + " is a damaged Word document that cannot be read.");
        }
    }

    private void element(IBodyElement element) {
        if (element instanceof XWPFParagraph paragraph) {
            paragraph(paragraph);
        } else if (element instanceof XWPFTable table) {
            for (XWPFTableRow row : table.getRows()) {
                for (XWPFTableCell cell : row.getTableCells()) {
                    cell.getBodyElements().forEach(this::element);
                }
            }
        }
    }

    private void paragraph(XWPFParagraph paragraph) {
        String line = paragraph.getText().strip();
        if (line.isEmpty()) {
            return;
        }
        String prefix = numbers.prefix(paragraph.getNumID(), paragraph.getNumIlvl(), paragraph.getNumFmt());
        Matcher heading = HEADING_STYLE.matcher(paragraph.getStyleID() == null ? "" : paragraph.getStyleID());
        if (heading.matches()) {
            prefix = "#".repeat(Integer.parseInt(heading.group(1))) + " " + prefix;
        }
        text.append(prefix).append(line);
        text.blankLine();
    }

    private static boolean isZipBomb(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null && t.getMessage().contains("Zip bomb")) {
                return true;
            }
        }
        return false;
    }
}
