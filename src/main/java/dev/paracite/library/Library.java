package dev.paracite.library;

import dev.paracite.corpus.Document;
import dev.paracite.corpus.DocumentLoader;
import dev.paracite.corpus.IngestionNote;
import dev.paracite.corpus.Paragraph;
import dev.paracite.grounding.Context;
import dev.paracite.retrieval.ParagraphAnalyzer;
import dev.paracite.retrieval.VersionIndex;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;
import org.apache.lucene.util.BytesRef;

/**
 * The user's documents, kept in a data directory as one Lucene index on disk: every paragraph of every
 * kept version with its text, label, section, document and version as stored fields, and one entry per
 * version (title, hash, source file, format, sections, ingestion notes). Adding a version is one Lucene
 * commit, so it becomes visible whole or not at all, and a process killed while adding leaves the
 * previous commit; opening the directory reads the index, never the files again. One process writes at
 * a time (Lucene's write lock); another opening the same directory reads it and may not change it.
 */
public final class Library implements AutoCloseable {

    /** Files larger than this are refused by default. */
    public static final long DEFAULT_MAX_UPLOAD = 20_000_000;
    /** Paragraph texts kept in memory after reading them (a few answers' worth). */
    private static final int RECENT_TEXTS = 256;
    /** Paragraphs read at a time when a version is sent to the search index again. */
    private static final int RECONCILE_PAGE = 1_000;
    /**
     * Bumped when what is stored changes shape; a library of another format is refused, not misread.
     * 2: paragraphs carry doc values for opening without reading their stored fields.
     */
    static final String FORMAT = "2";

    static final String KIND = "kind";
    static final String PARAGRAPH = "paragraph";
    static final String VERSION_ENTRY = "version";
    static final String DOC = "doc";
    static final String DOCVER = "docver";
    static final String VERSION = "version_number";
    static final String LABEL = "label";
    static final String ORD = "ord";
    static final String BODY = "body";
    static final String HEADING = "heading";
    static final String LINE = "line";
    /** Doc values of a paragraph, read when the library opens: its version ({@code id@version}), label, line, section. */
    static final String P_DOCVER = "p_docver";
    static final String P_LABEL = "p_label";
    static final String P_LINE = "p_line";
    /** 0 for no section, else the position in its version's sections, from 1; -1 for one not among them (read from HEADING). */
    static final String P_SECTION = "p_section";
    static final String TITLE = "title";
    static final String SHA = "sha256";
    static final String ADDED = "added";
    static final String SOURCE = "source";
    static final String FORMAT_FIELD = "format";
    static final String COUNT = "paragraphs";
    static final String SECTIONS = "sections";
    static final String NOTES = "notes";
    static final String NAMES = "names";

    private final Path dir;
    private final LibrarySettings settings;
    private final Directory directory;
    private final ParagraphAnalyzer analyzer;
    /** Null when another process holds the write lock: this one only reads. Replaced under {@code committing}. */
    private volatile IndexWriter writer;
    private final SearcherManager searchers;
    /** Held to start or end a change (the ids being changed); parsing and indexing a version run without it. */
    private final Object writing = new Object();
    /** Ids with a version being added, guarded by {@code writing}: a second add of one waits for the first. */
    private final Set<String> adding = new HashSet<>();
    /** Held to write to the library's index: to commit staged versions, to remove, to roll back a failure. */
    private final Object committing = new Object();
    /** Versions indexed apart and waiting to be committed: whoever commits next commits them all at once. */
    private final Queue<Staged> staged = new ConcurrentLinkedQueue<>();
    /** Each document's versions and its latest paragraphs; replaced whole under {@code this} on every change. */
    private Map<String, Entry> entries;
    private long generation;
    private Corpus corpus;
    /** The texts read last: an answer reads a cited or named paragraph's text several times. Versions never change. */
    private final Map<Paragraph.Source, String> recentTexts = Collections.synchronizedMap(
            new LinkedHashMap<>(RECENT_TEXTS, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<Paragraph.Source, String> eldest) {
                    return size() > RECENT_TEXTS;
                }
            });

    /**
     * A document as kept in memory: its versions, oldest first, the latest version's paragraphs (labelled
     * as a library of several documents shows them, {@code travel §4}; texts on disk) and the names it is about.
     */
    record Entry(String id, String title, List<VersionInfo> versions, List<Paragraph> latest, Set<String> names) {
        VersionInfo last() {
            return versions.get(versions.size() - 1);
        }
    }

    /** The search index on other machines that answers for this library; null: its own index does. */
    private IndexSync sync;

    /** A version indexed apart ({@code index}) by an add that waits for {@code done}: committed, or why not. */
    private record Staged(Directory index, String id, Entry existing, String title, VersionInfo info, Document parsed,
                          Set<String> names, CompletableFuture<Added> done) {}

    private Library(Path dir, LibrarySettings settings, Directory directory) throws IOException {
        this.dir = dir;
        this.settings = settings;
        this.analyzer = new ParagraphAnalyzer(settings.retrieval().stemming());
        this.directory = directory;
        try {
            writer = new IndexWriter(directory, config(IndexWriterConfig.OpenMode.CREATE_OR_APPEND));
        } catch (LockObtainFailedException e) {
            writer = null;
        }
        try {
            if (writer != null) {
                if (!DirectoryReader.indexExists(directory)) {
                    writer.setLiveCommitData(commitData().entrySet());
                    writer.commit();
                }
            } else if (!DirectoryReader.indexExists(directory)) {
                throw new LibraryException(LibraryException.Reason.STORAGE, "The data directory " + dir
                        + " is being created by another Paracite process; try again when it has finished.");
            }
            // searchers score with the library's BM25 (k1, b), as its writer encodes norms; Lucene's default is k1 1.2
            BM25Similarity similarity = similarity();
            this.searchers = new SearcherManager(directory, new SearcherFactory() {
                @Override
                public IndexSearcher newSearcher(IndexReader reader, IndexReader previous) {
                    IndexSearcher searcher = new IndexSearcher(reader);
                    searcher.setSimilarity(similarity);
                    return searcher;
                }
            });
            checkCompatible();
            this.entries = load();
        } catch (IOException | RuntimeException e) {
            closeQuietly(writer); // gives the write lock back
            throw e;
        }
    }

    /**
     * Opens (creating if needed) the library in {@code dir}.
     *
     * @throws LibraryException with one sentence when the directory cannot be created, read or written,
     *                          or holds a library built with other settings
     */
    public static Library open(Path dir, LibrarySettings settings) {
        return open(dir, settings, UnaryOperator.identity(), null);
    }

    /**
     * The same, searched by {@code index} (a SolrCloud collection), which the library keeps holding what it
     * keeps and closes with itself; it is reconciled with the library now, unless it cannot be reached.
     */
    public static Library open(Path dir, LibrarySettings settings, VersionIndex index) {
        return open(dir, settings, UnaryOperator.identity(), index);
    }

    /** The same over the index directory as {@code wrap} returns it: the seam tests use to make the disk fail. */
    static Library open(Path dir, LibrarySettings settings, UnaryOperator<Directory> wrap) {
        return open(dir, settings, wrap, null);
    }

    private static Library open(Path dir, LibrarySettings settings, UnaryOperator<Directory> wrap, VersionIndex index) {
        Library library;
        try {
            library = openDirectory(dir, settings, wrap);
        } catch (RuntimeException e) {
            closeQuietly(index);
            throw e;
        }
        if (index != null) {
            try {
                library.sync = new IndexSync(index, library.kept(), library.writer != null);
                library.sync.reconcile(); // a Solr that refuses (a collection it cannot use) fails the open
            } catch (RuntimeException e) {
                library.close();
                throw e;
            }
        }
        return library;
    }

    private static Library openDirectory(Path dir, LibrarySettings settings, UnaryOperator<Directory> wrap) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new LibraryException("The data directory " + dir + " cannot be created: " + fileInTheWay(dir)
                    .map(file -> file + " is a file, not a directory").orElseGet(() -> reason(e)) + ".", e);
        }
        if (!Files.isWritable(dir) && !Files.exists(dir.resolve("write.lock"))) {
            throw new LibraryException(LibraryException.Reason.STORAGE, "The data directory " + dir
                    + " is not writable; give Paracite a directory it may write to.");
        }
        Directory directory = null;
        try {
            directory = wrap.apply(FSDirectory.open(dir));
            return new Library(dir, settings, directory);
        } catch (IOException | RuntimeException e) {
            closeQuietly(directory);
            if (e instanceof LibraryException known) {
                throw known;
            }
            throw new LibraryException("The data directory " + dir + " cannot be opened as a library: "
                    + reason(e) + ".", e);
        }
    }

    /** The regular file standing where {@code dir} or one of its parents should be a directory, if any. */
    private static Optional<Path> fileInTheWay(Path dir) {
        for (Path p = dir.toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.exists(p)) {
                return Files.isDirectory(p) ? Optional.empty() : Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /** Writers never commit on close: only a whole add or remove commits, so closing after a failure publishes nothing. */
    private IndexWriterConfig config(IndexWriterConfig.OpenMode mode) {
        return new IndexWriterConfig(analyzer)
                .setSimilarity(similarity())
                .setOpenMode(mode)
                .setCommitOnClose(false);
    }

    private BM25Similarity similarity() {
        return new BM25Similarity(settings.retrieval().k1(), settings.retrieval().b());
    }

    private Map<String, String> commitData() {
        return Map.of("paracite.format", FORMAT, "paracite.stemming", settings.retrieval().stemming().name(),
                "paracite.vectors", Boolean.toString(vectors()));
    }

    private boolean vectors() {
        return settings.retrieval().fusion().dense();
    }

    private void checkCompatible() throws IOException {
        Map<String, String> stored = SegmentInfos.readLatestCommit(directory).getUserData();
        if (!FORMAT.equals(stored.get("paracite.format"))) {
            close();
            throw new LibraryException(LibraryException.Reason.STORAGE, "The data directory " + dir
                    + " holds something other than a Paracite library of this version; choose another directory.");
        }
        if (!Boolean.toString(vectors()).equals(stored.get("paracite.vectors"))
                || !settings.retrieval().stemming().name().equals(stored.get("paracite.stemming"))) {
            String built = Boolean.parseBoolean(stored.get("paracite.vectors")) ? "hybrid" : "bm25";
            close();
            throw new LibraryException(LibraryException.Reason.INVALID, "The library in " + dir + " was built for "
                    + built + " retrieval; open it with --retrieval " + built + ".");
        }
    }

    private Map<String, Entry> load() throws IOException {
        IndexSearcher searcher = searchers.acquire();
        try {
            return EntryReader.read(searcher, this::text);
        } finally {
            searchers.release(searcher);
        }
    }

    private static Paragraph paragraph(org.apache.lucene.document.Document d, String section) {
        String id = d.get(DOC);
        int version = d.getField(VERSION).numericValue().intValue();
        String label = d.get(LABEL);
        return new Paragraph(label, section, d.get(BODY), d.getField(LINE).numericValue().intValue(),
                new Paragraph.Source(id, version, label));
    }

    /**
     * Adds {@code upload} as a new version of its document (version 1 of a new one); content identical to
     * the latest version's is a no-op ({@link Added#unchanged()}).
     *
     * @throws dev.paracite.corpus.DocumentException when the file cannot be read as a document (one sentence)
     * @throws LibraryException                      when the library cannot store it; the library is unchanged
     */
    public Added add(Upload upload, Progress progress) {
        if (upload.bytes().length > settings.maxUpload()) {
            throw new LibraryException(LibraryException.Reason.INVALID, upload.fileName() + " is "
                    + megabytes(upload.bytes().length) + "; the largest file accepted is " + megabytes(settings.maxUpload()) + ".");
        }
        String id = upload.id() != null ? DocumentNames.checkedId(upload.id()) : DocumentNames.idOf(upload.fileName());
        String sha = sha256(upload.bytes());
        Entry existing = entries().get(id);
        if (existing != null && existing.last().sha256().equals(sha)) {
            return unchanged(existing);
        }
        DocumentLoader.Loaded loaded = DocumentLoader.read(id, upload.bytes(), "Document " + upload.fileName());
        Document parsed = loaded.document();
        String title = upload.title() != null && !upload.title().isBlank() ? upload.title().strip()
                : existing != null && upload.title() == null ? existing.title() : DocumentNames.titleOf(parsed, upload.fileName());
        Set<String> names = Context.of(parsed).names();
        int version;
        synchronized (writing) {
            waitForOthersAdding(id);
            if (writer == null) {
                throw readOnly(); // before the work
            }
            existing = entries().get(id);
            if (existing != null && existing.last().sha256().equals(sha)) {
                return unchanged(existing);
            }
            version = existing == null ? 1 : existing.last().version() + 1;
            adding.add(id);
        }
        try {
            VersionInfo info = new VersionInfo(version, sha, Instant.now(), upload.fileName(), loaded.format(),
                    parsed.paragraphs().size(), parsed.sections(), parsed.notes());
            // indexed beside other adds, each in an index of its own, then committed with whatever else is staged
            Directory index;
            try {
                index = VersionWriter.stage(config(IndexWriterConfig.OpenMode.CREATE), id, title, info, parsed, names,
                        vectors() ? settings.embedder() : null, progress);
            } catch (IOException | RuntimeException e) {
                throw unchanged(e, "could not store " + upload.fileName());
            }
            try {
                return commit(new Staged(index, id, existing, title, info, parsed, names, new CompletableFuture<>()));
            } finally {
                closeQuietly(index);
            }
        } finally {
            synchronized (writing) {
                adding.remove(id);
                writing.notifyAll();
            }
        }
    }

    /**
     * Commits {@code version} (group commit): it joins the staged versions, and whoever holds {@code committing}
     * next adds all of them to the index and commits once, so adds finishing while a commit is being synced
     * share the next one rather than syncing one by one. Each version is still whole or absent in every commit.
     */
    private Added commit(Staged version) {
        staged.add(version);
        synchronized (committing) {
            if (!version.done().isDone()) {
                commitStaged();
            }
        }
        try {
            return version.done().join();
        } catch (CompletionException e) {
            throw (LibraryException) e.getCause();
        }
    }

    /** Versions staged and waiting for a commit (a test waits on it). */
    int waitingToCommit() {
        return staged.size();
    }

    /** Holding {@code committing}: adds every staged version, drops what retention no longer keeps, commits, publishes. */
    private void commitStaged() {
        List<Staged> batch = new ArrayList<>();
        for (Staged s; (s = staged.poll()) != null; ) {
            batch.add(s);
        }
        IndexWriter w;
        try {
            w = writable();
        } catch (LibraryException e) {
            batch.forEach(s -> s.done().completeExceptionally(e));
            return;
        }
        List<List<Integer>> dropped = new ArrayList<>();
        try {
            for (Staged s : batch) {
                w.addIndexes(s.index());
                dropped.add(retire(w, s));
            }
            w.commit();
        } catch (IOException | RuntimeException e) {
            rollBack(w);
            batch.forEach(s -> s.done().completeExceptionally(unchanged(e, "could not store " + s.info().source())));
            return;
        }
        for (int i = 0; i < batch.size(); i++) {
            try {
                batch.get(i).done().complete(published(batch.get(i), dropped.get(i)));
            } catch (RuntimeException e) {
                batch.get(i).done().completeExceptionally(e);
            }
        }
    }

    /** Deletes the versions of {@code s}'s document that retention no longer keeps once it is added; their numbers. */
    private List<Integer> retire(IndexWriter w, Staged s) throws IOException {
        List<Integer> dropped = new ArrayList<>();
        if (s.existing() != null && settings.keepVersions() > 0) {
            for (VersionInfo old : s.existing().versions()) {
                if (old.version() <= s.info().version() - settings.keepVersions()) {
                    w.deleteDocuments(new Term(DOCVER, VersionIndex.Version.key(s.id(), old.version())));
                    dropped.add(old.version());
                }
            }
        }
        return dropped;
    }

    /** Publishes a committed version, {@code dropped} the versions that went with it. */
    private Added published(Staged s, List<Integer> dropped) {
        String id = s.id();
        int version = s.info().version();
        List<VersionInfo> kept = new ArrayList<>(s.existing() == null ? List.of() : s.existing().versions());
        kept.removeIf(v -> dropped.contains(v.version()));
        forget(p -> p.document().equals(id) && dropped.contains(p.version()));
        kept.add(s.info());
        List<Paragraph> latest = s.parsed().paragraphs().stream().map(p -> Paragraph.kept(Document.Part.qualified(id,
                p.label()), p.section(), p.line(), new Paragraph.Source(id, version, p.label()), this::text)).toList();
        Entry entry = new Entry(id, s.title(), kept, latest, s.names());
        if (sync == null) {
            changed(id, entry);
        } else {
            sync.added(new VersionIndex.Version(id, version), s.parsed().paragraphs(),
                    IngestionNote.leftOutOfSearch(s.parsed().notes()), () -> vectors(s.index(), id, s.info()),
                    dropped.stream().map(v -> new VersionIndex.Version(id, v)).toList(), () -> changed(id, entry));
        }
        return new Added(id, version, false, s.parsed().paragraphs().size(), s.parsed().notes());
    }

    /** The embeddings of version {@code info} of {@code id} as staged in {@code index}, with hybrid retrieval; else null. */
    private List<float[]> vectors(Directory index, String id, VersionInfo info) {
        if (!vectors()) {
            return null;
        }
        try (DirectoryReader staged = DirectoryReader.open(index)) {
            return EntryReader.vectors(staged, VersionIndex.Version.key(id, info.version()), info.paragraphs());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits (holding {@code writing}) until no other thread is adding a version of {@code id}. */
    private void waitForOthersAdding(String id) {
        while (adding.contains(id)) {
            try {
                writing.wait();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new LibraryException("The library in " + dir + " was interrupted while waiting to change " + id + ".", e);
            }
        }
    }

    private static Added unchanged(Entry entry) {
        VersionInfo last = entry.last();
        return new Added(entry.id(), last.version(), true, last.paragraphs(), last.notes());
    }

    /** Removes a document with all its versions; false when there is no such document. */
    public boolean remove(String id) {
        synchronized (writing) {
            waitForOthersAdding(id);
            synchronized (committing) {
                IndexWriter w = writable();
                if (!entries().containsKey(id)) {
                    return false;
                }
                try {
                    w.deleteDocuments(new Term(DOC, id));
                    w.commit();
                } catch (IOException | RuntimeException e) {
                    rollBack(w);
                    throw unchanged(e, "could not remove " + id);
                }
                forget(s -> s.document().equals(id));
                if (sync == null) {
                    changed(id, null);
                } else {
                    sync.removed(id, () -> changed(id, null));
                }
                return true;
            }
        }
    }

    private synchronized Map<String, Entry> entries() {
        return entries;
    }

    /** Publishes a change: {@code entry} replaces the document {@code id} (null removes it); searchers see the commit. */
    private void changed(String id, Entry entry) {
        synchronized (this) {
            Map<String, Entry> next = new TreeMap<>(entries);
            if (entry == null) {
                next.remove(id);
            } else {
                next.put(id, entry);
            }
            entries = next;
            generation++;
        }
        try {
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new LibraryException("The library in " + dir + " was changed but cannot be read back: " + reason(e)
                    + ".", e);
        }
    }

    /** Holding {@code committing}: the writer, reopened when a failure closed it. */
    private IndexWriter writable() {
        if (writer == null) {
            throw readOnly();
        }
        if (!writer.isOpen()) {
            reopenWriter();
        }
        return writer;
    }

    private LibraryException readOnly() {
        return new LibraryException(LibraryException.Reason.STORAGE, "The library in " + dir + " is open in another "
                + "Paracite process (a server?); change it there (its /api/documents), or stop that process first.");
    }

    /**
     * Holding {@code committing}, after a failed write through {@code w}: everything since the last commit is
     * rolled back (the writer closes doing so, and a new one is opened on the last commit), so the library
     * answers as before. Adds running beside it are not touched: they are staged apart until their commit.
     */
    private void rollBack(IndexWriter w) {
        if (w == writer) { // else another failure has rolled it back already
            try {
                writer.rollback();
            } catch (IOException | RuntimeException ignored) {
                // the writer is closed either way; the next write reopens it
            }
            try {
                reopenWriter();
            } catch (LibraryException reopen) {
                // the next write tries again and says why
            }
            reread();
        }
    }

    private LibraryException unchanged(Exception e, String what) {
        return new LibraryException("The library in " + dir + " " + what + ": " + reason(e) + "; it is unchanged.", e);
    }

    /**
     * Reads the documents back from the last commit after a rollback: a commit that failed late (syncing,
     * say) may have been made durable all the same.
     */
    private void reread() {
        try {
            searchers.maybeRefreshBlocking();
            Map<String, Entry> read = load();
            synchronized (this) {
                entries = read;
                generation++;
            }
        } catch (IOException | RuntimeException e) {
            // the library keeps answering from what it had
        }
    }

    private void reopenWriter() {
        try {
            writer = new IndexWriter(directory, config(IndexWriterConfig.OpenMode.APPEND));
        } catch (IOException e) {
            throw new LibraryException("The library in " + dir + " cannot be written: " + reason(e) + ".", e);
        }
    }

    /** The id a file of this name is filed under when none is given: its name without the extension, as lower-case words joined by '-'. */
    public static String idFor(String fileName) {
        return DocumentNames.idOf(fileName);
    }

    /** The documents, by id. */
    public List<DocumentInfo> documents() {
        return entries().values().stream().map(Library::info).toList();
    }

    public Optional<DocumentInfo> document(String id) {
        return Optional.ofNullable(entries().get(id)).map(Library::info);
    }

    private static DocumentInfo info(Entry e) {
        return new DocumentInfo(e.id(), e.title(), e.versions());
    }

    /** The paragraph as version {@code version} of document {@code id} has it, while that version is kept. */
    public Optional<Paragraph> paragraph(String id, int version, String label) {
        Query query = new BooleanQuery.Builder()
                .add(new TermQuery(new Term(DOCVER, VersionIndex.Version.key(id, version))), BooleanClause.Occur.FILTER)
                .add(SortedDocValuesField.newSlowExactQuery(P_LABEL, new BytesRef(label)), BooleanClause.Occur.FILTER).build();
        List<Paragraph> found = query(query, 1, null);
        return found.stream().findFirst();
    }

    /** Drops the remembered texts of versions no longer kept. */
    private void forget(Predicate<Paragraph.Source> gone) {
        synchronized (recentTexts) {
            recentTexts.keySet().removeIf(gone);
        }
    }

    /** The text of a kept paragraph, read from the index. */
    private String text(Paragraph.Source source) {
        String known = recentTexts.get(source);
        if (known != null) {
            return known;
        }
        String text = paragraph(source.document(), source.version(), source.label()).map(Paragraph::text)
                .orElseThrow(() -> new LibraryException(LibraryException.Reason.NOT_FOUND, "Version " + source.version()
                        + " of document \"" + source.document() + "\" is no longer kept; ask again."));
        recentTexts.put(source, text);
        return text;
    }

    /**
     * Up to {@code limit} paragraphs of a version in document order, from {@code cursor} (null: the start).
     *
     * @throws LibraryException when the document, version or cursor is unknown
     */
    public ParagraphPage paragraphs(String id, int version, int limit, String cursor) {
        Entry entry = entries().get(id);
        if (entry == null) {
            throw new LibraryException(LibraryException.Reason.NOT_FOUND, "The library has no document \"" + id + "\".");
        }
        if (entry.versions().stream().noneMatch(v -> v.version() == version)) {
            throw new LibraryException(LibraryException.Reason.NOT_FOUND, "Document \"" + id + "\" has no version "
                    + version + " kept.");
        }
        int from = cursor(cursor);
        Query query = new BooleanQuery.Builder()
                .add(new TermQuery(new Term(DOCVER, VersionIndex.Version.key(id, version))), BooleanClause.Occur.FILTER)
                .add(IntPoint.newRangeQuery(ORD, from, Integer.MAX_VALUE), BooleanClause.Occur.FILTER).build();
        List<Paragraph> page = query(query, limit + 1, new Sort(new SortField(ORD, SortField.Type.INT)));
        String next = null;
        if (page.size() > limit) {
            next = Integer.toString(from + limit);
            page = page.subList(0, limit);
        }
        return new ParagraphPage(page, next);
    }

    private static int cursor(String cursor) {
        if (cursor == null) {
            return 0;
        }
        try {
            int from = Integer.parseInt(cursor);
            if (from >= 0) {
                return from;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new LibraryException(LibraryException.Reason.INVALID, "The cursor \"" + cursor
                + "\" is not one a paragraph listing gave; start without it.");
    }

    private List<Paragraph> query(Query query, int n, Sort sort) {
        return read(searcher -> {
            ScoreDoc[] docs = sort == null ? searcher.search(query, n).scoreDocs : searcher.search(query, n, sort).scoreDocs;
            StoredFields stored = searcher.storedFields();
            List<Paragraph> out = new ArrayList<>(docs.length);
            for (ScoreDoc sd : docs) {
                org.apache.lucene.document.Document d = stored.document(sd.doc);
                out.add(paragraph(d, d.get(HEADING)));
            }
            return out;
        });
    }

    /** Reading from the newest searcher. */
    private interface Read<T> {
        T from(IndexSearcher searcher) throws IOException;
    }

    /** What {@code read} reads from the newest searcher, given back after; an index that cannot be read is said in a sentence. */
    private <T> T read(Read<T> read) {
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                return read.from(searcher);
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new LibraryException("The library in " + dir + " cannot be read: " + reason(e) + ".", e);
        }
    }

    /** The latest versions, for answering; the same object until the library changes. */
    public synchronized Corpus corpus() {
        if (corpus == null || corpus.generation() != generation) {
            corpus = LibrarySearch.corpus(generation, entries.values(), searchers, analyzer, settings, sync);
        }
        return corpus;
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** "20 MB", "512 KB", "900 bytes". */
    static String megabytes(long bytes) {
        if (bytes >= 1_000_000) {
            return String.format(Locale.ROOT, bytes % 1_000_000 == 0 ? "%.0f MB" : "%.1f MB", bytes / 1_000_000.0);
        }
        return bytes >= 1_000 ? String.format(Locale.ROOT, "%.0f KB", bytes / 1_000.0) : bytes + " bytes";
    }

    /** What went wrong with the disk, in words: "no space left on device", "permission denied". */
    private static String reason(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof AccessDeniedException) {
                return "permission denied";
            }
            String message = t.getMessage();
            if (message != null && message.toLowerCase(Locale.ROOT).contains("no space left")) {
                return "no space left on the device";
            }
            if (t instanceof FileSystemException fs && fs.getReason() != null) {
                return fs.getReason().toLowerCase(Locale.ROOT);
            }
        }
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }

    /**
     * Whether the search index on other machines may not hold everything the library keeps (it could not be
     * reached when last changed): it catches up before the next search, which fails until it can.
     */
    public boolean searchIndexBehind() {
        return sync != null && sync.behind();
    }

    /** What the library keeps, for reconciling its search index. */
    private IndexSync.Kept kept() {
        return new IndexSync.Kept() {
            @Override
            public Map<VersionIndex.Version, VersionInfo> versions() {
                Map<VersionIndex.Version, VersionInfo> versions = new HashMap<>();
                for (Entry e : entries().values()) {
                    e.versions().forEach(v -> versions.put(new VersionIndex.Version(e.id(), v.version()), v));
                }
                return versions;
            }

            @Override
            public List<float[]> vectors(VersionIndex.Version v, int paragraphs) {
                if (!Library.this.vectors()) {
                    return null;
                }
                return read(searcher -> EntryReader.vectors(searcher.getIndexReader(), v.key(), paragraphs));
            }

            @Override
            public List<Paragraph> paragraphs(VersionIndex.Version v) {
                List<Paragraph> all = new ArrayList<>();
                try {
                    String cursor = null;
                    do {
                        ParagraphPage page = Library.this.paragraphs(v.document(), v.version(), RECONCILE_PAGE, cursor);
                        all.addAll(page.paragraphs());
                        cursor = page.next();
                    } while (cursor != null);
                } catch (LibraryException e) {
                    if (e.reason() != LibraryException.Reason.NOT_FOUND) {
                        throw e;
                    }
                    return List.of(); // removed meanwhile
                }
                return all;
            }
        };
    }

    public LibrarySettings settings() {
        return settings;
    }

    public Path directory() {
        return dir;
    }

    @Override
    public void close() {
        closeQuietly(sync);
        closeQuietly(searchers);
        closeQuietly(writer);
        closeQuietly(directory);
    }

    /** Closing: nothing committed can be lost (writers never commit on close), so there is nothing to report. */
    private static void closeQuietly(AutoCloseable resource) {
        try {
            if (resource != null) {
                resource.close();
            }
        } catch (Exception e) {
            // see above
        }
    }
}
