package dev.paracite.corpus;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A parsed document: paragraphs in document order, its section headings, and what ingestion noted.
 * {@code byLabel} indexes the paragraphs by label; it is always rebuilt from them. The latest versions of
 * a library read as one document too: its {@code parts} are the library's documents, and with more than
 * one, each paragraph's label names its document ({@code travel §4}).
 */
public record Document(String name, List<Paragraph> paragraphs, List<String> sections, List<IngestionNote> notes,
                       Map<String, Paragraph> byLabel, List<Part> parts) {

    /**
     * A library document within a document read across the library: its id and title. Ids are lower-case
     * letters, digits, '.', '_' and '-' ({@link #ID}), so that a marker can name one: {@code [travel §4]}.
     */
    public record Part(String id, String title) {

        /** The form of a library document's id. */
        public static final String ID = "[a-z0-9][a-z0-9._-]{0,63}";

        /** The label paragraph {@code label} of this document has when answers cite across documents: {@code travel §4}. */
        public String label(String label) {
            return qualified(id, label);
        }

        public static String qualified(String id, String label) {
            return id + " §" + label;
        }
    }

    public Document {
        paragraphs = List.copyOf(paragraphs);
        sections = List.copyOf(sections);
        notes = List.copyOf(notes);
        parts = parts == null ? List.of() : List.copyOf(parts);
        Map<String, Paragraph> index = new LinkedHashMap<>(paragraphs.size() * 4 / 3 + 1);
        paragraphs.forEach(p -> index.putIfAbsent(p.label(), p));
        byLabel = Collections.unmodifiableMap(index);
    }

    public Document(String name, List<Paragraph> paragraphs, List<String> sections, List<IngestionNote> notes) {
        this(name, paragraphs, sections, notes, Map.of(), List.of());
    }

    public Optional<Paragraph> paragraph(String label) {
        return Optional.ofNullable(byLabel.get(label));
    }

    public List<Paragraph> inSection(String section) {
        return paragraphs.stream().filter(p -> p.section().equals(section)).toList();
    }
}
