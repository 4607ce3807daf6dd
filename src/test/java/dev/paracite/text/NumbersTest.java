package dev.paracite.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.paracite.corpus.DocumentLoader;
import dev.paracite.corpus.Paragraph;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The numbers a text states, and the one-word look-up agreeing with the pattern it stands in for. */
class NumbersTest {

    @Test
    void numbers_in_words_digits_and_ordinals_are_normalised() {
        assertEquals(Set.of("7"), Numbers.of("Seven"));
        assertEquals(Set.of("3"), Numbers.of("third"));
        assertEquals(Set.of(), Numbers.of("first"), "first is too often not a rank");
        assertEquals(Set.of(), Numbers.of("ruble"));
        assertEquals(List.of("1000", "1990", "15", "2"), List.copyOf(Numbers.of("1,000 in the 1990s, the 15th, two-thirds")));
    }

    @Test
    void a_single_word_gives_what_the_pattern_finds_in_it() {
        List<String> words = Stream.concat(
                DocumentLoader.builtIn().paragraphs().stream().map(Paragraph::text)
                        .flatMap(t -> Arrays.stream(t.split("[^\\p{L}]+"))),
                Stream.of("zero", "Twelve", "HALF", "dozen", "twice", "Eleventh", "second", "tenth", "hundreds", "sevens"))
                .filter(w -> !w.isEmpty()).distinct().toList();
        for (String word : words) {
            // inside a sentence the one-word look-up does not apply: the pattern decides
            assertEquals(Numbers.of("a " + word + " b"), Numbers.of(word), word);
        }
    }
}
