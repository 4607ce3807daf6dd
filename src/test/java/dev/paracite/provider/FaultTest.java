package dev.paracite.provider;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.paracite.Main;
import dev.paracite.assistant.AnswerListener;
import dev.paracite.assistant.Assistant;
import dev.paracite.assistant.ModelUnavailableException;
import dev.paracite.assistant.Outcome;
import dev.paracite.assistant.Question;
import dev.paracite.assistant.Response;
import dev.paracite.corpus.DocumentLoader;
import dev.paracite.llm.ModelSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every provider fault gives the documented error or fallback, quickly. */
class FaultTest {

    /** A fake model server per test, started before it and stopped after it. */
    @RegisterExtension
    final WireMockExtension wire = WireMockExtension.newInstance()
            .options(WireMockConfiguration.options().dynamicPort()).build();

    private static Assistant assistant(String baseUrl, int retries, boolean fallback) {
        return Main.assistant(DocumentLoader.builtIn(), new ModelSettings("openai", baseUrl, "sk-secret-key", "gpt-test",
                0.0, 300, Duration.ofSeconds(1), retries, fallback, null));
    }

    private Assistant assistant(int retries) {
        return assistant(wire.baseUrl() + "/v1", retries, false);
    }

    private void reply(int status, String body) {
        wire.stubFor(post(urlEqualTo("/v1/chat/completions")).willReturn(aResponse().withStatus(status)
                .withHeader("Content-Type", "application/json").withBody(body)));
    }

    private ModelUnavailableException fails(Assistant assistant) {
        return assertThrows(ModelUnavailableException.class, () -> assistant.ask(Question.of(ProviderTest.RUBLE)));
    }

    private int requests() {
        return wire.findAll(postRequestedFor(urlEqualTo("/v1/chat/completions"))).size();
    }

    @Test
    void http_401_is_not_retried_and_names_the_variable_to_fix_never_the_key() {
        reply(401, "{\"error\": {\"message\": \"Incorrect API key provided: sk-secret-key\"}}");
        ModelUnavailableException e = fails(assistant(2));
        assertEquals(401, e.status());
        assertFalse(e.busy());
        assertEquals("The openai model server refused the API key (HTTP 401); check PARACITE_API_KEY.", e.getMessage());
        assertEquals(1, requests());
    }

    @Test
    void http_429_then_200_is_retried_and_answers() {
        wire.stubFor(post(urlEqualTo("/v1/chat/completions")).inScenario("busy").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withBody("{\"error\": {\"message\": \"slow down\"}}"))
                .willSetStateTo("calm"));
        wire.stubFor(post(urlEqualTo("/v1/chat/completions")).inScenario("busy").whenScenarioStateIs("calm")
                .willReturn(aResponse().withHeader("Content-Type", "application/json")
                        .withBody(Fakes.openAiReply("A reserve currency [8]."))));
        Response r = assistant(2).ask(Question.of(ProviderTest.RUBLE));
        assertEquals("A reserve currency [8].", r.answer());
        assertEquals(2, requests());
    }

    @Test
    void http_500_is_retried_then_reported_with_its_status() {
        reply(500, "{\"error\": {\"message\": \"boom\"}}");
        long start = System.nanoTime();
        ModelUnavailableException e = fails(assistant(2));
        assertEquals(500, e.status());
        assertFalse(e.busy(), "a provider failure: 502, not 503");
        assertEquals("The openai model server answered HTTP 500.", e.getMessage());
        assertEquals(3, requests(), "the first try and two retries");
        assertTrue((System.nanoTime() - start) / 1e9 < 5, "backoff 250 + 500 ms");
    }

    @Test
    void a_reply_slower_than_the_timeout_fails_as_unavailable_within_the_timeout() {
        wire.stubFor(post(urlEqualTo("/v1/chat/completions")).willReturn(aResponse().withFixedDelay(4_000)
                .withHeader("Content-Type", "application/json").withBody(Fakes.openAiReply("late [8]."))));
        long start = System.nanoTime();
        ModelUnavailableException e = fails(assistant(0));
        double seconds = (System.nanoTime() - start) / 1e9;
        assertTrue(e.busy());
        assertEquals("The openai model server did not answer in time.", e.getMessage());
        assertTrue(seconds < 3, "took " + seconds + " s with a 1 s timeout");
    }

    @Test
    void malformed_json_is_reported_as_unreadable() {
        reply(200, "{\"choices\": [ not json");
        ModelUnavailableException e = fails(assistant(0));
        assertEquals("The openai model server sent a reply that could not be read.", e.getMessage());
    }

    @Test
    void with_fallback_the_extractive_model_answers_and_the_response_says_why() {
        reply(500, "{}");
        Response r = assistant(wire.baseUrl() + "/v1", 0, true).ask(Question.of(ProviderTest.RUBLE));
        assertEquals(Outcome.ANSWERED, r.outcome());
        assertEquals("extractive", r.model());
        assertEquals("8", r.citations().get(0).paragraph());
        assertEquals("The openai:gpt-test model was unavailable (The openai model server answered HTTP 500.); "
                + "the built-in extractive model answered instead.", r.notice());
    }

    @Test
    void a_stream_cut_before_any_statement_was_complete_ends_with_an_error_and_shows_nothing() throws Exception {
        try (ScriptedServer server = new ScriptedServer(Fakes.openAiChunks("The ruble ", "should be", " more"), 100,
                ScriptedServer.Ending.CUT)) {
            List<String> deltas = new ArrayList<>();
            long start = System.nanoTime();
            ModelUnavailableException e = assertThrows(ModelUnavailableException.class, () ->
                    assistant(server.baseUrl(), 2, false).ask(Question.of(ProviderTest.RUBLE), ProviderTest.listener(deltas)));
            assertEquals("The openai model's answer was cut off in the middle.", e.getMessage());
            assertEquals(List.of(), deltas, "an unfinished statement is never shown");
            assertTrue((System.nanoTime() - start) / 1e9 < 3);
        }
    }

    @Test
    void a_stream_that_stalls_is_stopped_by_the_watchdog() throws Exception {
        try (ScriptedServer server = new ScriptedServer(Fakes.openAiChunks("The ruble ", "should"), 50,
                ScriptedServer.Ending.STALL)) {
            List<String> deltas = new ArrayList<>();
            long start = System.nanoTime();
            ModelUnavailableException e = assertThrows(ModelUnavailableException.class, () ->
                    assistant(server.baseUrl(), 2, false).ask(Question.of(ProviderTest.RUBLE), ProviderTest.listener(deltas)));
            double seconds = (System.nanoTime() - start) / 1e9;
            assertEquals("The openai model stopped sending in the middle of its answer (nothing for 1 s).", e.getMessage());
            assertTrue(seconds < 3, "took " + seconds + " s");
            assertTrue(server.clientHungUp(5_000), "the provider call was cancelled");
        }
    }

    @Test
    void when_the_listener_goes_away_the_provider_call_is_cancelled() throws Exception {
        try (ScriptedServer server = new ScriptedServer(Fakes.openAiChunks("one ", "two ", "three ", "four"), 300,
                ScriptedServer.Ending.COMPLETE)) {
            AnswerListener leaving = new AnswerListener() {
                @Override
                public void retrieved(List<Response.Retrieved> retrieved) {
                }

                @Override
                public void progress() {
                    throw new IllegalStateException("client went away");
                }

                @Override
                public void delta(String text, Response.Statement statement) {
                }
            };
            assertThrows(IllegalStateException.class,
                    () -> assistant(server.baseUrl(), 0, false).ask(Question.of(ProviderTest.RUBLE), leaving));
            assertTrue(server.clientHungUp(2_000), "the connection to the provider was closed before the stream ended");
        }
    }
}
