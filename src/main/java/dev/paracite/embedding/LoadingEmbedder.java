package dev.paracite.embedding;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * An embedding model that loads in the background, so that loading overlaps with other work; the
 * first text to embed waits for it. It starts loading when created ({@link #start}) or when a text is
 * first embedded ({@link #onFirstUse}), for commands that may never embed one.
 */
public final class LoadingEmbedder implements Embedder {

    /** Loads not yet finished, in this process. */
    private static final Set<CompletableFuture<Embedder>> LOADING = ConcurrentHashMap.newKeySet();

    static {
        // a process stopped while it starts (SIGTERM, Ctrl-C, System.exit) must not exit in the middle
        // of ONNX Runtime's loading, which crashes the JVM (SIGSEGV/SIGBUS in libonnxruntime, exit 134)
        Runtime.getRuntime().addShutdownHook(new Thread(LoadingEmbedder::settle, "paracite-embedding-settle"));
    }

    private final String name;
    private final Supplier<? extends Embedder> load;
    private volatile CompletableFuture<Embedder> model; // null until loading starts

    private LoadingEmbedder(String name, Supplier<? extends Embedder> load) {
        this.name = name;
        this.load = load;
    }

    /** Starts loading {@code load} on a daemon thread; {@code name} is the model's, known before it loads. */
    public static LoadingEmbedder start(String name, Supplier<? extends Embedder> load) {
        LoadingEmbedder embedder = new LoadingEmbedder(name, load);
        embedder.loading();
        return embedder;
    }

    /** The same, loading only when a text is first embedded: nothing is loaded for a run that embeds none. */
    public static LoadingEmbedder onFirstUse(String name, Supplier<? extends Embedder> load) {
        return new LoadingEmbedder(name, load);
    }

    private CompletableFuture<Embedder> loading() {
        CompletableFuture<Embedder> started = model;
        if (started == null) {
            synchronized (this) {
                if (model == null) {
                    model = begin(load);
                }
                started = model;
            }
        }
        return started;
    }

    private static CompletableFuture<Embedder> begin(Supplier<? extends Embedder> load) {
        CompletableFuture<Embedder> model = new CompletableFuture<>();
        LOADING.add(model);
        Thread loader = new Thread(() -> {
            try {
                model.complete(load.get());
            } catch (RuntimeException | Error e) {
                model.completeExceptionally(e);
            } finally {
                LOADING.remove(model);
            }
        }, "paracite-embedding-load");
        loader.setDaemon(true);
        loader.start();
        return model;
    }

    /**
     * Waits for every load still running. Call before the process exits: a JVM that exits while ONNX
     * Runtime is loading its native library aborts (exit code 134) instead of exiting with its own code.
     */
    public static void settle() {
        for (CompletableFuture<Embedder> load : LOADING) {
            try {
                load.join();
            } catch (CompletionException e) {
                // a load that failed has settled too
            }
        }
    }

    /** The loaded model, waiting for it; a failure to load is thrown here, as the loader threw it. */
    public Embedder model() {
        try {
            return loading().join();
        } catch (CompletionException e) {
            Throwable cause = e.getCause() instanceof ExceptionInInitializerError init && init.getCause() != null
                    ? init.getCause() : e.getCause();
            if (cause instanceof EmbeddingException embedding) {
                throw embedding;
            }
            throw new EmbeddingException("The offline embedding model " + name + " could not be loaded: " + cause, cause);
        }
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void prepare() {
        loading();
    }

    @Override
    public float[] embed(String text) {
        return model().embed(text);
    }

    @Override
    public float[] embedQuery(String query) {
        return model().embedQuery(query);
    }

    @Override
    public List<float[]> embedAll(List<String> texts) {
        return model().embedAll(texts);
    }
}
