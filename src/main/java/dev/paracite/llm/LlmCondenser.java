package dev.paracite.llm;

import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.paracite.assistant.Call;
import dev.paracite.assistant.Condenser;
import dev.paracite.assistant.Turn;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Makes a follow-up standalone by asking the language model, through prompts/condense.txt. */
public final class LlmCondenser implements Condenser {

    private final LlmAnswerModel.Connection connection;
    private final Prompts prompts;
    private final String document;

    public LlmCondenser(LlmAnswerModel.Connection connection, Prompts prompts, String document) {
        this.connection = connection;
        this.prompts = prompts;
        this.document = document;
    }

    @Override
    public String standalone(String question, List<Turn> history) {
        return standalone(question, history, Call.start());
    }

    @Override
    public String standalone(String question, List<Turn> history, Call call) {
        String conversation = history.stream()
                .map(t -> (t.role().equals(Turn.USER) ? "User: " : "Assistant: ") + t.content().strip())
                .collect(Collectors.joining("\n"));
        String prompt = prompts.condense(Map.of("document", document, "history", conversation, "question", question));
        ChatRequest request = ChatRequest.builder().messages(UserMessage.from(prompt)).build();
        ChatResponse reply = Retry.call(connection, call, deadline -> connection.chat().chat(request));
        connection.used(reply.tokenUsage());
        String text = reply.aiMessage().text();
        String standalone = text == null ? "" : text.strip().replaceAll("^\"|\"$", "");
        return standalone.isEmpty() ? question : standalone;
    }
}
