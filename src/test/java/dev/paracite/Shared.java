package dev.paracite;

import dev.paracite.embedding.CachingEmbedder;
import dev.paracite.embedding.Embedder;
import dev.paracite.embedding.OnnxEmbedder;
import dev.paracite.grounding.Support;
import dev.paracite.grounding.SupportSettings;

/** What tests share because it is slow to build and never changes: the embedding model and the support check. */
public final class Shared {

    private static final Embedder EMBEDDER = new CachingEmbedder(OnnxEmbedder.shared(), 20_000);

    private Shared() {}

    public static Embedder embedder() {
        return EMBEDDER;
    }

    public static Support support() {
        return new Support(EMBEDDER, SupportSettings.DEFAULT);
    }
}
