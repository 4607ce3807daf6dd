package dev.paracite.embedding;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Vectors computed ahead of time for texts a document is known to need (its paragraphs, their sentences
 * and list items), so that an assistant over the built-in document starts without embedding them. A
 * text is found by the SHA-256 of its words, for one model only; any other text is embedded as usual,
 * so stored vectors can only save time, never change an answer.
 */
public final class StoredVectors implements Embedder {

    private final Embedder inner;
    private final Map<String, float[]> vectors;

    private StoredVectors(Embedder inner, Map<String, float[]> vectors) {
        this.inner = inner;
        this.vectors = vectors;
    }

    /** {@code inner} with the vectors in the classpath resource {@code resource}, if there is one for its model. */
    public static Embedder over(Embedder inner, String resource) {
        try (InputStream raw = StoredVectors.class.getResourceAsStream(resource)) {
            return raw == null ? inner : over(inner, raw);
        } catch (IOException e) {
            throw new UncheckedIOException("stored vectors " + resource + " cannot be read", e);
        }
    }

    /** {@code inner} with the vectors {@link #write} wrote to {@code raw}, if they are {@code inner}'s model's. */
    static Embedder over(Embedder inner, InputStream raw) {
        try {
            DataInputStream in = new DataInputStream(new GZIPInputStream(raw));
            String model = in.readUTF();
            if (!model.equals(inner.name())) {
                return inner;
            }
            int count = in.readInt();
            int dimensions = in.readInt();
            Map<String, float[]> vectors = new HashMap<>();
            byte[] key = new byte[32];
            for (int i = 0; i < count; i++) {
                in.readFully(key);
                float[] v = new float[dimensions];
                for (int d = 0; d < dimensions; d++) {
                    v[d] = in.readFloat();
                }
                vectors.put(HexFormat.of().formatHex(key), v);
            }
            return new StoredVectors(inner, vectors);
        } catch (IOException e) {
            throw new UncheckedIOException("stored vectors cannot be read", e);
        }
    }

    /** Writes {@code texts}' vectors under {@code model}'s name, for {@link #over}. */
    public static void write(String model, Map<String, float[]> texts, OutputStream target) throws IOException {
        try (DataOutputStream out = new DataOutputStream(new GZIPOutputStream(target))) {
            out.writeUTF(model);
            out.writeInt(texts.size());
            out.writeInt(texts.values().iterator().next().length);
            for (Map.Entry<String, float[]> e : texts.entrySet().stream().sorted(Map.Entry.comparingByKey()).toList()) {
                out.write(HexFormat.of().parseHex(key(e.getKey())));
                for (float f : e.getValue()) {
                    out.writeFloat(f);
                }
            }
        }
    }

    static String key(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    @Override
    public String name() {
        return inner.name();
    }

    @Override
    public float[] embed(String text) {
        float[] stored = vectors.get(key(text));
        return stored != null ? stored : inner.embed(text);
    }

    @Override
    public float[] embedQuery(String query) {
        return inner.embedQuery(query);
    }

    @Override
    public List<float[]> embedAll(List<String> texts) {
        if (texts.stream().allMatch(t -> vectors.containsKey(key(t)))) {
            return texts.stream().map(this::embed).toList();
        }
        return inner.embedAll(texts);
    }
}
