package dev.paracite.bench;

import dev.paracite.assistant.Assistant;
import dev.paracite.assistant.FollowUp;
import dev.paracite.assistant.Question;
import dev.paracite.corpus.Document;
import dev.paracite.corpus.DocumentLoader;
import dev.paracite.embedding.Embedder;
import dev.paracite.embedding.OnnxEmbedder;
import dev.paracite.embedding.StoredVectors;
import dev.paracite.eval.EvalQuestion;
import dev.paracite.eval.EvalSet;
import dev.paracite.extractive.ExtractiveModel;
import dev.paracite.grounding.Support;
import dev.paracite.grounding.SupportSettings;
import dev.paracite.retrieval.LuceneParagraphSearch;
import dev.paracite.retrieval.RetrievalSettings;
import dev.paracite.retrieval.Retriever;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes src/main/resources/documents/strategic-course-cis.vectors.gz: the vectors of every text the
 * assistant embeds for the built-in document (its paragraphs, their sentences and list items), found by
 * answering the dev questions and asking for every paragraph, so that the served built-in document
 * starts without embedding them. Questions themselves are never stored. Rerun after changing the
 * document, the splitter or the model; a stale file only costs start-up time.
 */
public final class StoreVectors {

    private StoreVectors() {}

    /** Remembers every text embedded as a passage (not as a query). */
    static final class Recording implements Embedder {
        final Embedder inner;
        final Map<String, float[]> seen = new LinkedHashMap<>();

        Recording(Embedder inner) {
            this.inner = inner;
        }

        @Override
        public String name() {
            return inner.name();
        }

        @Override
        public synchronized float[] embed(String text) {
            return seen.computeIfAbsent(text, inner::embed);
        }

        @Override
        public float[] embedQuery(String query) {
            return inner.embedQuery(query);
        }

        /** Embedded in the same batches as at run time, so that the stored vectors are the very same numbers. */
        @Override
        public synchronized List<float[]> embedAll(List<String> texts) {
            List<float[]> vectors = inner.embedAll(texts);
            for (int i = 0; i < texts.size(); i++) {
                seen.putIfAbsent(texts.get(i), vectors.get(i));
            }
            return texts.stream().map(seen::get).toList();
        }
    }

    public static void main(String[] args) throws Exception {
        Document document = DocumentLoader.builtIn();
        Recording recording = new Recording(OnnxEmbedder.bgeSmall());
        LuceneParagraphSearch search = LuceneParagraphSearch.build(document, RetrievalSettings.DEFAULT, recording);
        Assistant assistant = new Assistant(new Retriever(document, search), new ExtractiveModel(search.terms(), recording),
                null, FollowUp.INSTANCE, new Support(recording, SupportSettings.DEFAULT));
        for (EvalQuestion q : EvalSet.load(Path.of("eval/dev.jsonl"))) {
            assistant.ask(new Question(q.question(), q.history(), 20));
        }
        document.paragraphs().forEach(p -> assistant.ask(Question.of("What does paragraph " + p.label() + " say about "
                + p.section() + "?")));
        Path out = Path.of("src/main/resources/documents/" + document.name() + ".vectors.gz");
        try (OutputStream target = Files.newOutputStream(out)) {
            StoredVectors.write(recording.name(), recording.seen, target);
        }
        System.out.println(recording.seen.size() + " vectors written to " + out + " (" + Files.size(out) + " bytes)");
    }
}
