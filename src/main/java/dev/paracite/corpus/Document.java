package dev.paracite.corpus;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A parsed document: paragraphs in document order, its section headings, and what ingestion noted.
 * {@code byLabel} indexes the paragraphs by label; it is always rebuilt from them.
 */
public record Document(String name, List<Paragraph> paragraphs, List<String> sections, List<IngestionNote> notes,
                       Map<String, Paragraph> byLabel) {

    public Document {
        paragraphs = List.copyOf(paragraphs);
        sections = List.copyOf(sections);
        notes = List.copyOf(notes);
        Map<String, Paragraph> index = new LinkedHashMap<>();
        paragraphs.forEach(p -> index.putIfAbsent(p.label(), p));
        byLabel = java.util.Collections.unmodifiableMap(index);
    }

    public Document(String name, List<Paragraph> paragraphs, List<String> sections, List<IngestionNote> notes) {
        this(name, paragraphs, sections, notes, Map.of());
    }

    public Optional<Paragraph> paragraph(String label) {
        return Optional.ofNullable(byLabel.get(label));
    }

    public List<Paragraph> inSection(String section) {
        return paragraphs.stream().filter(p -> p.section().equals(section)).toList();
    }
}
