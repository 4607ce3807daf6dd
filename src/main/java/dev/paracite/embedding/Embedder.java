package dev.paracite.embedding;

import java.util.List;

/**
 * Turns text into a unit-length vector whose dot product with another measures how alike their
 * meanings are. Implementations are thread-safe.
 */
public interface Embedder {

    /** Names the model, so that stored vectors are never mixed across models. */
    String name();

    float[] embed(String text);

    /** A search query's vector, for models that embed queries differently from the passages they look for. */
    default float[] embedQuery(String query) {
        return embed(query);
    }

    default List<float[]> embedAll(List<String> texts) {
        return texts.stream().map(this::embed).toList();
    }

    /** Starts getting ready in the background, for a run that will embed soon (a model loading on first use starts now). */
    default void prepare() {}

    /** Cosine similarity of two unit vectors. */
    static double similarity(float[] a, float[] b) {
        double dot = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
        }
        return dot;
    }
}
