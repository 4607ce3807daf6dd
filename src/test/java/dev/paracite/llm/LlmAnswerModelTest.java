package dev.paracite.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.paracite.Shared;
import dev.paracite.assistant.Assistant;
import dev.paracite.assistant.Outcome;
import dev.paracite.assistant.Question;
import dev.paracite.assistant.Response;
import dev.paracite.corpus.Document;
import dev.paracite.corpus.DocumentLoader;
import dev.paracite.retrieval.LuceneParagraphSearch;
import dev.paracite.retrieval.RetrievalSettings;
import dev.paracite.retrieval.Retriever;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** The LangChain4j seam with a one-method fake ChatModel: the prompt it gets and what becomes of its reply. */
class LlmAnswerModelTest {

    private static final Document DOCUMENT = DocumentLoader.builtIn();
    private static final LuceneParagraphSearch SEARCH = LuceneParagraphSearch.build(DOCUMENT, RetrievalSettings.DEFAULT, Shared.embedder());

    private final AtomicReference<ChatRequest> request = new AtomicReference<>();

    @AfterAll
    static void close() {
        SEARCH.close();
    }

    private Response ask(String reply, String question) {
        ChatModel fake = new ChatModel() {
            @Override
            public ChatResponse doChat(ChatRequest chatRequest) {
                request.set(chatRequest);
                return ChatResponse.builder().aiMessage(AiMessage.from(reply)).build();
            }
        };
        LlmAnswerModel model = new LlmAnswerModel(new LlmAnswerModel.Connection("fake:test", "fake", fake, null,
                java.time.Duration.ofSeconds(5), 0, java.time.Duration.ofSeconds(60)), Prompts.load(null), DOCUMENT.name());
        return new Assistant(new Retriever(DOCUMENT, SEARCH), model, Shared.support()).ask(Question.of(question));
    }

    @Test
    void the_prompt_holds_the_rules_each_retrieved_paragraph_with_its_label_and_the_question() {
        ask("Reserve currency [8].", "What role should the ruble play?");
        List<dev.langchain4j.data.message.ChatMessage> messages = request.get().messages();
        String system = ((SystemMessage) messages.get(0)).text();
        String user = ((UserMessage) messages.get(1)).singleText();
        assertTrue(system.contains(Prompts.NOT_FOUND));
        assertTrue(user.contains("[8] (II. Economic cooperation)\nTo consider the normalization of payment"));
        assertTrue(user.endsWith("Question: What role should the ruble play?\n"));
        assertTrue(user.contains("\"strategic-course-cis\""));
    }

    @Test
    void the_models_citation_flows_through_to_the_response() {
        Response r = ask("The ruble should become a reserve currency [8].", "What role should the ruble play?");
        assertEquals(Outcome.ANSWERED, r.outcome());
        assertEquals("8", r.citations().get(0).paragraph());
        assertEquals("fake:test", r.model());
    }

    @Test
    void statements_citing_invented_or_unretrieved_paragraphs_are_dropped_and_reported() {
        Response r = ask("Reserve currency [8]. Invented [42]. Borders [13].", "What role should the ruble play?");
        assertEquals("Reserve currency [8].", r.answer());
        assertEquals(List.of("42", "13"), r.droppedCitations().stream().map(Response.DroppedCitation::paragraph).toList());
        assertEquals(List.of(new Response.DroppedStatement("Invented.", "cites_unprovided"),
                new Response.DroppedStatement("Borders.", "cites_unprovided")), r.droppedStatements());
    }

    @Test
    void the_fixed_not_found_reply_maps_to_not_in_document() {
        Response r = ask(" \"" + Prompts.NOT_FOUND + "\" ", "What is the capital of France?");
        assertEquals(Outcome.NOT_IN_DOCUMENT, r.outcome());
        assertEquals(Prompts.NOT_FOUND, r.answer());
    }
}
