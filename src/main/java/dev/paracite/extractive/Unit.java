package dev.paracite.extractive;

/**
 * The smallest piece the extractive model quotes: a sentence, one list item shown after its lead-in,
 * or a whole list (lead-in and every item).
 *
 * @param label    paragraph label
 * @param position order within the paragraph, for putting picks back in reading order
 * @param context  the lead-in an item or a whole list hangs from ("" for sentences)
 * @param own      the unit's own words: the sentence, the item, or all items of a whole list
 * @param list     list id within the paragraph when the unit is (part of) a list, else -1
 * @param whole    true for a whole list
 * @param display  the text as quoted, without its final punctuation
 */
public record Unit(String label, int position, String context, String own, int list, boolean whole, String display) {

    private static final java.util.regex.Pattern TRAILING_PUNCTUATION = java.util.regex.Pattern.compile("[\\s.;:,]+$");

    static Unit of(String label, int position, String context, String own, int list, boolean whole) {
        String body = context.isEmpty() ? own : trimEnd(context) + ": " + own;
        return new Unit(label, position, context, own, list, whole, trimEnd(body));
    }

    /**
     * The words that say what the unit is about: a whole list is about what its lead-in names, an item
     * about itself, whatever its lead-in says.
     */
    String focus() {
        return whole ? context : own;
    }

    boolean overlaps(Unit other) {
        if (!label.equals(other.label)) {
            return false;
        }
        if (list >= 0 && list == other.list) {
            return whole || other.whole || position == other.position;
        }
        return position == other.position;
    }

    static String trimEnd(String s) {
        return TRAILING_PUNCTUATION.matcher(s.strip()).replaceFirst("");
    }
}
