package dev.paracite.corpus;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A parsed document: paragraphs in document order, its section headings, and what ingestion noted. */
public record Document(String name, List<Paragraph> paragraphs, List<String> sections, List<IngestionNote> notes) {

    public Document {
        paragraphs = List.copyOf(paragraphs);
        sections = List.copyOf(sections);
        notes = List.copyOf(notes);
    }

    public Optional<Paragraph> paragraph(String label) {
        return paragraphs.stream().filter(p -> p.label().equals(label)).findFirst();
    }

    /** Paragraphs by label, in document order. */
    public Map<String, Paragraph> byLabel() {
        Map<String, Paragraph> map = new LinkedHashMap<>();
        paragraphs.forEach(p -> map.put(p.label(), p));
        return map;
    }

    public List<Paragraph> inSection(String section) {
        return paragraphs.stream().filter(p -> p.section().equals(section)).toList();
    }
}
