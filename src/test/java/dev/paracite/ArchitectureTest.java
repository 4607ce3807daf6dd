package dev.paracite;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Keeps dependencies pointing one way by scanning imports of the main sources. */
class ArchitectureTest {

    private static final Path ROOT = Path.of("src/main/java/dev/paracite");

    /** What each package may import from the project and from libraries that define a layer. */
    private static final Map<String, Set<String>> ALLOWED = Map.ofEntries(
            Map.entry("corpus", Set.of("text", "formats")),
            // file formats: the only code that sees PDFBox, POI, jsoup (or Tika); it knows nothing of the project
            Map.entry("formats", Set.of("org.apache.pdfbox",
                    "org.apache.poi", "org.openxmlformats", "org.apache.commons.compress", "org.jsoup")),
            Map.entry("text", Set.of()),
            Map.entry("embedding", Set.of("dev.langchain4j")),
            Map.entry("grounding", Set.of("corpus", "text", "embedding", "retrieval")),
            Map.entry("retrieval", Set.of("corpus", "text", "embedding", "org.apache.lucene")),
            // the SolrCloud index behind the retrieval seam: the only code that sees SolrJ
            // (with the embedding model, as retrieval, for hybrid retrieval through Solr)
            Map.entry("retrieval/solr", Set.of("corpus", "text", "embedding", "retrieval", "org.apache.lucene",
                    "org.apache.solr")),
            Map.entry("assistant", Set.of("corpus", "text", "embedding", "retrieval", "grounding")),
            Map.entry("extractive", Set.of("corpus", "text", "embedding", "retrieval", "grounding", "assistant")),
            Map.entry("llm", Set.of("corpus", "retrieval", "assistant", "dev.langchain4j")),
            // the user's documents on disk: the one place, with retrieval, that writes a Lucene index
            Map.entry("library", Set.of("corpus", "text", "embedding", "retrieval", "grounding", "json", "org.apache.lucene")),
            Map.entry("eval", Set.of("corpus", "retrieval", "grounding", "assistant", "json")),
            // the command line is the only code that touches picocli
            Map.entry("cli", Set.of("corpus", "assistant", "eval", "json", "library", "picocli.",
                    // solr init administers the SolrCloud collection; an unreachable index is a failure to report
                    "dev.paracite.retrieval.solr.", "dev.paracite.retrieval.IndexUnavailableException")),
            Map.entry("server", Set.of("corpus", "assistant", "library", "json", "io.javalin",
                    // a search index on other machines that cannot be reached is a 503, mapped in Errors
                    "dev.paracite.retrieval.IndexUnavailableException")),
            // the one configured JSON mapper: the only code that makes an ObjectMapper
            Map.entry("json", Set.of("com.fasterxml.jackson.databind.ObjectMapper")),
            // implements the assistant's and the server's metrics interfaces; the only package that sees Micrometer
            Map.entry("metrics", Set.of("assistant", "server", "io.micrometer")));

    private static final List<String> GUARDED = List.of("dev.paracite.", "org.apache.lucene", "dev.langchain4j",
            "io.javalin", "picocli", "com.fasterxml.jackson.databind.ObjectMapper", "io.micrometer",
            "org.apache.pdfbox", "org.apache.poi", "org.openxmlformats", "org.apache.commons.compress", "org.jsoup",
            "org.apache.tika", "org.apache.solr");

    @Test
    void packages_import_only_the_layers_below_them() throws IOException {
        List<String> violations = new ArrayList<>();
        try (Stream<Path> files = Files.walk(ROOT)) {
            files.filter(f -> f.toString().endsWith(".java")).forEach(f -> check(f, violations));
        }
        assertEquals(List.of(), violations);
    }

    private static void check(Path file, List<String> violations) {
        Path relative = ROOT.relativize(file);
        if (relative.getNameCount() == 1) {
            return; // Main, the composition root, wires everything
        }
        // a sub-package with rules of its own (retrieval/solr) is checked by them, others by their package's
        String pkg = relative.getName(0).toString();
        if (relative.getNameCount() > 2 && ALLOWED.containsKey(pkg + "/" + relative.getName(1))) {
            pkg = pkg + "/" + relative.getName(1);
        }
        Set<String> allowed = ALLOWED.get(pkg);
        if (allowed == null) {
            violations.add(pkg + ": package without rules");
            return;
        }
        for (String line : lines(file)) {
            if (!line.startsWith("import ")) {
                continue;
            }
            String target = line.replaceFirst("import (static )?", "").replace(";", "").strip();
            boolean guarded = GUARDED.stream().anyMatch(target::startsWith);
            boolean ok = !guarded || target.startsWith("dev.paracite." + pkg.replace('/', '.') + ".")
                    || allowed.stream().anyMatch(a -> target.startsWith(a.contains(".") ? a : "dev.paracite." + a + "."));
            if (!ok) {
                violations.add(relative + " imports " + target);
            }
        }
    }

    private static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
