package dev.paracite.retrieval;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;

/** {@link Terms} backed by the index's analyzer and document frequencies. */
final class LuceneTerms implements Terms {

    private final Analyzer analyzer;
    private final IndexReader reader;

    private final Synonyms synonyms;
    private final List<String> nameTerms;

    LuceneTerms(Analyzer analyzer, IndexReader reader, String documentName) {
        this.analyzer = analyzer;
        this.reader = reader;
        this.synonyms = Synonyms.load(this::of);
        this.nameTerms = of(documentName.replaceAll("[-_().]+", " "));
    }

    @Override
    public List<String> of(String text) {
        return TextAnalysis.analyze(analyzer, text);
    }

    @Override
    public List<QueryTerm> ofQuestion(String text) {
        StringBuilder kept = new StringBuilder();
        // markup pasted into a question (<img src=x onerror=...>) is not what it asks about
        String plain = text.replaceAll("<[^<>]{0,300}>", " ");
        for (String word : plain.split("[^\\p{L}\\p{N}’'-]+")) {
            String lower = word.toLowerCase(Locale.ROOT).replaceAll("^['’-]+|['’-]+$", "");
            if (!lower.isEmpty() && !QuestionWords.WORDS.contains(lower)) {
                kept.append(word).append(' ');
            }
        }
        // single letters and digits ("-x", "~2") are query syntax or noise, never the subject of a question
        return of(kept.toString()).stream().filter(t -> t.length() > 1).distinct().map(this::queryTerm).toList();
    }

    @Override
    public boolean namesDocument(String term) {
        for (String name : nameTerms) {
            boolean prefix = Math.min(term.length(), name.length()) >= 5 && (term.startsWith(name) || name.startsWith(term));
            if (term.equals(name) || prefix) {
                return true;
            }
        }
        return false;
    }

    private QueryTerm queryTerm(String term) {
        if (docFreq(term) > 0) {
            return new QueryTerm(term, List.of());
        }
        return new QueryTerm(term, synonyms.of(term).stream().filter(s -> docFreq(s) > 0).toList());
    }

    private long docFreq(String term) {
        try {
            return reader.docFreq(new Term(LuceneParagraphSearch.TEXT, term));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public double idf(String term) {
        long n = Math.max(1, reader.numDocs());
        long df = docFreq(term);
        return Math.log(1 + (n - df + 0.5) / (df + 0.5));
    }
}
