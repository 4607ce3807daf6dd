package dev.paracite.bench;

import dev.paracite.embedding.Embedder;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Keeps the vectors of every text a benchmark embeds in target/bench/vectors/MODEL.bin, so that rerunning
 * a grid over 5,000 abstracts does not embed them again. Benchmarks only; the product embeds in memory.
 */
final class DiskCachedEmbedder implements Embedder {

    private final Embedder inner;
    private final Path file;
    private final Map<String, float[]> vectors = new HashMap<>();
    private int unsaved;

    DiskCachedEmbedder(Embedder inner) {
        this.inner = inner;
        this.file = Path.of("target/bench/vectors", inner.name() + ".bin");
        if (Files.exists(file)) {
            try (DataInputStream in = new DataInputStream(new java.io.BufferedInputStream(Files.newInputStream(file)))) {
                int n = in.readInt();
                for (int i = 0; i < n; i++) {
                    String key = in.readUTF();
                    float[] v = new float[in.readInt()];
                    for (int k = 0; k < v.length; k++) {
                        v[k] = in.readFloat();
                    }
                    vectors.put(key, v);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @Override
    public String name() {
        return inner.name();
    }

    private static String key(String text) {
        return text.length() < 16_000 ? text : text.substring(0, 16_000);
    }

    @Override
    public synchronized float[] embed(String text) {
        return vectors.computeIfAbsent(key(text), k -> {
            unsaved++;
            return inner.embed(text);
        });
    }

    @Override
    public synchronized float[] embedQuery(String query) {
        return vectors.computeIfAbsent("\u0000query\u0000" + key(query), k -> {
            unsaved++;
            return inner.embedQuery(query);
        });
    }

    @Override
    public synchronized List<float[]> embedAll(List<String> texts) {
        List<String> missing = texts.stream().filter(t -> !vectors.containsKey(key(t))).distinct().toList();
        if (!missing.isEmpty()) {
            List<float[]> got = inner.embedAll(missing);
            for (int i = 0; i < missing.size(); i++) {
                vectors.put(key(missing.get(i)), got.get(i));
            }
            unsaved += missing.size();
        }
        List<float[]> out = new ArrayList<>();
        texts.forEach(t -> out.add(vectors.get(key(t))));
        return out;
    }

    /** Writes the cache when new vectors were added. */
    synchronized void save() {
        if (unsaved == 0) {
            return;
        }
        try {
            Files.createDirectories(file.getParent());
            try (DataOutputStream out = new DataOutputStream(new java.io.BufferedOutputStream(Files.newOutputStream(file)))) {
                out.writeInt(vectors.size());
                for (Map.Entry<String, float[]> e : vectors.entrySet()) {
                    out.writeUTF(e.getKey());
                    out.writeInt(e.getValue().length);
                    for (float f : e.getValue()) {
                        out.writeFloat(f);
                    }
                }
            }
            unsaved = 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
