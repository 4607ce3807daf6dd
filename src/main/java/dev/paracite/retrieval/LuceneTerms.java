package dev.paracite.retrieval;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;

/** {@link Terms} backed by the index's analyzer and document frequencies. */
public final class LuceneTerms implements Terms {

    /** The index's paragraph count and how many paragraphs have a term of the text field. */
    public interface Statistics {
        long docFreq(Term term) throws IOException;

        long numDocs() throws IOException;
    }

    private final Analyzer analyzer;
    private final Statistics reader;

    private final Synonyms synonyms;
    private final java.util.Set<String> questionWords;
    private static final java.util.regex.Pattern HOW = java.util.regex.Pattern.compile("(?i)\\bhow\\s+(long|far|old|often|"
            + "soon|big|large|small|tall|high|deep|wide|fast|heavy|early|late|much|many)\\b");
    private final List<String> nameTerms;

    /** The statistics of one reader, open for the index's life. */
    static Statistics statistics(IndexReader reader) {
        return new Statistics() {
            @Override
            public long docFreq(Term term) throws IOException {
                return reader.docFreq(term);
            }

            @Override
            public long numDocs() {
                return reader.numDocs();
            }
        };
    }

    public LuceneTerms(Analyzer analyzer, Statistics reader, String documentName, boolean synonyms) {
        this.analyzer = analyzer;
        this.reader = reader;
        this.synonyms = synonyms ? Synonyms.load(this::of) : Synonyms.NONE;
        this.questionWords = QuestionWords.analysed(this::of);
        this.nameTerms = of(documentName.replaceAll("[-_().]+", " "));
    }

    @Override
    public List<String> of(String text) {
        return TextAnalysis.analyze(analyzer, text);
    }

    @Override
    public List<QueryTerm> ofQuestion(String text) {
        // markup pasted into a question (<img src=x onerror=...>) is not what it asks about; "how long",
        // "how far" and the like frame a question (the kind of answer), they do not name its subject
        String plain = HOW.matcher(text.replaceAll("<[^<>]{0,300}>", " ")).replaceAll(" ");
        // question words are dropped after analysis, so that "roles" goes with "role"; single letters and
        // digits ("-x", "~2") are query syntax or noise, never the subject of a question
        return of(plain).stream().filter(t -> t.length() > 1 && !questionWords.contains(t)).distinct()
                .map(this::queryTerm).toList();
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
            return reader.docFreq(new Term(IndexedSearch.TEXT, term));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public boolean inDocument(String term) {
        return docFreq(term) > 0;
    }

    @Override
    public double idf(String term) {
        long n;
        try {
            n = Math.max(1, reader.numDocs());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        long df = docFreq(term);
        return Math.log(1 + (n - df + 0.5) / (df + 0.5));
    }
}
