package dev.paracite;

import dev.paracite.assistant.AnswerMetrics;
import dev.paracite.assistant.AnswerModel;
import dev.paracite.assistant.Assistant;
import dev.paracite.assistant.FollowUp;
import dev.paracite.embedding.CachingEmbedder;
import dev.paracite.embedding.Embedder;
import dev.paracite.embedding.LoadingEmbedder;
import dev.paracite.embedding.OnnxEmbedder;
import dev.paracite.embedding.StoredVectors;
import dev.paracite.extractive.ExtractiveModel;
import dev.paracite.grounding.Support;
import dev.paracite.grounding.SupportSettings;
import dev.paracite.cli.Cli;
import dev.paracite.cli.IndexChoice;
import dev.paracite.cli.ModelChoice;
import dev.paracite.cli.ModelOptions;
import dev.paracite.cli.ServerOptions;
import dev.paracite.cli.UsageException;
import dev.paracite.corpus.Document;
import dev.paracite.grounding.Context;
import dev.paracite.library.Corpus;
import dev.paracite.library.Library;
import dev.paracite.library.LibrarySettings;
import dev.paracite.llm.ModelConfigException;
import dev.paracite.llm.ModelSettings;
import dev.paracite.llm.Models;
import dev.paracite.llm.PromptException;
import dev.paracite.metrics.DeferredAnswerMetrics;
import dev.paracite.metrics.PrometheusMetrics;
import dev.paracite.retrieval.LuceneParagraphSearch;
import dev.paracite.retrieval.ParagraphSearch;
import dev.paracite.retrieval.RetrievalSettings;
import dev.paracite.retrieval.IndexUnavailableException;
import dev.paracite.retrieval.Retriever;
import dev.paracite.retrieval.solr.SolrParagraphSearch;
import dev.paracite.retrieval.solr.SolrTarget;
import dev.paracite.server.Monitoring;
import dev.paracite.server.Server;
import dev.paracite.server.ServerStartException;
import dev.paracite.server.ServerSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import org.slf4j.LoggerFactory;

/** Composition root: the only place that chooses implementations and wires them together. */
public final class Main {

    private Main() {}

    public static void main(String[] args) {
        Run run = new Run();
        // an embedding model still loading is waited for by LoadingEmbedder's shutdown hook
        // Java 17 cannot ask whether stderr alone is a terminal; a console means an interactive session
        boolean terminal = System.console() != null;
        System.exit(Cli.run(args, System.getenv(), System.out, System.err, terminal, run::assistant, run, run));
    }

    /**
     * One run of the program. Its assistant reports to metrics that exist only once it serves: {@code ask}
     * and {@code eval} never pay for a registry, and the assistant is built before {@code serve} knows it
     * will serve.
     */
    private static final class Run implements Cli.Libraries, Cli.Serving {
        private final DeferredAnswerMetrics answers = new DeferredAnswerMetrics();

        @Override
        public LibrarySettings settings(String retrievalMode, int keepVersions, long maxUpload) {
            return Main.librarySettings(retrievalMode, keepVersions, maxUpload);
        }

        @Override
        public Supplier<Assistant> assistants(Library library, ModelChoice choice) {
            return Main.assistants(library, choice, answers);
        }

        Assistant assistant(Document document, ModelChoice choice) {
            return Main.assistant(document, choice, answers);
        }

        @Override
        public int serve(Assistant assistant, ServerOptions options) {
            return serve(options, null, (settings, monitoring) -> Server.start(assistant, options.host(), options.port(),
                    settings, monitoring));
        }

        /** The server answers from the library's latest versions, following the library as it changes. */
        @Override
        public int serve(Supplier<Assistant> assistants, Library library, ServerOptions options) {
            return serve(options, library, (settings, monitoring) -> Server.start(assistants, library, options.host(),
                    options.port(), settings, monitoring));
        }

        private int serve(ServerOptions options, Library library, BiFunction<ServerSettings, Monitoring, Server> start) {
            PrometheusMetrics metrics = PrometheusMetrics.create();
            answers.reportTo(metrics.answers());
            return Main.serve(options, metrics, start, library);
        }
    }

    /** The assistant over {@code document} with the default retrieval and the built-in extractive model. */
    public static Assistant assistant(Document document) {
        return assistant(document, ModelSettings.extractive());
    }

    /** The assistant with the model and retrieval the command line and environment chose. */
    public static Assistant assistant(Document document, ModelChoice choice) {
        return assistant(document, choice, AnswerMetrics.NONE);
    }

    private static Assistant assistant(Document document, ModelChoice choice, AnswerMetrics metrics) {
        if (choice.index().solr()) {
            Embedder embedder = embedder(document);
            ParagraphSearch search = solrSearch(document, choice.index(), retrieval(choice.retrieval()), embedder);
            if (choice.recorded() != null) {
                return new Assistant(new Retriever(document, search), choice.recorded(), new Support(embedder, SupportSettings.DEFAULT));
            }
            return assistant(document, search, Context.of(document), embedder, settings(choice.model()), metrics);
        }
        if (choice.recorded() != null) {
            return assistant(document, choice.recorded(), retrieval(choice.retrieval()));
        }
        return assistant(document, settings(choice.model()), retrieval(choice.retrieval()), metrics);
    }

    /** An assistant whose answers come from {@code model} (recorded answers, in evaluations). */
    static Assistant assistant(Document document, AnswerModel model, RetrievalSettings retrieval) {
        Embedder embedder = embedder(document);
        LuceneParagraphSearch search = LuceneParagraphSearch.build(document, retrieval, embedder);
        return new Assistant(new Retriever(document, search), model, new Support(embedder, SupportSettings.DEFAULT));
    }

    public static Assistant assistant(Document document, ModelSettings settings) {
        return assistant(document, settings, RetrievalSettings.DEFAULT);
    }

    public static Assistant assistant(Document document, ModelSettings settings, RetrievalSettings retrieval) {
        return assistant(document, settings, retrieval, AnswerMetrics.NONE);
    }

    /** The same, reporting each answer and each call to a model provider to {@code metrics}. */
    public static Assistant assistant(Document document, ModelSettings settings, RetrievalSettings retrieval,
                                      AnswerMetrics metrics) {
        Embedder embedder = embedder(document);
        LuceneParagraphSearch search = LuceneParagraphSearch.build(document, retrieval, embedder);
        return assistant(document, search, Context.of(document), embedder, settings, metrics);
    }

    /** The assistant over {@code document}, searched by {@code search}; the search is closed if the model cannot be made. */
    private static Assistant assistant(Document document, ParagraphSearch search, Context context, Embedder embedder,
                                       ModelSettings settings, AnswerMetrics metrics) {
        Retriever retriever = new Retriever(document, search);
        Support support = new Support(embedder, SupportSettings.DEFAULT);
        ExtractiveModel extractive = new ExtractiveModel(search.terms(), embedder);
        if (settings.provider().equals(ModelSettings.EXTRACTIVE)) {
            return new Assistant(retriever, extractive, null, FollowUp.INSTANCE, support, metrics, context);
        }
        try {
            Models.Choice choice = Models.create(settings, document.name(), metrics);
            return new Assistant(retriever, choice.model(), settings.fallback() ? extractive : null, choice.condenser(), support,
                    metrics, context);
        } catch (ModelConfigException | PromptException e) {
            search.close();
            throw new UsageException(e.getMessage());
        }
    }

    /**
     * Search over {@code document} in the SolrCloud collection {@code index} names (set up by solr init),
     * indexed there unless it is (with the paragraphs' embeddings from {@code embedder} when retrieval is
     * hybrid). A Solr that cannot be reached now does not stop a server from starting: it answers 503
     * until Solr is back, then indexes the document at its first search.
     */
    private static ParagraphSearch solrSearch(Document document, IndexChoice index, RetrievalSettings retrieval,
                                              Embedder embedder) {
        SolrTarget target = SolrTarget.of(index.solrUrls(), index.solrCollection()).withCredentials(index.solrCredentials());
        SolrParagraphSearch search = SolrParagraphSearch.open(target, document, retrieval,
                retrieval.fusion().dense() ? embedder : null);
        try {
            search.indexUnlessPresent();
        } catch (IndexUnavailableException e) {
            LoggerFactory.getLogger(Main.class).warn("{}; answers wait for it (503 index_unavailable)", e.getMessage());
        } catch (RuntimeException e) {
            search.close();
            throw e;
        }
        return search;
    }

    /** Sentences and paragraphs whose embeddings an assistant remembers (about 1.6 KB each). */
    private static final int EMBEDDING_CACHE = 50_000;

    /**
     * The embedding model for an assistant over {@code document}: loading in the background (it takes
     * most of a second, which then overlaps with indexing and starting the server), with the vectors
     * stored for the document's paragraphs and sentences when it is the built-in one, remembering the
     * rest.
     */
    private static Embedder embedder(Document document) {
        Embedder model = LoadingEmbedder.start(OnnxEmbedder.PRODUCT, OnnxEmbedder::shared);
        return new CachingEmbedder(StoredVectors.over(model, "/documents/" + document.name() + ".vectors.gz"),
                EMBEDDING_CACHE);
    }

    /**
     * How a library in a data directory indexes: {@code retrievalMode} as for a single document; hybrid
     * embeds every paragraph as it is added. The embedding model, which answers need whatever the
     * retrieval, loads when a paragraph or question is first embedded: {@code documents} and {@code
     * remove} never load it.
     */
    public static LibrarySettings librarySettings(String retrievalMode, int keepVersions, long maxUpload) {
        return librarySettings(retrievalMode, keepVersions, maxUpload, OnnxEmbedder::shared);
    }

    /** The same, with the embedding model {@code load} loads. */
    public static LibrarySettings librarySettings(String retrievalMode, int keepVersions, long maxUpload,
                                           Supplier<? extends Embedder> load) {
        Embedder embedder = new CachingEmbedder(LoadingEmbedder.onFirstUse(OnnxEmbedder.PRODUCT, load), EMBEDDING_CACHE);
        return new LibrarySettings(retrieval(retrievalMode), embedder, keepVersions, maxUpload);
    }

    /**
     * Assistants over the latest versions in {@code library} with the model and retrieval chosen: the same
     * assistant until the library changes, then one over the new versions (built when next asked).
     */
    public static Supplier<Assistant> assistants(Library library, ModelChoice choice) {
        return assistants(library, choice, AnswerMetrics.NONE);
    }

    /** The same, reporting each answer and each call to a model provider to {@code metrics}. */
    public static Supplier<Assistant> assistants(Library library, ModelChoice choice, AnswerMetrics metrics) {
        if (choice.index().solr()) {
            throw new UsageException("--index solr answers from one document for now; it cannot be used with --data-dir.");
        }
        ModelSettings settings = settings(choice.model());
        // the support check and the extractive model embed whatever the retrieval
        Embedder embedder = Objects.requireNonNull(library.settings().embedder(),
                "a library that answers needs its settings' embedder");
        embedder.prepare(); // answering embeds: the model loads while the library opens and the first question arrives
        return new Supplier<>() {
            private Corpus built;
            private Assistant assistant;

            @Override
            public synchronized Assistant get() {
                Corpus corpus = library.corpus();
                if (corpus != built) {
                    assistant = assistant(corpus.document(), corpus.search(), corpus.context(), embedder, settings, metrics);
                    built = corpus;
                }
                return assistant;
            }
        };
    }

    /** {@code hybrid} or {@code bm25}, as the command line checked it. */
    static RetrievalSettings retrieval(String mode) {
        return mode.equals("bm25") ? RetrievalSettings.BM25 : RetrievalSettings.HYBRID;
    }

    static ModelSettings settings(ModelOptions model) {
        return new ModelSettings(model.provider(), model.baseUrl(), model.apiKey(), model.modelName(),
                model.temperature(), model.maxTokens(), model.timeout(), model.maxRetries(), model.fallback(),
                model.prompts(), model.answerTimeout());
    }

    /**
     * Access keys come from a file (--access-keys, one key a line, # comments; a byte-order mark and CRLF
     * line ends are fine) and/or the variable PARACITE_ACCESS_KEYS (comma-separated), so that neither has
     * to appear on a command line. Either, when given, must hold a key: a blank list would open the API
     * to everyone while looking protected. The metrics key (--metrics-key, PARACITE_METRICS_KEY) likewise.
     */
    static ServerSettings serverSettings(ServerOptions options, Map<String, String> env) {
        List<String> keys = new ArrayList<>();
        String file = options.accessKeys();
        if (file != null) {
            try {
                Files.readAllLines(Path.of(file)).stream().map(l -> l.replace("\uFEFF", "").strip())
                        .filter(l -> !l.isEmpty() && !l.startsWith("#")).forEach(keys::add);
            } catch (IOException e) {
                throw new UsageException("The access key file " + file + " cannot be read.");
            }
            if (keys.isEmpty()) {
                throw new UsageException("The access key file " + file + " holds no key.");
            }
        }
        String fromEnv = env.get("PARACITE_ACCESS_KEYS");
        if (fromEnv != null) {
            List<String> envKeys = Arrays.stream(fromEnv.split(",")).map(String::strip).filter(k -> !k.isEmpty()).toList();
            if (envKeys.isEmpty()) {
                throw new UsageException("PARACITE_ACCESS_KEYS is set but holds no key; give keys separated by commas, "
                        + "or unset it to serve without keys.");
            }
            keys.addAll(envKeys);
        }
        String metricsKey = options.metricsKey();
        if (metricsKey != null && metricsKey.isBlank()) {
            throw new UsageException("--metrics-key is blank; give a key, or leave it out to use the access keys.");
        }
        return new ServerSettings(keys, options.rateLimit(), ServerSettings.DEFAULT_BURST, options.maxAnswering(),
                options.corsOrigins(), options.maxAnsweringPerClient(ServerSettings::defaultPerClient),
                options.drainTimeout(), ServerSettings.DEFAULT_REQUEST_READ,
                metricsKey == null ? null : metricsKey.strip(), options.logQuestions());
    }

    /**
     * Serves until SIGTERM or Ctrl-C, then drains requests in flight and stops, closing the {@code library}
     * served (null: one document). The process exits 0 when every request finished within the drain time,
     * 1 when open streams had to be ended.
     */
    static int serve(ServerOptions options, PrometheusMetrics metrics, BiFunction<ServerSettings, Monitoring, Server> start,
                     Library library) {
        ServerSettings settings = serverSettings(options, System.getenv());
        Server server;
        try {
            server = start.apply(settings, Monitoring.logged(metrics));
        } catch (ServerStartException e) {
            metrics.close();
            System.err.println("paracite: " + e.getMessage());
            return 1;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            boolean drained = server.stop();
            if (library != null) {
                library.close();
            }
            metrics.close();
            System.out.flush();
            System.err.flush();
            // a signal's default exit code (128 + signal) would report a clean stop as a failure
            LoadingEmbedder.settle();
            Runtime.getRuntime().halt(drained ? 0 : 1);
        }, "paracite-shutdown"));
        try {
            new CountDownLatch(1).await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }
}
