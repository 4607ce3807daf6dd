package dev.paracite.embedding;

import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import java.util.List;
import java.util.function.Supplier;

/**
 * A sentence-embedding model run in process by ONNX Runtime through LangChain4j; its weights are inside
 * the jar, so it works offline. The product's is BGE small English v1.5, quantized: on the tuning sets it
 * ranked better than all-MiniLM-L6-v2 in every fusion tried (bench/README.md, "Embedding model").
 * Loading takes most of a second; build one per process.
 */
public final class OnnxEmbedder implements Embedder {

    /** The name of the product's model. */
    public static final String PRODUCT = "bge-small-en-v1.5-q";
    /** BGE v1.5 is trained with this instruction before short queries (its model card). */
    static final String BGE_QUERY = "Represent this sentence for searching relevant passages: ";

    private final String name;
    private final String queryPrefix;
    private final EmbeddingModel onnx;

    /** Any in-process LangChain4j embedding model; {@code queryPrefix} goes before every query. */
    public OnnxEmbedder(String name, String queryPrefix, EmbeddingModel onnx) {
        this.name = name;
        this.queryPrefix = queryPrefix;
        this.onnx = onnx;
    }

    /** Loads the product's model; fails with a sentence when ONNX Runtime cannot run on this platform. */
    public static OnnxEmbedder bgeSmall() {
        return load(PRODUCT, BGE_QUERY, LeanBgeSmall::new);
    }

    public static OnnxEmbedder load(String name, String queryPrefix, Supplier<EmbeddingModel> model) {
        try {
            OnnxEmbedder loaded = new OnnxEmbedder(name, queryPrefix, model.get());
            NativeFiles.deleteExtracted();
            return loaded;
        } catch (RuntimeException | LinkageError e) {
            throw new EmbeddingException("The offline embedding model " + name + " could not be loaded on this "
                    + "platform (" + System.getProperty("os.name") + " " + System.getProperty("os.arch") + "): "
                    + e.getMessage(), e);
        }
    }

    /**
     * The product's model, loaded on first use and then shared by the whole process: its weights never
     * change, it is thread-safe, and loading it costs most of a second.
     */
    public static OnnxEmbedder shared() {
        return Shared.INSTANCE;
    }

    private static final class Shared {
        static final OnnxEmbedder INSTANCE = bgeSmall();
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public float[] embed(String text) {
        return onnx.embed(text).content().vector();
    }

    @Override
    public float[] embedQuery(String query) {
        return embed(queryPrefix + query);
    }

    @Override
    public List<float[]> embedAll(List<String> texts) {
        return onnx.embedAll(texts.stream().map(TextSegment::from).toList()).content().stream()
                .map(e -> e.vector()).toList();
    }
}
