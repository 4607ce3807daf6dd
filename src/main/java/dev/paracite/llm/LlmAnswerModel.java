package dev.paracite.llm;

import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.paracite.assistant.AnswerModel;
import dev.paracite.assistant.AnswerRequest;
import dev.paracite.assistant.Draft;
import dev.paracite.retrieval.Hit;
import java.time.Duration;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * An {@link AnswerModel} backed by LangChain4j chat models: fills the prompts with the retrieved
 * paragraphs and the question, retries failures that happen before any token, watches streams for
 * stalls, and maps the prompt's fixed "not found" reply to a decline.
 */
public final class LlmAnswerModel implements AnswerModel {

    /** The chat models and how patiently to use them. */
    public record Connection(String name, String provider, ChatModel chat, StreamingChatModel streaming,
                             Duration timeout, int maxRetries) {}

    private final Connection connection;
    private final Prompts prompts;
    private final String document;

    public LlmAnswerModel(Connection connection, Prompts prompts, String document) {
        this.connection = connection;
        this.prompts = prompts;
        this.document = document;
    }

    @Override
    public String name() {
        return connection.name();
    }

    @Override
    public Draft answer(AnswerRequest request) {
        ChatRequest chat = chatRequest(request);
        String text = Retry.call(connection.provider(), connection.maxRetries(),
                () -> connection.chat().chat(chat).aiMessage().text());
        return draft(text);
    }

    @Override
    public Draft stream(AnswerRequest request, Consumer<String> onText) {
        if (connection.streaming() == null) {
            return AnswerModel.super.stream(request, onText);
        }
        ChatRequest chat = chatRequest(request);
        String text = Retry.call(connection.provider(), connection.maxRetries(),
                () -> StreamCall.run(connection.streaming(), chat, connection.timeout(), connection.provider(), onText));
        return draft(text);
    }

    private ChatRequest chatRequest(AnswerRequest request) {
        String system = prompts.system(Map.of("not_found", Prompts.NOT_FOUND));
        String user = prompts.answer(Map.of(
                "document", document,
                "paragraphs", context(request),
                "question", request.standalone()));
        return ChatRequest.builder().messages(SystemMessage.from(system), UserMessage.from(user)).build();
    }

    private static Draft draft(String text) {
        String answer = text == null ? "" : text.strip();
        return isNotFound(answer) ? Draft.decline(Prompts.NOT_FOUND) : Draft.answer(answer);
    }

    /** Each paragraph as "[label] (section)" and its text, in retrieval order. */
    static String context(AnswerRequest request) {
        return request.retrieval().hits().stream().map(Hit::paragraph)
                .map(p -> "[" + p.label() + "]" + (p.section().isEmpty() ? "" : " (" + p.section() + ")") + "\n" + p.text())
                .collect(Collectors.joining("\n\n"));
    }

    static boolean isNotFound(String text) {
        String normalized = text.replaceAll("[\\s\"“”.]+", " ").strip();
        return normalized.equalsIgnoreCase(Prompts.NOT_FOUND.replaceAll("[\\s.]+", " ").strip());
    }
}
