package dev.paracite.extractive;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.paracite.corpus.Paragraph;
import java.util.List;
import org.junit.jupiter.api.Test;

class UnitsTest {

    private static List<String> displays(String text) {
        return Units.of(new Paragraph("7", "", text, 1)).stream().map(Unit::display).toList();
    }

    @Test
    void splits_lines_into_sentences() {
        assertEquals(List.of("First sentence", "Second one", "A third line"),
                displays("First sentence. Second one.\nA third line."));
    }

    @Test
    void does_not_split_after_abbreviations_or_initials() {
        assertEquals(List.of("Decree No. 940 was signed by B. N. Yeltsin", "Then more"),
                displays("Decree No. 940 was signed by B. N. Yeltsin. Then more."));
    }

    @Test
    void a_colon_lead_in_yields_each_item_in_context_and_the_whole_list() {
        assertEquals(List.of(
                "The objectives are: stability",
                "The objectives are: integration",
                "The objectives are: stability; integration"),
                displays("The objectives are:\nstability;\nintegration."));
    }

    @Test
    void lower_case_lines_hang_from_the_line_before_them() {
        assertEquals(List.of(
                "The Ministry is responsible for policy",
                "The Ministry is responsible for policy: organizes the work",
                "The Ministry is responsible for policy: controls the agreements",
                "The Ministry is responsible for policy: organizes the work; controls the agreements"),
                displays("The Ministry is responsible for policy\norganizes the work:\ncontrols the agreements."));
    }

    @Test
    void the_sentence_before_a_lead_in_stands_alone() {
        assertEquals(List.of("Relations differ", "Interests are: peace", "Interests are: trade",
                        "Interests are: peace; trade"),
                displays("Relations differ. Interests are:\npeace;\ntrade."));
    }

    @Test
    void a_whole_list_overlaps_its_items_but_items_do_not_overlap_each_other() {
        List<Unit> units = Units.of(new Paragraph("4", "", "Aims:\none;\ntwo.", 1));
        Unit one = units.get(0);
        Unit two = units.get(1);
        Unit whole = units.get(2);
        assertEquals(false, one.overlaps(two));
        assertEquals(true, whole.overlaps(one));
        assertEquals(true, one.overlaps(one));
    }
}
