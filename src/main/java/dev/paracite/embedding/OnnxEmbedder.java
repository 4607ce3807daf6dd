package dev.paracite.embedding;

import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.bgesmallenv15q.BgeSmallEnV15QuantizedEmbeddingModel;
import java.util.List;
import java.util.Locale;

/**
 * A sentence-embedding model run in process by ONNX Runtime through LangChain4j; its weights are
 * inside the jar, so it works offline. Loading takes most of a second; build one per process.
 */
public final class OnnxEmbedder implements Embedder {

    /** The models compared in bench/README.md ("Embedding model"). */
    public enum Model {
        MINILM("all-minilm-l6-v2-q"), BGE_SMALL("bge-small-en-v1.5-q");

        private final String id;

        Model(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }

        public static Model of(String id) {
            for (Model m : values()) {
                if (m.id.equals(id.toLowerCase(Locale.ROOT))) {
                    return m;
                }
            }
            throw new IllegalArgumentException("Unknown embedding model \"" + id + "\".");
        }
    }

    /** The model the product uses; chosen by measurement in bench/README.md ("Embedding model"). */
    public static final Model PRODUCT = Model.MINILM;

    private final Model model;
    private final EmbeddingModel onnx;

    private OnnxEmbedder(Model model, EmbeddingModel onnx) {
        this.model = model;
        this.onnx = onnx;
    }

    /** Loads the model; fails with a sentence when ONNX Runtime cannot run on this platform. */
    public static OnnxEmbedder load(Model model) {
        try {
            EmbeddingModel onnx = switch (model) {
                case MINILM -> new AllMiniLmL6V2QuantizedEmbeddingModel();
                case BGE_SMALL -> new BgeSmallEnV15QuantizedEmbeddingModel();
            };
            return new OnnxEmbedder(model, onnx);
        } catch (RuntimeException | LinkageError e) {
            throw new EmbeddingException("The offline embedding model " + model.id() + " could not be loaded on this "
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
        static final OnnxEmbedder INSTANCE = load(PRODUCT);
    }

    @Override
    public String name() {
        return model.id();
    }

    @Override
    public float[] embed(String text) {
        return onnx.embed(text).content().vector();
    }

    @Override
    public List<float[]> embedAll(List<String> texts) {
        return onnx.embedAll(texts.stream().map(TextSegment::from).toList()).content().stream()
                .map(e -> e.vector()).toList();
    }
}
