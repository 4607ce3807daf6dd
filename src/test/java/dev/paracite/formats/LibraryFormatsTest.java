package dev.paracite.formats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.paracite.Shared;
import dev.paracite.assistant.AnswerMetrics;
import dev.paracite.assistant.Assistant;
import dev.paracite.assistant.FollowUp;
import dev.paracite.assistant.Question;
import dev.paracite.assistant.Response;
import dev.paracite.extractive.ExtractiveModel;
import dev.paracite.library.Corpus;
import dev.paracite.library.Library;
import dev.paracite.library.LibrarySettings;
import dev.paracite.library.Progress;
import dev.paracite.library.Upload;
import dev.paracite.retrieval.Retriever;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A text, a Markdown, an HTML, a PDF and a DOCX file in one library: each added, asked on its own, and cited by label. */
class LibraryFormatsTest {

    @TempDir
    Path dir;

    @Test
    void each_format_is_added_asked_and_cited_by_document_and_label() {
        try (Library library = Library.open(dir, LibrarySettings.bm25())) {
            for (Format format : Format.values()) {
                String id = "rules-" + format.name().toLowerCase(Locale.ROOT);
                // the name says nothing of the format: it is told by content
                library.add(new Upload(id + ".bin", bytes(format)), Progress.NONE);
                assertEquals(format.name().toLowerCase(Locale.ROOT), library.document(id).orElseThrow().latest().format());
            }
            Corpus corpus = library.corpus();
            Assistant assistant = new Assistant(new Retriever(corpus.document(), corpus.search()),
                    new ExtractiveModel(corpus.search().terms(), Shared.embedder()), null, FollowUp.INSTANCE,
                    Shared.support(), AnswerMetrics.NONE, corpus.context());
            for (Format format : Format.values()) {
                String id = "rules-" + format.name().toLowerCase(Locale.ROOT);
                Response r = assistant.ask(new Question("How much do overdue books cost per day?", List.of(), 5, List.of(id)));
                assertEquals(List.of(id + " 4"), r.citations().stream().map(c -> c.document() + " " + c.paragraph()).toList(),
                        r.answer());
                assertTrue(r.answer().contains("20 cents") && r.answer().contains("[" + id + " §4]"), r.answer());
            }
        }
    }

    private static byte[] bytes(Format format) {
        return switch (format) {
            case TEXT -> Fixtures.text();
            case MARKDOWN -> Fixtures.markdown();
            case HTML -> Fixtures.html();
            case PDF -> Fixtures.pdf();
            case DOCX -> Fixtures.docx();
        };
    }
}
