package dev.paracite.model;

import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.paracite.assistant.AnswerModel;
import dev.paracite.assistant.AnswerRequest;
import dev.paracite.assistant.Draft;
import dev.paracite.retrieval.Hit;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * An {@link AnswerModel} backed by any LangChain4j {@link ChatModel}: fills the prompts with the
 * retrieved paragraphs and the question, and maps the prompt's fixed "not found" reply to a decline.
 */
public final class ChatAnswerModel implements AnswerModel {

    private final ChatModel chat;
    private final Prompts prompts;
    private final String name;
    private final String document;

    public ChatAnswerModel(ChatModel chat, Prompts prompts, String name, String document) {
        this.chat = chat;
        this.prompts = prompts;
        this.name = name;
        this.document = document;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Draft answer(AnswerRequest request) {
        String system = prompts.system(Map.of("not_found", Prompts.NOT_FOUND));
        String user = prompts.answer(Map.of(
                "document", document,
                "paragraphs", context(request),
                "question", request.question()));
        ChatResponse response = chat.chat(SystemMessage.from(system), UserMessage.from(user));
        String text = response.aiMessage().text() == null ? "" : response.aiMessage().text().strip();
        return isNotFound(text) ? Draft.decline(Prompts.NOT_FOUND) : Draft.answer(text);
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
