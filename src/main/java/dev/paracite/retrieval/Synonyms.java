package dev.paracite.retrieval;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/** Groups of near-synonyms from synonyms.txt, analysed with the index's analyzer. */
final class Synonyms {

    /** No groups: every term stands for itself. */
    static final Synonyms NONE = new Synonyms(Map.of());

    private final Map<String, Set<String>> groups;

    private Synonyms(Map<String, Set<String>> groups) {
        this.groups = groups;
    }

    static Synonyms load(Function<String, List<String>> analyze) {
        Map<String, Set<String>> groups = new HashMap<>();
        try (InputStream in = Synonyms.class.getResourceAsStream("/synonyms.txt")) {
            if (in == null) {
                throw new IllegalStateException("synonyms.txt missing from the classpath");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                Set<String> group = new LinkedHashSet<>();
                for (String word : line.split(",")) {
                    group.addAll(analyze.apply(word.strip()));
                }
                group.forEach(t -> groups.computeIfAbsent(t, k -> new LinkedHashSet<>()).addAll(group));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Synonyms(groups);
    }

    /** The other members of every group {@code term} belongs to. */
    Set<String> of(String term) {
        Set<String> out = new LinkedHashSet<>(groups.getOrDefault(term, Set.of()));
        out.remove(term);
        return out;
    }
}
