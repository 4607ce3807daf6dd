package dev.paracite.provider;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.paracite.Main;
import dev.paracite.assistant.AnswerListener;
import dev.paracite.assistant.Assistant;
import dev.paracite.assistant.Outcome;
import dev.paracite.assistant.Question;
import dev.paracite.assistant.Response;
import dev.paracite.assistant.Turn;
import dev.paracite.corpus.DocumentLoader;
import dev.paracite.llm.ModelSettings;
import dev.paracite.llm.Prompts;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** OpenAI-compatible and Anthropic models faked at the HTTP boundary: what they are sent and what comes back. */
class ProviderTest {

    static final String RUBLE = "What role should the ruble play?";
    /** The request asks for a stream (the client pretty-prints its JSON). */
    static final String STREAMING = "(?s).*\"stream\"\\s*:\\s*true.*";

    /** A fake model server per test, started before it and stopped after it. */
    @RegisterExtension
    final WireMockExtension wire = WireMockExtension.newInstance()
            .options(WireMockConfiguration.options().dynamicPort()).build();

    static ModelSettings settings(String provider, String baseUrl, String key) {
        return new ModelSettings(provider, baseUrl, key, provider.equals("openai") ? "gpt-test" : "claude-test", 0.0,
                300, Duration.ofSeconds(5), 1, false, null);
    }

    private Assistant openAi() {
        return Main.assistant(DocumentLoader.builtIn(), settings("openai", wire.baseUrl() + "/v1", "sk-test-secret"));
    }

    private Assistant anthropic() {
        return Main.assistant(DocumentLoader.builtIn(), settings("anthropic", wire.baseUrl() + "/v1/", "ak-test-secret"));
    }

    private void openAiSays(String text) {
        wire.stubFor(post(urlEqualTo("/v1/chat/completions")).atPriority(5)
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(Fakes.openAiReply(text))));
    }

    private void openAiStreams(String... pieces) {
        wire.stubFor(post(urlEqualTo("/v1/chat/completions")).withRequestBody(matching(STREAMING)).atPriority(2)
                .willReturn(aResponse().withHeader("Content-Type", "text/event-stream").withBody(Fakes.openAiStream(pieces))));
    }

    @Test
    void openai_request_carries_the_model_the_rules_each_paragraph_with_its_label_and_the_question() {
        openAiSays("The ruble should become a reserve currency [8].");
        Response r = openAi().ask(Question.of(RUBLE));
        assertEquals(Outcome.ANSWERED, r.outcome());
        assertEquals("The ruble should become a reserve currency [8].", r.answer());
        assertEquals("8", r.citations().get(0).paragraph());
        assertEquals("openai:gpt-test", r.model());
        LoggedRequest sent = wire.findAll(postRequestedFor(urlEqualTo("/v1/chat/completions"))).get(0);
        JsonNode body = json(sent);
        assertEquals("gpt-test", body.get("model").asText());
        assertEquals("system", body.get("messages").get(0).get("role").asText());
        assertTrue(body.get("messages").get(0).get("content").asText().contains(Prompts.NOT_FOUND));
        String user = body.get("messages").get(1).get("content").asText();
        assertTrue(user.contains("[8] (II. Economic cooperation)\nTo consider the normalization"), user);
        assertTrue(user.endsWith("Question: " + RUBLE + "\n"), user);
        assertEquals("Bearer sk-test-secret", sent.getHeader("Authorization"));
    }

    @Test
    void openai_streaming_passes_tokens_on_and_never_shows_a_half_made_marker() {
        openAiStreams("The ruble should become ", "a reserve currency [", "8", "].");
        List<String> deltas = new ArrayList<>();
        Response r = openAi().ask(Question.of(RUBLE), listener(deltas));
        assertEquals("The ruble should become a reserve currency [8].", r.answer());
        assertEquals(List.of("The ruble should become a reserve currency [8]."), deltas, "one delta per checked statement");
        assertEquals(String.join("", deltas), r.answer());
    }

    @Test
    void anthropic_messages_plain_and_streamed() {
        wire.stubFor(post(urlEqualTo("/v1/messages")).atPriority(5)
                .willReturn(aResponse().withHeader("Content-Type", "application/json")
                        .withBody(Fakes.anthropicReply("Use the ruble as a reserve currency [8]."))));
        wire.stubFor(post(urlEqualTo("/v1/messages")).withRequestBody(matching(STREAMING)).atPriority(2)
                .willReturn(aResponse().withHeader("Content-Type", "text/event-stream")
                        .withBody(Fakes.anthropicStream("Use the ruble ", "as a reserve currency [8]."))));
        Response plain = anthropic().ask(Question.of(RUBLE));
        assertEquals("Use the ruble as a reserve currency [8].", plain.answer());
        assertEquals("anthropic:claude-test", plain.model());
        List<String> deltas = new ArrayList<>();
        Response streamed = anthropic().ask(Question.of(RUBLE), listener(deltas));
        assertEquals("Use the ruble as a reserve currency [8].", streamed.answer());
        assertEquals(List.of("Use the ruble as a reserve currency [8]."), deltas);
        LoggedRequest sent = wire.findAll(postRequestedFor(urlEqualTo("/v1/messages"))).get(0);
        assertEquals("ak-test-secret", sent.getHeader("x-api-key"));
        JsonNode body = json(sent);
        assertEquals("claude-test", body.get("model").asText());
        assertTrue(body.get("system").toString().contains(Prompts.NOT_FOUND), body.toString());
        String user = body.get("messages").get(0).toString();
        assertTrue(user.contains("[8] (II. Economic cooperation)") && user.contains("Question: " + RUBLE), user);
    }

    @Test
    void statements_citing_invented_or_unretrieved_paragraphs_are_removed_and_reported() {
        openAiSays("The ruble is a reserve currency [8]. Paragraph 42 says more [42]. Borders too [13].");
        Response r = openAi().ask(Question.of(RUBLE));
        assertEquals("The ruble is a reserve currency [8].", r.answer());
        assertEquals(List.of(new Response.DroppedStatement("Paragraph 42 says more.", "cites_unprovided"),
                new Response.DroppedStatement("Borders too.", "cites_unprovided")), r.droppedStatements());
        assertEquals(List.of("8"), r.citations().stream().map(Response.Cited::paragraph).toList());
        assertEquals(List.of("42", "13"), r.droppedCitations().stream().map(Response.DroppedCitation::paragraph).toList());
    }

    @Test
    void an_answer_left_without_valid_citations_becomes_not_in_document() {
        openAiSays("Everything is in paragraph 99 [99], see (8) and 【8】.");
        Response r = openAi().ask(Question.of(RUBLE));
        assertEquals(Outcome.NOT_IN_DOCUMENT, r.outcome());
        assertTrue(r.answer().startsWith("The answer could not be grounded in the document"), r.answer());
        assertEquals(List.of(), r.citations());
    }

    @Test
    void the_fixed_not_found_reply_maps_to_the_outcome() {
        openAiSays(Prompts.NOT_FOUND);
        Response r = openAi().ask(Question.of("What is the capital of France?"));
        assertEquals(Outcome.NOT_IN_DOCUMENT, r.outcome());
        assertEquals(Prompts.NOT_FOUND, r.answer());
    }

    @Test
    void a_follow_up_is_condensed_by_the_model_before_retrieval() {
        wire.stubFor(post(urlEqualTo("/v1/chat/completions")).withRequestBody(containing("Follow-up question: When was it signed?"))
                .atPriority(1).willReturn(aResponse().withHeader("Content-Type", "application/json")
                        .withBody(Fakes.openAiReply("When was the Collective Security Treaty signed?"))));
        openAiSays("The Collective Security Treaty was signed on May 15, 1992 [12].");
        Response r = openAi().ask(new Question("When was it signed?", List.of(
                new Turn("user", "What is the Collective Security Treaty?"), new Turn("assistant", "A treaty [12].")), 5));
        assertEquals("The Collective Security Treaty was signed on May 15, 1992 [12].", r.answer());
        List<LoggedRequest> sent = wire.findAll(postRequestedFor(urlEqualTo("/v1/chat/completions")));
        assertEquals(2, sent.size());
        assertTrue(json(sent.get(0)).toString().contains("User: What is the Collective Security Treaty?"));
        assertTrue(json(sent.get(1)).toString().contains("Question: When was the Collective Security Treaty signed?"));
        assertEquals("12", r.retrieved().get(0).paragraph());
    }

    static JsonNode json(LoggedRequest request) {
        try {
            return new ObjectMapper().readTree(request.getBodyAsString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static AnswerListener listener(List<String> deltas) {
        return new AnswerListener() {
            @Override
            public void retrieved(List<Response.Retrieved> retrieved) {
            }

            @Override
            public void delta(String text, Response.Statement statement) {
                deltas.add(text);
            }
        };
    }
}
