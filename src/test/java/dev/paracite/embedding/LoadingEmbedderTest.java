package dev.paracite.embedding;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class LoadingEmbedderTest {

    /** A one-dimensional model that counts how often it is loaded. */
    private final AtomicInteger loads = new AtomicInteger();

    private Embedder load() {
        loads.incrementAndGet();
        return new Embedder() {
            @Override
            public String name() {
                return "one";
            }

            @Override
            public float[] embed(String text) {
                return new float[] {1};
            }
        };
    }

    @Test
    void on_first_use_loads_nothing_until_a_text_is_embedded_and_then_once() {
        LoadingEmbedder embedder = LoadingEmbedder.onFirstUse("one", this::load);
        assertEquals("one", embedder.name());
        LoadingEmbedder.settle();
        assertEquals(0, loads.get());
        assertArrayEquals(new float[] {1}, embedder.embed("a"));
        assertArrayEquals(new float[] {1}, embedder.embedQuery("b"));
        assertEquals(1, loads.get());
    }

    @Test
    void start_loads_at_once() {
        LoadingEmbedder.start("one", this::load);
        LoadingEmbedder.settle();
        assertEquals(1, loads.get());
    }

    @Test
    void prepare_starts_a_first_use_load_through_the_cache_and_loads_once() {
        Embedder cached = new CachingEmbedder(LoadingEmbedder.onFirstUse("one", this::load), 10);
        cached.prepare();
        LoadingEmbedder.settle();
        assertEquals(1, loads.get(), "loaded before any text was embedded");
        assertArrayEquals(new float[] {1}, cached.embed("a"));
        cached.prepare();
        LoadingEmbedder.settle();
        assertEquals(1, loads.get());
    }
}
