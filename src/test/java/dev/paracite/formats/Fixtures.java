package dev.paracite.formats;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.poi.xwpf.usermodel.XWPFAbstractNum;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFNumbering;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTAbstractNum;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTLvl;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STNumberFormat;

/**
 * Documents in every format, generated here so that no binary fixture is checked in: a public library's
 * lending rules (written for these tests), under two roman-numbered headings. The PDF and DOCX makers
 * take any text, for the extraction benchmark's large files too.
 */
public final class Fixtures {

    static final String FIRST_HEADING = "I. Borrowing";
    static final List<String> BORROWING = List.of(
            "Members may borrow up to six books at a time with a valid library card.",
            "Books are lent for three weeks and may be renewed twice online.",
            "Audiobooks and DVDs are lent for one week and cannot be renewed.");
    static final String SECOND_HEADING = "II. Fees";
    static final List<String> FEES = List.of(
            "Overdue books cost 20 cents per day, up to a maximum of 5 dollars per book.",
            "A lost or damaged book must be replaced or paid for at its listed price.");

    private Fixtures() {}

    /** The rules as the parser reads them today: "N. text" lines under roman headings. */
    static List<String> lines() {
        List<String> lines = new java.util.ArrayList<>();
        lines.add(FIRST_HEADING);
        for (int i = 0; i < BORROWING.size(); i++) {
            lines.add((i + 1) + ". " + BORROWING.get(i));
        }
        lines.add(SECOND_HEADING);
        for (int i = 0; i < FEES.size(); i++) {
            lines.add((BORROWING.size() + i + 1) + ". " + FEES.get(i));
        }
        return lines;
    }

    static byte[] text() {
        return (String.join("\n", lines()) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    static byte[] markdown() {
        String md = "# Lending rules\n\n## " + FIRST_HEADING + "\n\n"
                + "1. Members may borrow **up to six books** at a time with a valid [library card](https://example.org/card).\n"
                + "2. " + BORROWING.get(1) + "\n3. " + BORROWING.get(2) + "\n\n## " + SECOND_HEADING + "\n\n"
                + "4. Overdue books cost __20 cents per day__, up to a maximum of 5 dollars per book.\n5. " + FEES.get(1) + "\n";
        return md.getBytes(StandardCharsets.UTF_8);
    }

    static byte[] html() {
        StringBuilder html = new StringBuilder("<!DOCTYPE html><html><head><title>Rules</title>"
                + "<style>p { color: red }</style><script>var secret = 'dropped';</script></head><body>"
                + "<h1>Lending rules</h1><h2>" + FIRST_HEADING + "</h2><ol>");
        BORROWING.forEach(p -> html.append("<li>").append(p.replace("library card", "library&nbsp;card")).append("</li>"));
        html.append("</ol><h2>").append(SECOND_HEADING).append("</h2><ol start=\"4\">");
        FEES.forEach(p -> html.append("<li><p>").append(p).append("</p></li>"));
        return html.append("</ol></body></html>").toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * A PDF of {@code lines} in 10-point Helvetica, one line per line {@code leading} points apart, on as
     * many pages as {@code perPage} lines allow.
     */
    public static byte[] pdf(List<String> lines, int perPage, float leading, StandardProtectionPolicy protection) {
        try (PDDocument pdf = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            for (int start = 0; start < lines.size(); start += perPage) {
                PDPage page = new PDPage();
                pdf.addPage(page);
                try (PDPageContentStream content = new PDPageContentStream(pdf, page)) {
                    content.beginText();
                    content.setFont(font, 10);
                    content.setLeading(leading);
                    content.newLineAtOffset(50, 740);
                    for (String line : lines.subList(start, Math.min(lines.size(), start + perPage))) {
                        content.showText(line);
                        content.newLine();
                    }
                    content.endText();
                }
            }
            if (protection != null) {
                pdf.protect(protection);
            }
            pdf.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] pdf() {
        return pdf(lines(), 50, 14, null);
    }

    static byte[] encryptedPdf() {
        StandardProtectionPolicy policy = new StandardProtectionPolicy("owner-secret", "user-secret", new AccessPermission());
        policy.setEncryptionKeyLength(128);
        return pdf(lines(), 50, 14, policy);
    }

    /** A scanned page: an image and no text layer. */
    static byte[] imageOnlyPdf() {
        try (PDDocument pdf = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage();
            pdf.addPage(page);
            BufferedImage scan = new BufferedImage(200, 100, BufferedImage.TYPE_INT_RGB);
            try (PDPageContentStream content = new PDPageContentStream(pdf, page)) {
                content.drawImage(LosslessFactory.createFromImage(pdf, scan), 50, 600);
            }
            pdf.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A DOCX of the rules with Word's own decimal numbering (no number typed in the text) and "Heading 1" headings. */
    static byte[] docx() {
        Map<String, List<String>> sections = new LinkedHashMap<>();
        sections.put(FIRST_HEADING, BORROWING);
        sections.put(SECOND_HEADING, FEES);
        return docx(sections, true);
    }

    /**
     * A DOCX of {@code sections}, each heading in "Heading 1" style followed by its paragraphs, numbered by
     * Word's own decimal list (no number typed in the text) or, without {@code wordNumbering}, typed "N. "
     * with N counting on across sections.
     */
    public static byte[] docx(Map<String, List<String>> sections, boolean wordNumbering) {
        try (XWPFDocument docx = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            XWPFNumbering numbering = docx.createNumbering();
            BigInteger numId = numbering.addNum(numbering.addAbstractNum(decimalList()));
            int n = 0;
            for (Map.Entry<String, List<String>> section : sections.entrySet()) {
                heading(docx, section.getKey());
                for (String text : section.getValue()) {
                    n++;
                    XWPFParagraph p = docx.createParagraph();
                    if (wordNumbering) {
                        p.setNumID(numId);
                        p.setNumILvl(BigInteger.ZERO);
                    }
                    p.createRun().setText(wordNumbering ? text : n + ". " + text);
                }
            }
            docx.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static XWPFAbstractNum decimalList() {
        CTAbstractNum list = CTAbstractNum.Factory.newInstance();
        list.setAbstractNumId(BigInteger.ZERO);
        CTLvl level = list.addNewLvl();
        level.setIlvl(BigInteger.ZERO);
        level.addNewNumFmt().setVal(STNumberFormat.DECIMAL);
        level.addNewLvlText().setVal("%1.");
        level.addNewStart().setVal(BigInteger.ONE);
        return new XWPFAbstractNum(list);
    }

    private static void heading(XWPFDocument docx, String text) {
        XWPFParagraph p = docx.createParagraph();
        p.setStyle("Heading1");
        p.createRun().setText(text);
    }

    /** A ZIP of the given entries, each deflated. */
    static byte[] zip(String name, byte[] content) {
        try (ByteArrayOutputStream bytes = new ByteArrayOutputStream(); ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.setLevel(9);
            zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
            zip.write("<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>"
                    .getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry(name));
            zip.write(content);
            zip.closeEntry();
            zip.finish();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
