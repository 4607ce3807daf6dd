package dev.paracite.retrieval;

import dev.paracite.text.FunctionWords;
import java.util.Set;

/**
 * Words that frame a question rather than name its subject: interrogatives, auxiliaries, pronouns and
 * "what does the document say about" phrasing, with English's closed-class words ({@link FunctionWords}).
 * Dropped from questions, after analysis, before ranking and before measuring how much of a question a
 * sentence covers; paragraph text keeps them.
 */
final class QuestionWords {

    static final Set<String> WORDS = Set.of(
            "what", "which", "who", "whom", "whose", "when", "where", "why", "how", "whether",
            "do", "does", "did", "done", "doing", "can", "could", "should", "would", "may", "might", "must",
            "shall", "will", "is", "are", "was", "were", "be", "been", "being", "am", "has", "have", "had",
            "i", "me", "my", "we", "us", "our", "you", "your", "he", "she", "him", "her", "his", "its", "it",
            "they", "them", "their", "this", "that", "these", "those", "there", "here", "any", "some",
            "about", "say", "says", "said", "tell", "tells", "mention", "mentions", "mentioned", "describe",
            "describes", "according", "document", "text", "paragraph", "paragraphs", "section", "sections",
            "please", "explain", "give", "list", "kind", "sort", "type", "also", "so", "than", "very",
            "anything", "something", "regarding", "concerning", "provision", "provisions",
            // framing nouns and verbs of "what role does X play", "what is the purpose of X"
            "role", "play", "plays", "purpose", "significance", "importance", "meant", "mean", "means",
            "supposed", "want", "wants", "happen", "happens", "envisage", "envisaged", "intended", "make", "makes", "made",
            "get", "gets", "got", "getting", "deal", "deals", "dealt",
            "summarize", "summarise", "summary", "overview", "cover", "covers", "contain", "contains",
            // prepositions and adverbs that English stop lists usually hold but Lucene's short list lacks
            "over", "from", "up", "down", "out", "off", "under", "again", "further", "just", "only", "own",
            "same", "other", "each", "both", "few", "more", "most");

    private QuestionWords() {}

    /** The words as the analyzer makes them, to be compared with a question's analysed terms. */
    static java.util.Set<String> analysed(java.util.function.Function<String, java.util.List<String>> analyze) {
        java.util.Set<String> out = new java.util.HashSet<>();
        WORDS.forEach(w -> out.addAll(analyze.apply(w)));
        FunctionWords.all().forEach(w -> out.addAll(analyze.apply(w)));
        return java.util.Set.copyOf(out);
    }
}
