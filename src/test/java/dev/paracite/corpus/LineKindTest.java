package dev.paracite.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The hand-written reading of structural lines against the patterns it stands in for, on awkward lines. */
class LineKindTest {

    private static final Pattern NUMBERED = Pattern.compile("^(\\d{1,7})\\.\\s+(\\S.*)$");
    private static final Pattern HEADING = Pattern.compile("^([IVXLCDMY]{1,8})\\.\\s+(\\S.*)$");

    /** Pieces a line is built from: markers, their near misses, every kind of whitespace, line terminators. */
    private static final String[] PIECES = {"1", "7", "12", "0042", "1234567", "12345678", "\u0663", "I", "V", "X",
        "IV", "IY", "XL", "MMM", "MMMM", "IIIIIIIII", "Y", "i", "C", "D", "L", "M", ".", ". ", ".\t", ".  ", " ", "\t",
        "\u000B", "\f", "\u001C", "\u00A0", "\u2003", "\u0085", "\u2028", "\u2029", "Text", "a", "-", "\uD83D\uDE00",
        "\uD83D", "\uDE00", "2. Two", "II. Part"};

    @Test
    void numbered_lines_are_read_as_the_pattern_reads_them() {
        Random random = new Random(17);
        for (int i = 0; i < 50_000; i++) {
            String line = line(random);
            Matcher m = NUMBERED.matcher(line);
            Optional<LineKind.Numbered> expected = m.matches()
                    ? Optional.of(new LineKind.Numbered(Integer.parseInt(m.group(1)), m.group(2))) : Optional.empty();
            assertEquals(expected, LineKind.numbered(line), escaped(line));
        }
    }

    @Test
    void headings_are_read_as_the_pattern_reads_them() {
        Random random = new Random(18);
        for (int i = 0; i < 50_000; i++) {
            String line = line(random);
            Matcher m = HEADING.matcher(line);
            Optional<LineKind.Heading> heading = LineKind.heading(line);
            if (!m.matches()) {
                assertEquals(Optional.empty(), heading, escaped(line));
            } else if (heading.isPresent()) {
                assertEquals(m.group(1) + "|" + m.group(2), heading.get().written() + "|" + heading.get().title(), escaped(line));
            } else {
                assertTrue(!m.group(1).matches("M{0,3}(CM|CD|D?C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})"), escaped(line));
            }
        }
    }

    @Test
    void a_line_opens_a_paragraph_a_section_or_nothing() {
        assertEquals(Optional.of(new LineKind.Numbered(12, "Text.")), LineKind.opening("12. Text."));
        assertEquals(Optional.of(new LineKind.Heading("IY", "IV", "Part")), LineKind.opening("IY.\tPart"));
        assertEquals(Optional.empty(), LineKind.opening("12.Text."));
        assertEquals(Optional.empty(), LineKind.opening("12. Text\u2028more"));
    }

    /** A line as Block hands it over: no CR or LF; stripped, usually, and often shaped like a marker line. */
    private static String line(Random random) {
        StringBuilder line = new StringBuilder();
        if (random.nextBoolean()) {
            line.append(random.nextBoolean() ? "3" : "IV").append(random.nextBoolean() ? ". " : ".");
        }
        for (int i = 0, n = random.nextInt(6); i < n; i++) {
            line.append(PIECES[random.nextInt(PIECES.length)]);
        }
        return random.nextInt(4) == 0 ? line.toString() : line.toString().strip();
    }

    private static String escaped(String line) {
        StringBuilder out = new StringBuilder();
        line.chars().forEach(c -> out.append(c >= ' ' && c < 0x7F ? Character.toString(c) : String.format("\\u%04X", c)));
        return out.toString();
    }
}
