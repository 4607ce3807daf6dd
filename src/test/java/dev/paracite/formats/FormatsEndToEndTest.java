package dev.paracite.formats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.paracite.Main;
import dev.paracite.assistant.Question;
import dev.paracite.assistant.Response;
import dev.paracite.corpus.Document;
import dev.paracite.corpus.DocumentLoader;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The same lending rules in each format: extracted, parsed into the same five paragraphs, and answered. */
class FormatsEndToEndTest {

    private static byte[] file(Format format) {
        Supplier<byte[]> make = switch (format) {
            case TEXT -> Fixtures::text;
            case MARKDOWN -> Fixtures::markdown;
            case HTML -> Fixtures::html;
            case PDF -> Fixtures::pdf;
            case DOCX -> Fixtures::docx;
        };
        return make.get();
    }

    @ParameterizedTest
    @EnumSource(Format.class)
    void each_format_is_detected_and_keeps_its_numbered_paragraphs(Format format) {
        Extracted extracted = Formats.extract(file(format), "Document rules");
        assertEquals(format, extracted.format());
        Document document = DocumentLoader.parse("rules", file(format), "Document rules");
        List<String> labels = document.paragraphs().stream().map(p -> p.label()).filter(l -> !l.equals("preamble")).toList();
        assertEquals(List.of("1", "2", "3", "4", "5"), labels, extracted.text());
        assertTrue(document.paragraph("4").orElseThrow().text().startsWith(
                "Overdue books cost 20 cents per day, up to a maximum of 5 dollars per book."), extracted.text());
        assertTrue(document.paragraph("1").orElseThrow().text().startsWith(
                "Members may borrow up to six books at a time with a valid library card."), extracted.text());
    }

    @ParameterizedTest
    @EnumSource(Format.class)
    void each_format_answers_with_the_paragraph_that_says_so(Format format) {
        Document document = DocumentLoader.parse("rules", file(format), "Document rules");
        Response response = Main.assistant(document).ask(Question.of("How much do overdue books cost per day?"));
        assertEquals(List.of("4"), response.citations().stream().map(Response.Cited::paragraph).toList(),
                response.answer());
        assertTrue(response.answer().contains("20 cents"), response.answer());
    }
}
