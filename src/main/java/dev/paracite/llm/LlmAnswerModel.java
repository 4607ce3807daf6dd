package dev.paracite.llm;

import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.FinishReason;
import dev.langchain4j.model.output.TokenUsage;
import dev.paracite.assistant.AnswerMetrics;
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

    /**
     * The chat models and how patiently to use them: {@code timeout} for a reply, a first token or the
     * next one, {@code answerTimeout} for a whole answer, every try included; {@code metrics} hears of
     * every try and of the tokens the provider reports.
     */
    public record Connection(String name, String provider, ChatModel chat, StreamingChatModel streaming,
                             Duration timeout, int maxRetries, Duration answerTimeout, AnswerMetrics metrics) {

        /** Reporting to no metrics. */
        public Connection(String name, String provider, ChatModel chat, StreamingChatModel streaming,
                          Duration timeout, int maxRetries, Duration answerTimeout) {
            this(name, provider, chat, streaming, timeout, maxRetries, answerTimeout, AnswerMetrics.NONE);
        }

        /** Reports the tokens of one reply, when the provider counted them. */
        void used(TokenUsage usage) {
            if (usage != null && (usage.inputTokenCount() != null || usage.outputTokenCount() != null)) {
                metrics.tokens(provider, count(usage.inputTokenCount()), count(usage.outputTokenCount()));
            }
        }

        private static long count(Integer tokens) {
            return tokens == null ? 0 : tokens;
        }
    }

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
        ChatResponse response = Retry.call(connection, request.call(), deadline -> connection.chat().chat(chat));
        connection.used(response.tokenUsage());
        return draft(response.aiMessage().text(), finished(response.finishReason(), false));
    }

    @Override
    public Draft stream(AnswerRequest request, Consumer<String> onText) {
        if (connection.streaming() == null) {
            return AnswerModel.super.stream(request, onText);
        }
        ChatRequest chat = chatRequest(request);
        StreamCall.Reply reply = Retry.call(connection, request.call(), deadline -> StreamCall.run(connection.streaming(),
                chat, connection.timeout(), deadline, connection.provider(), onText));
        connection.used(reply.usage());
        return draft(reply.text(), reply.complete());
    }

    /**
     * Whether the model finished its answer: not stopped by a length limit or a content filter and, for
     * a stream, not silent about why it stopped (a stream cut before its last chunk reports no reason).
     */
    static boolean finished(FinishReason reason, boolean streamed) {
        if (reason == null) {
            return !streamed;
        }
        return reason != FinishReason.LENGTH && reason != FinishReason.CONTENT_FILTER;
    }

    private ChatRequest chatRequest(AnswerRequest request) {
        String system = prompts.system(Map.of("not_found", Prompts.NOT_FOUND));
        String user = prompts.answer(Map.of(
                "document", document,
                "paragraphs", context(request),
                "question", request.standalone()));
        return ChatRequest.builder().messages(SystemMessage.from(system), UserMessage.from(user)).build();
    }

    private static Draft draft(String text, boolean complete) {
        String answer = text == null ? "" : text.strip();
        if (isNotFound(answer)) {
            return Draft.decline(Prompts.NOT_FOUND);
        }
        return complete ? Draft.answer(answer) : Draft.unfinished(answer);
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
