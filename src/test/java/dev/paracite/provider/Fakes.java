package dev.paracite.provider;

import java.util.ArrayList;
import java.util.List;

/** Bodies an OpenAI-compatible or Anthropic server would send, for WireMock stubs. */
public final class Fakes {

    private Fakes() {}

    public static String openAiReply(String text) {
        return "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion\",\"created\":1,\"model\":\"gpt-test\","
                + "\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":" + quote(text)
                + "},\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":10,\"completion_tokens\":5,\"total_tokens\":15}}";
    }

    /** One SSE chunk per piece, then [DONE]. */
    public static String openAiStream(String... pieces) {
        StringBuilder body = new StringBuilder();
        for (String chunk : openAiChunks(pieces)) {
            body.append(chunk);
        }
        return body.append("data: [DONE]\n\n").toString();
    }

    public static List<String> openAiChunks(String... pieces) {
        return openAiChunksEnding("stop", pieces);
    }

    /** Chunks whose last one gives {@code finish} as its finish_reason (null: no chunk gives one). */
    public static List<String> openAiChunksEnding(String finish, String... pieces) {
        List<String> chunks = new ArrayList<>();
        for (int i = 0; i < pieces.length; i++) {
            String delta = (i == 0 ? "{\"role\":\"assistant\",\"content\":" : "{\"content\":") + quote(pieces[i]) + "}";
            chunks.add("data: {\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"gpt-test\","
                    + "\"choices\":[{\"index\":0,\"delta\":" + delta + ",\"finish_reason\":"
                    + (i == pieces.length - 1 && finish != null ? "\"" + finish + "\"" : "null") + "}]}\n\n");
        }
        return chunks;
    }

    static String anthropicReply(String text) {
        return "{\"id\":\"msg_1\",\"type\":\"message\",\"role\":\"assistant\",\"model\":\"claude-test\",\"content\":"
                + "[{\"type\":\"text\",\"text\":" + quote(text) + "}],\"stop_reason\":\"end_turn\",\"stop_sequence\":null,"
                + "\"usage\":{\"input_tokens\":10,\"output_tokens\":5}}";
    }

    static String anthropicStream(String... pieces) {
        StringBuilder body = new StringBuilder();
        body.append(event("message_start", "{\"type\":\"message_start\",\"message\":{\"id\":\"msg_1\",\"type\":\"message\","
                + "\"role\":\"assistant\",\"model\":\"claude-test\",\"content\":[],\"stop_reason\":null,\"stop_sequence\":null,"
                + "\"usage\":{\"input_tokens\":10,\"output_tokens\":1}}}"));
        body.append(event("content_block_start", "{\"type\":\"content_block_start\",\"index\":0,\"content_block\":"
                + "{\"type\":\"text\",\"text\":\"\"}}"));
        for (String piece : pieces) {
            body.append(event("content_block_delta", "{\"type\":\"content_block_delta\",\"index\":0,\"delta\":"
                    + "{\"type\":\"text_delta\",\"text\":" + quote(piece) + "}}"));
        }
        body.append(event("content_block_stop", "{\"type\":\"content_block_stop\",\"index\":0}"));
        body.append(event("message_delta", "{\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"end_turn\","
                + "\"stop_sequence\":null},\"usage\":{\"output_tokens\":5}}"));
        body.append(event("message_stop", "{\"type\":\"message_stop\"}"));
        return body.toString();
    }

    private static String event(String name, String data) {
        return "event: " + name + "\ndata: " + data + "\n\n";
    }

    static String quote(String s) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                default -> out.append(c);
            }
        }
        return out.append('"').toString();
    }
}
