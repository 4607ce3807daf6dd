package dev.paracite.embedding;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Remembers the vectors of recently embedded texts, so that a question embedded for retrieval is not
 * embedded again by the answer gate, and a paragraph's sentences are embedded once however often they
 * are candidates. Least recently used texts are forgotten beyond {@code capacity}.
 */
public final class CachingEmbedder implements Embedder {

    private final Embedder inner;
    private final Map<String, float[]> cache;

    public CachingEmbedder(Embedder inner, int capacity) {
        this.inner = inner;
        this.cache = new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, float[]> eldest) {
                return size() > capacity;
            }
        };
    }

    @Override
    public String name() {
        return inner.name();
    }

    @Override
    public void prepare() {
        inner.prepare();
    }

    @Override
    public float[] embed(String text) {
        float[] cached = cached(text);
        if (cached != null) {
            return cached;
        }
        float[] vector = inner.embed(text);
        synchronized (cache) {
            cache.put(text, vector);
        }
        return vector;
    }

    @Override
    public float[] embedQuery(String query) {
        String key = "\u0000query\u0000" + query;
        float[] cached = cached(key);
        if (cached != null) {
            return cached;
        }
        float[] vector = inner.embedQuery(query);
        synchronized (cache) {
            cache.put(key, vector);
        }
        return vector;
    }

    @Override
    public List<float[]> embedAll(List<String> texts) {
        List<String> missing = new ArrayList<>();
        for (String text : texts) {
            if (cached(text) == null && !missing.contains(text)) {
                missing.add(text);
            }
        }
        if (!missing.isEmpty()) {
            List<float[]> vectors = inner.embedAll(missing);
            synchronized (cache) {
                for (int i = 0; i < missing.size(); i++) {
                    cache.put(missing.get(i), vectors.get(i));
                }
            }
        }
        return texts.stream().map(this::embed).toList();
    }

    private float[] cached(String text) {
        synchronized (cache) {
            return cache.get(text);
        }
    }
}
