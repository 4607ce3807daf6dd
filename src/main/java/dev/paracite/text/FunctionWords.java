package dev.paracite.text;

import java.util.Locale;
import java.util.Set;

/**
 * English closed-class words (auxiliaries, modals, pronouns, determiners, prepositions, conjunctions
 * and a few frame adverbs) beyond the short stop list the index uses. They carry grammar, not content,
 * so they never decide whether a passage supports a statement or answers a question. A general list of
 * English, not of any document.
 */
public final class FunctionWords {

    private static final Set<String> WORDS = Set.of(
            "am", "is", "are", "was", "were", "be", "been", "being", "do", "does", "did", "done", "doing",
            "has", "have", "had", "having", "can", "could", "shall", "should", "will", "would", "may", "might",
            "must", "ought", "need", "i", "me", "my", "mine", "myself", "we", "us", "our", "ours", "ourselves",
            "you", "your", "yours", "yourself", "he", "him", "his", "himself", "she", "her", "hers", "herself",
            "it", "its", "itself", "they", "them", "their", "theirs", "themselves", "one", "ones", "who", "whom",
            "whose", "which", "what", "whatever", "whichever", "whoever", "that", "this", "these", "those",
            "there", "here", "where", "when", "why", "how", "whether", "a", "an", "the", "some", "such", "other",
            "another", "else", "own", "same", "about", "above", "across", "after", "against", "along", "among",
            "around", "at", "before", "behind", "below", "beneath", "beside", "besides", "between", "beyond",
            "by", "despite", "down", "during", "for", "from", "in", "inside", "into", "of", "off", "on", "onto",
            "out", "outside", "over", "per", "since", "through", "throughout", "till", "to", "toward",
            "towards", "under", "until", "up", "upon", "via", "with", "within", "and", "but", "or", "so", "yet",
            "if", "than", "then", "though", "although", "because", "while", "whereas", "unless", "also",
            "too", "very", "just", "even", "still", "thus", "hence", "therefore", "however", "moreover",
            "furthermore", "indeed", "rather", "quite", "as", "like", "well", "both", "either", "much", "many",
            "more", "most", "less", "least", "few", "fewer", "several", "various", "certain");

    private FunctionWords() {}

    /** Every word of the list, in lower case. */
    public static java.util.Set<String> all() {
        return WORDS;
    }

    public static boolean contains(String word) {
        return WORDS.contains(word.toLowerCase(Locale.ROOT));
    }
}
