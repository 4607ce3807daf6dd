package dev.paracite.assistant;

/** One earlier turn of a chat: who said it ({@code user} or {@code assistant}) and what. */
public record Turn(String role, String content) {

    public static final String USER = "user";
    public static final String ASSISTANT = "assistant";
}
