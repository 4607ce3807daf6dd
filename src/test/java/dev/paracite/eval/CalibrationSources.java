package dev.paracite.eval;

import dev.paracite.corpus.Document;
import dev.paracite.corpus.DocumentLoader;
import dev.paracite.corpus.Paragraph;
import dev.paracite.grounding.Context;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The documents behind the calibration pairs' {@code source} ("builtin:8", "squad:00_Normans:3",
 * "records-retention-policy:7"), so that a pair is checked with its paragraph's section and its
 * document's {@link Context}, as answers are.
 */
public final class CalibrationSources {

    private final Path shared;
    private final Map<String, Document> documents = new HashMap<>();
    private final Map<String, Context> contexts = new HashMap<>();

    public CalibrationSources(Path shared) {
        this.shared = shared;
    }

    public Document document(String source) {
        String key = source.startsWith("squad:") ? source.substring(0, source.lastIndexOf(':')) : source.split(":")[0];
        return documents.computeIfAbsent(key, k -> {
            if (k.equals("builtin")) {
                return DocumentLoader.builtIn();
            }
            if (k.startsWith("squad:")) {
                String article = k.substring("squad:".length());
                return SquadSet.load(shared.resolve("squad2-dev-part"), 1).stream().map(EvalCase::document)
                        .filter(d -> article.endsWith(d.name().replace(' ', '_')) || article.contains(d.name().replace(' ', '_')))
                        .findFirst().orElseThrow(() -> new IllegalArgumentException("no article " + article));
            }
            return DocumentLoader.load(Path.of("eval", k + ".txt"));
        });
    }

    /** The document's paragraph with this text, or a stand-alone paragraph when the text was edited. */
    public Paragraph paragraph(String source, String text) {
        return document(source).paragraphs().stream().filter(p -> p.text().equals(text)).findFirst()
                .orElse(new Paragraph("p", "", text, 0));
    }

    public Context context(String source) {
        return contexts.computeIfAbsent(document(source).name(), n -> Context.of(document(source)));
    }
}
