package dev.paracite.embedding;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.paracite.Shared;
import dev.paracite.corpus.Document;
import dev.paracite.corpus.DocumentLoader;
import dev.paracite.corpus.Paragraph;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class StoredVectorsTest {

    /** An embedder that records what it was asked to embed. */
    static final class Counting implements Embedder {
        final String name;
        final List<String> embedded = new ArrayList<>();

        Counting(String name) {
            this.name = name;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public synchronized float[] embed(String text) {
            embedded.add(text);
            return new float[] {text.length(), 1};
        }
    }

    private static byte[] stored(String model, Map<String, float[]> texts) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        StoredVectors.write(model, texts, out);
        return out.toByteArray();
    }

    @Test
    void storedTextsAreNotEmbeddedAgainAndOthersAre() throws IOException {
        byte[] file = stored("m", Map.of("Stored text.", new float[] {7, 8}));
        Counting model = new Counting("m");
        Embedder embedder = StoredVectors.over(model, new java.io.ByteArrayInputStream(file));

        assertArrayEquals(new float[] {7, 8}, embedder.embed("Stored text."));
        assertArrayEquals(new float[] {7, 8}, embedder.embedAll(List.of("Stored text.")).get(0));
        assertEquals(List.of(), model.embedded, "a stored text must not reach the model");
        assertArrayEquals(new float[] {5, 1}, embedder.embed("Other"));
        assertEquals(List.of("Other"), model.embedded);
        embedder.embedQuery("Stored text.");
        assertEquals(List.of("Other", "Stored text."), model.embedded, "questions are always embedded as questions");
    }

    @Test
    void vectorsStoredForAnotherModelAreIgnored() throws IOException {
        byte[] file = stored("other-model", Map.of("Stored text.", new float[] {7, 8}));
        Counting model = new Counting("m");
        Embedder embedder = StoredVectors.over(model, new java.io.ByteArrayInputStream(file));

        assertSame(model, embedder);
        assertArrayEquals(new float[] {12, 1}, embedder.embed("Stored text."));
    }

    @Test
    void aCorruptFileIsAnErrorNotSilence() {
        byte[] garbage = "not a vectors file".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertThrows(java.io.UncheckedIOException.class,
                () -> StoredVectors.over(new Counting("m"), new java.io.ByteArrayInputStream(garbage)));
    }

    @Test
    void theBuiltInDocumentsStoredVectorsAreTheModelsOwn() {
        Document document = DocumentLoader.builtIn();
        Counting never = new Counting(OnnxEmbedder.PRODUCT);
        Embedder stored = StoredVectors.over(never, "/documents/" + document.name() + ".vectors.gz");
        List<String> texts = document.paragraphs().stream().map(Paragraph::text).toList();

        List<float[]> fromFile = stored.embedAll(texts);
        assertEquals(List.of(), never.embedded, "every paragraph of the built-in document has a stored vector");
        List<float[]> computed = OnnxEmbedder.shared().embedAll(texts);
        for (int i = 0; i < texts.size(); i++) {
            assertTrue(Embedder.similarity(fromFile.get(i), computed.get(i)) > 0.9999,
                    "stored vector of paragraph " + document.paragraphs().get(i).label() + " is stale; rerun StoreVectors");
        }
    }

    /** A load that says it has started and then waits for {@code release}. */
    private static java.util.function.Supplier<Embedder> held(CountDownLatch loading, CountDownLatch release) {
        return () -> {
            loading.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return new Counting("m");
        };
    }

    @Test
    void aModelLoadsInTheBackgroundAndTheFirstTextWaitsForIt() throws InterruptedException {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch loading = new CountDownLatch(1);
        LoadingEmbedder embedder = LoadingEmbedder.start("m", held(loading, release));
        assertTrue(loading.await(30, TimeUnit.SECONDS), "loading starts at once, without being asked");
        assertEquals("m", embedder.name(), "the name is known before the model has loaded");
        release.countDown();
        assertArrayEquals(new float[] {2, 1}, embedder.embed("ab"));
    }

    @Test
    void settlingBeforeExitWaitsForLoadsStillRunning() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch loading = new CountDownLatch(1);
        LoadingEmbedder.start("m", held(loading, release));
        assertTrue(loading.await(30, TimeUnit.SECONDS));
        java.util.concurrent.CompletableFuture<Void> settled = java.util.concurrent.CompletableFuture.runAsync(
                LoadingEmbedder::settle);
        // settle is still waiting: the load has not been released
        assertThrows(java.util.concurrent.TimeoutException.class, () -> settled.get(300, TimeUnit.MILLISECONDS));
        release.countDown();
        settled.get(30, TimeUnit.SECONDS);
    }

    @Test
    void aModelThatCannotLoadSaysSoWhenUsed() {
        LoadingEmbedder embedder = LoadingEmbedder.start("m", () -> {
            throw new IllegalStateException("no native library for this platform");
        });
        EmbeddingException e = assertThrows(EmbeddingException.class, () -> embedder.embed("text"));
        assertTrue(e.getMessage().contains("m could not be loaded") && e.getMessage().contains("no native library"),
                e.getMessage());
    }

    @Test
    void theSharedModelIsTheProducts() {
        assertEquals(OnnxEmbedder.PRODUCT, Shared.embedder().name());
    }
}
