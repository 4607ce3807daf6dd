package dev.paracite.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.http.client.jdk.JdkHttpClient;
import dev.langchain4j.http.client.jdk.JdkHttpClientBuilder;
import dev.langchain4j.http.client.sse.ServerSentEvent;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.openai.OpenAiChatResponseMetadata;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import dev.paracite.Main;
import dev.paracite.corpus.DocumentLoader;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * LangChain4j's own OpenAI clients pointed at a running Paracite (access keys on; the key is the
 * client's API key). The citations are not in LangChain4j's model, so they are read from the raw
 * response it keeps in the response metadata.
 */
class LangChain4jClientTest {

    private static final String KEY = "k-langchain4j";
    private static Server server;

    @BeforeAll
    static void start() {
        server = Server.start(Main.assistant(DocumentLoader.builtIn()), "127.0.0.1", 0,
                new ServerSettings(List.of(KEY), 0, 0, 10, List.of()));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static JdkHttpClientBuilder http() {
        // HTTP/1.1: the JDK client's HTTP/2 upgrade on plain http:// is not wanted here (STACK-NOTES)
        return JdkHttpClient.builder().httpClientBuilder(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1));
    }

    private static OpenAiChatModel model(String key) {
        return OpenAiChatModel.builder().httpClientBuilder(http()).baseUrl("http://127.0.0.1:" + server.port() + "/v1")
                .apiKey(key).modelName("paracite").temperature(0.0).maxRetries(0).timeout(Duration.ofSeconds(30)).build();
    }

    @Test
    void open_ai_chat_model_gets_the_answer_with_its_markers_and_the_raw_response_carries_the_citations() {
        ChatResponse response = model(KEY).chat(SystemMessage.from("You are a helpful assistant."),
                UserMessage.from("What role should the ruble play?"));
        String content = response.aiMessage().text();
        JsonNode raw = Http.json(((OpenAiChatResponseMetadata) response.metadata()).rawHttpResponse().body());
        assertEquals(content, raw.get("choices").get(0).get("message").get("content").asText());
        OpenAiEndpointTest.assertCitesParagraph8(content, raw.get("choices").get(0).get("message").get("citations"));
        assertEquals(raw.get("citations"), raw.get("choices").get(0).get("message").get("citations"));
        assertEquals("paracite", response.modelName());
        assertEquals(dev.langchain4j.model.output.FinishReason.STOP, response.finishReason());
    }

    @Test
    void open_ai_chat_model_carries_the_conversation_as_history() {
        ChatResponse response = model(KEY).chat(UserMessage.from("What is the Collective Security Treaty?"),
                AiMessage.from("A treaty [12]."), UserMessage.from("When was it signed?"));
        assertTrue(response.aiMessage().text().contains("May 15, 1992"), response.aiMessage().text());
    }

    @Test
    void a_wrong_key_is_refused_with_the_server_s_sentence() {
        RuntimeException e = assertThrows(RuntimeException.class, () -> model("k-wrong").chat("What role should the ruble play?"));
        assertTrue(e.getMessage().contains("An access key is needed"), e.getMessage());
    }

    @Test
    void open_ai_streaming_chat_model_gets_the_statements_as_they_come_and_the_citations_in_the_last_chunk()
            throws Exception {
        OpenAiStreamingChatModel model = OpenAiStreamingChatModel.builder().httpClientBuilder(http())
                .baseUrl("http://127.0.0.1:" + server.port() + "/v1").apiKey(KEY).modelName("paracite")
                .timeout(Duration.ofSeconds(30)).build();
        List<String> partials = new ArrayList<>();
        CompletableFuture<ChatResponse> done = new CompletableFuture<>();
        model.chat("What role should the ruble play?", new StreamingChatResponseHandler() {
            @Override
            public void onPartialResponse(String partial) {
                partials.add(partial);
            }

            @Override
            public void onCompleteResponse(ChatResponse response) {
                done.complete(response);
            }

            @Override
            public void onError(Throwable error) {
                done.completeExceptionally(error);
            }
        });
        ChatResponse response = done.get(60, TimeUnit.SECONDS);
        String content = response.aiMessage().text();
        assertEquals(content, String.join("", partials));
        assertTrue(partials.size() >= 1);
        List<ServerSentEvent> events = ((OpenAiChatResponseMetadata) response.metadata()).rawServerSentEvents();
        List<String> data = events.stream().map(ServerSentEvent::data).filter(d -> !d.equals("[DONE]")).toList();
        JsonNode last = Http.json(data.get(data.size() - 1));
        assertEquals("stop", last.get("choices").get(0).get("finish_reason").asText());
        OpenAiEndpointTest.assertCitesParagraph8(content, last.get("citations"));
        assertEquals(last.get("citations"), last.get("choices").get(0).get("delta").get("citations"));
    }
}
