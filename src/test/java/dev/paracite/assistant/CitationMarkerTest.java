package dev.paracite.assistant;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CitationMarkerTest {

    private static List<List<String>> labels(String text) {
        return CitationMarker.find(text).stream().map(CitationMarker::labels).toList();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "Reserve currency [8].         | 8",
            "Both [8, 9].                  | 8 9",
            "Both [8,9].                   | 8 9",
            "Both [8; 9].                  | 8 9",
            "A range [12-14].              | 12 13 14",
            "A range [12–14].              | 12 13 14",
            "Mixed [3, 12-14].             | 3 12 13 14",
            "Styled [¶ 8].                 | 8",
            "Styled [para. 8].             | 8",
            "Styled [paragraph 8].         | 8",
            "Styled [§8].                  | 8",
            "Intro [preamble].             | preamble",
            "Alias [15b].                  | 15b",
            "Chapter [II.3].               | II.3",
            "Any case [ii.3B].             | II.3b",
            "Clause [3.2.1].               | 3.2.1",
            "Past z [4aa].                 | 4aa",
            "Mixed [II.3, 4b].             | II.3 4b",
    })
    void reads_citation_markers(String text, String expected) {
        assertEquals(List.of(List.of(expected.split(" "))), labels(text));
    }

    @Test
    void bracketed_words_are_not_markers() {
        assertEquals(List.of(), labels("He said [sic] that [the EU] and [see above] matter [8 or so]."));
    }

    @Test
    void absurd_ranges_are_not_markers() {
        assertEquals(List.of(), labels("Everything [1-999999] and backwards [14-12]."));
    }

    @Test
    void finds_every_marker_with_its_position() {
        String text = "One [1]. Two [2, 3].";
        List<CitationMarker> markers = CitationMarker.find(text);
        assertEquals(2, markers.size());
        assertEquals("[2, 3]", text.substring(markers.get(1).start(), markers.get(1).end()));
    }

    @Test
    void rewriting_keeps_only_the_labels_asked_for_and_removes_empty_markers_with_their_space() {
        String text = "Money [1, 3]. Borders [3]. Both [1-3]. Aside [sic].";
        assertEquals("Money [1]. Borders. Both [1, 2]. Aside [sic].",
                CitationMarker.rewrite(text, label -> !label.equals("3")));
        assertEquals("Money. Borders. Both. Aside [sic].", CitationMarker.rewrite(text, label -> false));
        assertEquals(text, CitationMarker.rewrite(text, label -> true));
    }
}
