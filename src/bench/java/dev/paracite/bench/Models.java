package dev.paracite.bench;

import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import dev.paracite.embedding.OnnxEmbedder;
import java.util.List;

/** The embedding models compared for the product (bench/README.md, "Embedding model"). */
final class Models {

    static final List<String> COMPARED = List.of("bge-small-en-v1.5-q", "all-minilm-l6-v2-q");

    private Models() {}

    static OnnxEmbedder load(String name) {
        return switch (name) {
            case "bge-small-en-v1.5-q" -> OnnxEmbedder.bgeSmall();
            case "all-minilm-l6-v2-q" -> OnnxEmbedder.load(name, "", AllMiniLmL6V2QuantizedEmbeddingModel::new);
            default -> throw new IllegalArgumentException("unknown embedding model " + name);
        };
    }
}
