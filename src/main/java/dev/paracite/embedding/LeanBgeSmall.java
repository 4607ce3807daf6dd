package dev.paracite.embedding;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * LangChain4j's BGE small English v1.5 (quantized), the same weights, tokenizer and pooling, loaded
 * to hold less memory: ONNX Runtime's arena allocator is off, so what a run allocates goes back when
 * it ends instead of staying with the arena (under 64 concurrent questions the arena kept some 100 MB
 * more), and the model's 34 MB are read into one array of their exact size, not grown by copying
 * (bench/README.md, "Resident memory").
 */
final class LeanBgeSmall extends AbstractInProcessEmbeddingModel {

    private static final String MODEL = "bge-small-en-v1.5-q.onnx";
    private static final String TOKENIZER = "bge-small-en-v1.5-q-tokenizer.json";

    private final OnnxBertBiEncoder encoder;

    LeanBgeSmall() {
        super(null);
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions();
             InputStream tokenizer = resource(TOKENIZER)) {
            options.setCPUArenaAllocator(false);
            options.setMemoryPatternOptimization(false);
            OrtEnvironment environment = OrtEnvironment.getEnvironment();
            OrtSession session = environment.createSession(bytes(MODEL), options);
            this.encoder = new OnnxBertBiEncoder(environment, session, tokenizer, PoolingMode.CLS);
        } catch (OrtException e) {
            throw new IllegalStateException("ONNX Runtime could not open " + MODEL + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + MODEL + " from the jar failed", e);
        }
    }

    @Override
    protected OnnxBertBiEncoder model() {
        return encoder;
    }

    @Override
    protected Integer knownDimension() {
        return 384;
    }

    private static InputStream resource(String name) throws IOException {
        return connection(name).getInputStream();
    }

    private static byte[] bytes(String name) throws IOException {
        java.net.URLConnection connection = connection(name);
        long size = connection.getContentLengthLong();
        try (InputStream in = connection.getInputStream()) {
            return size >= 0 ? in.readNBytes((int) size) : in.readAllBytes();
        }
    }

    private static java.net.URLConnection connection(String name) throws IOException {
        java.net.URL url = LeanBgeSmall.class.getClassLoader().getResource(name);
        if (url == null) {
            throw new IOException(name + " is not on the class path");
        }
        return url.openConnection();
    }
}
