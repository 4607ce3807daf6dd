package dev.paracite.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class LabelsTest {

    private static final Pattern LABEL = Pattern.compile(Labels.LABEL, Pattern.CASE_INSENSITIVE);

    @Test
    void a_label_read_in_any_case_is_written_as_the_parser_writes_it() {
        assertEquals("II.3b", Labels.canonical("ii.3B"));
        assertEquals("4b", Labels.canonical("4B"));
        assertEquals("3.2.1", Labels.canonical("3.2.1"));
        assertEquals("preamble", Labels.canonical("Preamble"));
    }

    @Test
    void suffixes_run_b_to_z_then_aa_without_end() {
        assertEquals("4b", Labels.suffixed("4", 2));
        assertEquals("4z", Labels.suffixed("4", 26));
        assertEquals("4aa", Labels.suffixed("4", 27));
        assertEquals("4zz", Labels.suffixed("4", 702));
        assertEquals("4aaa", Labels.suffixed("4", 703));
    }

    @Test
    void the_grammar_holds_every_form_the_parser_writes_and_no_words() {
        for (String label : new String[] {"12", "12b", "12aa", "3.2.1", "II.3", "MMXXIV.17c", "2.3", "preamble",
            Labels.suffixed("1", 12_000_000)}) {
            assertTrue(LABEL.matcher(label).matches(), label);
        }
        for (String word : new String[] {"sic", "the EU", "II", "1.", "1 2", "1|", "II.", ".3"}) {
            assertFalse(LABEL.matcher(word).matches(), word);
        }
    }
}
