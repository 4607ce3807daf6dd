package dev.paracite.library;

import dev.paracite.corpus.Document;
import dev.paracite.corpus.Paragraph;
import dev.paracite.grounding.Context;
import dev.paracite.retrieval.IndexedSearch;
import dev.paracite.retrieval.LuceneTerms;
import dev.paracite.retrieval.ParagraphSearch;
import dev.paracite.retrieval.Terms;
import dev.paracite.retrieval.VersionIndex;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.util.BytesRef;

/**
 * Search over the latest versions of a library's documents, as they were when its {@link Corpus} was
 * made: hits are kept to those versions (and to the documents a question asks, when it names some), and
 * each is the corpus's own paragraph. Every search takes the newest searcher and gives it back, so a
 * corpus never holds an index reader open.
 */
final class LibrarySearch extends IndexedSearch {

    private final SearcherManager searchers;
    private final Terms terms;
    /** Each document's latest version as {@code id@version}, by id. */
    private final Map<String, String> latest;
    /** The corpus: a hit is its paragraph of the same label (naming the document when the corpus does). */
    private final Document document;
    private final Query all;

    private LibrarySearch(SearcherManager searchers, Analyzer analyzer, LibrarySettings settings, String names,
                          Map<String, Integer> versions, Document document) {
        super(settings.retrieval(), settings.embedder());
        this.searchers = searchers;
        this.latest = new HashMap<>();
        versions.forEach((id, v) -> latest.put(id, VersionIndex.Version.key(id, v)));
        this.document = document;
        this.terms = new LuceneTerms(analyzer, new LuceneTerms.Statistics() {
            @Override
            public long docFreq(Term term) throws IOException {
                IndexSearcher s = searchers.acquire();
                try {
                    return s.getIndexReader().docFreq(term);
                } finally {
                    searchers.release(s);
                }
            }

            @Override
            public long numDocs() throws IOException {
                IndexSearcher s = searchers.acquire();
                try {
                    return s.getIndexReader().numDocs();
                } finally {
                    searchers.release(s);
                }
            }
        }, names, settings.retrieval().synonyms());
        this.all = versions(latest.values());
    }

    /**
     * The corpus of {@code entries}' latest versions; labels name their document when there is more than one.
     * Searched by the library's own index, or by {@code sync}'s search index when not null.
     */
    static Corpus corpus(long generation, Collection<Library.Entry> entries, SearcherManager searchers, Analyzer analyzer,
                         LibrarySettings settings, IndexSync sync) {
        boolean qualified = entries.size() > 1;
        List<Paragraph> all = new ArrayList<>(entries.stream().mapToInt(e -> e.latest().size()).sum());
        Set<String> sections = new LinkedHashSet<>();
        Set<String> names = new HashSet<>();
        List<Document.Part> parts = new ArrayList<>();
        Map<String, Integer> versions = new HashMap<>();
        for (Library.Entry e : entries) {
            versions.put(e.id(), e.last().version());
            parts.add(new Document.Part(e.id(), e.title()));
            names.addAll(e.names());
            sections.addAll(e.last().sections());
            for (Paragraph p : e.latest()) {
                all.add(qualified ? p : p.withLabel(p.source().label()));
            }
        }
        String name = entries.size() == 1 ? entries.iterator().next().id() : "library";
        Document document = new Document(name, all, List.copyOf(sections), List.of(), Map.of(), parts);
        // words naming a document in a question refer to it, not to a topic in it
        String naming = String.join(" ", parts.stream().map(p -> p.id() + " " + p.title()).toList());
        ParagraphSearch search = sync != null ? sync.search(document, versions, naming, settings.retrieval(),
                settings.retrieval().fusion().dense() ? settings.embedder() : null)
                : new LibrarySearch(searchers, analyzer, settings, naming, versions, document);
        return new Corpus(generation, document, search, new Context(names));
    }

    private static Query versions(Collection<String> docvers) {
        return new TermInSetQuery(Library.DOCVER, docvers.stream().map(BytesRef::new).toList());
    }

    @Override
    protected IndexSearcher acquire() throws IOException {
        return searchers.acquire();
    }

    @Override
    protected void release(IndexSearcher searcher) throws IOException {
        searchers.release(searcher);
    }

    @Override
    protected Query filter(List<String> documents) {
        if (documents.isEmpty()) {
            return all;
        }
        return versions(documents.stream().map(latest::get).filter(v -> v != null).toList());
    }

    @Override
    protected Paragraph paragraph(IndexSearcher searcher, int doc) throws IOException {
        org.apache.lucene.document.Document d = searcher.storedFields().document(doc,
                Set.of(Library.DOC, Library.LABEL, Library.BODY));
        String label = document.parts().size() > 1 ? Document.Part.qualified(d.get(Library.DOC), d.get(Library.LABEL))
                : d.get(Library.LABEL);
        Paragraph kept = document.byLabel().get(label);
        // the text is at hand: the hit carries it rather than reading it again
        return kept == null ? null : new Paragraph(kept.label(), kept.section(), d.get(Library.BODY), kept.line(), kept.source());
    }

    @Override
    public Terms terms() {
        return terms;
    }

    @Override
    public void close() {
        // the library owns the index
    }
}
