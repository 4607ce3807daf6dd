package dev.paracite.text;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class NegationsTest {

    @Test
    void findsNegationsAsWholeWords() {
        assertTrue(Negations.in("Records are not destroyed."));
        assertTrue(Negations.in("Staff don’t keep copies."));
        assertTrue(Negations.in("Nobody approves it."));
        assertTrue(Negations.in("It cannot be appealed"));
    }

    @Test
    void wordsThatOnlyBeginLikeANegationAreNone() {
        assertFalse(Negations.in("A note on the knot, nonetheless kept at noon in Norway."));
        assertFalse(Negations.in("Nothingness is a notion."));
    }

    @Test
    void tellsOneWord() {
        assertTrue(Negations.is("never"));
        assertTrue(Negations.is("isn't"));
        assertFalse(Negations.is("nothingness"));
        assertFalse(Negations.is("n't"));
    }
}
