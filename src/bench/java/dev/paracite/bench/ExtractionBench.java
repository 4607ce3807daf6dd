package dev.paracite.bench;

import dev.paracite.corpus.Document;
import dev.paracite.corpus.DocumentParser;
import dev.paracite.formats.Fixtures;
import dev.paracite.formats.Formats;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Text extraction (bench/README.md, "Extracting PDF, DOCX and HTML"; Tika, the other candidate there, was
 * measured by this class at commit db390ea and then left out of the pom): time (warm, min and median of 9
 * rounds after 5, the candidates taking turns) and line structure (numbered paragraphs the parser finds,
 * and how many open with their true first line) on generated files: a 200-page PDF of 4,000 two-line
 * numbered paragraphs, a 2,000-paragraph DOCX with Word's own numbering and one with typed numbers, and
 * HTML with a 2,000-item {@code <ol>}. Writes target/bench/extraction.json.
 */
public final class ExtractionBench {

    private static final int PDF_PAGES = 200;
    private static final int PER_PAGE = 20;
    private static final int DOCX_PARAGRAPHS = 2_000;
    private static final int WARM_UP = 5;
    private static final int RUNS = 9;

    private ExtractionBench() {}

    public static void main(String[] args) throws Exception {
        Map<String, Function<byte[], String>> candidates = new LinkedHashMap<>();
        candidates.put("pdfbox+poi+jsoup (formats)", bytes -> Formats.extract(bytes, "bench").text());
        // what Tika's PDF parser sets differently from PDFBox's defaults: overlapping duplicate text kept
        candidates.put("pdfbox, duplicate-text suppression off (PDF only)", bytes -> {
            if (bytes[0] != '%') {
                return "";
            }
            try (org.apache.pdfbox.pdmodel.PDDocument pdf = org.apache.pdfbox.Loader.loadPDF(bytes)) {
                org.apache.pdfbox.text.PDFTextStripper stripper = new org.apache.pdfbox.text.PDFTextStripper();
                stripper.setSuppressDuplicateOverlappingText(false);
                return stripper.getText(pdf);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("pdf 200 pages, 4,000 numbered paragraphs", pdf());
        files.put("docx 2,000 paragraphs, Word numbering", docx(true));
        files.put("docx 2,000 paragraphs, typed numbers", docx(false));
        files.put("html 2,000-item <ol>", html());
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            int truth = file.getKey().startsWith("pdf") ? PDF_PAGES * PER_PAGE : DOCX_PARAGRAPHS;
            // the candidates take turns, so that neither runs on code the other has warmed up
            Map<String, double[]> ms = new LinkedHashMap<>();
            Map<String, String> texts = new LinkedHashMap<>();
            candidates.keySet().forEach(name -> ms.put(name, new double[RUNS]));
            for (int run = -WARM_UP; run < RUNS; run++) {
                for (Map.Entry<String, Function<byte[], String>> candidate : candidates.entrySet()) {
                    long t0 = System.nanoTime();
                    texts.put(candidate.getKey(), candidate.getValue().apply(file.getValue()));
                    if (run >= 0) {
                        ms.get(candidate.getKey())[run] = (System.nanoTime() - t0) / 1e6;
                    }
                }
            }
            for (String name : candidates.keySet()) {
                if (texts.get(name).isEmpty()) {
                    continue;
                }
                rows.add(row(file.getKey(), file.getValue().length, truth, name, ms.get(name), texts.get(name)));
                System.out.println(rows.get(rows.size() - 1));
            }
        }
        BenchJson.write("extraction", Map.of("warmUpRounds", WARM_UP, "measuredRounds", RUNS, "rows", rows));
    }

    private static Map<String, Object> row(String file, int bytes, int truth, String name, double[] ms, String text) {
        Arrays.sort(ms);
        Document document = DocumentParser.parse("bench", text);
        long numbered = document.paragraphs().stream().filter(p -> p.label().matches("\\d+")).count();
        long exact = document.paragraphs().stream()
                .filter(p -> p.label().matches("\\d+") && p.text().startsWith(first(Integer.parseInt(p.label()))))
                .count();
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("file", file);
        row.put("bytes", bytes);
        row.put("candidate", name);
        row.put("minMs", Math.round(ms[0] * 10) / 10.0);
        row.put("medianMs", Math.round(ms[ms.length / 2] * 10) / 10.0);
        row.put("trueParagraphs", truth);
        row.put("numberedFound", numbered);
        row.put("openingLineRight", exact);
        row.put("sample", text.strip().lines().skip(2).limit(3).toList());
        return row;
    }

    private static String first(int n) {
        return "Paragraph " + n + " sets out rule " + n + " of the records schedule for the archive,";
    }

    private static String second(int n) {
        return "and it continues on a second line so that rule " + n + " wraps like real text.";
    }

    /** Two lines a paragraph, {@code PER_PAGE} paragraphs a page, lines 17 points apart. */
    static byte[] pdf() {
        List<String> lines = new ArrayList<>();
        for (int n = 1; n <= PDF_PAGES * PER_PAGE; n++) {
            lines.add(n + ". " + first(n));
            lines.add(second(n));
        }
        return Fixtures.pdf(lines, 2 * PER_PAGE, 17, null);
    }

    /** A "Part" heading every 100 paragraphs. */
    static byte[] docx(boolean wordNumbering) {
        Map<String, List<String>> parts = new LinkedHashMap<>();
        for (int n = 1; n <= DOCX_PARAGRAPHS; n++) {
            parts.computeIfAbsent("Part " + ((n - 1) / 100 + 1), part -> new ArrayList<>()).add(first(n) + " " + second(n));
        }
        return Fixtures.docx(parts, wordNumbering);
    }

    static byte[] html() {
        StringBuilder html = new StringBuilder("<!DOCTYPE html><html><head><title>Schedule</title></head><body><ol>");
        for (int n = 1; n <= DOCX_PARAGRAPHS; n++) {
            html.append("<li>").append(first(n)).append(' ').append(second(n)).append("</li>\n");
        }
        return html.append("</ol></body></html>").toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }
}
