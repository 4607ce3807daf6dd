package dev.paracite.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import picocli.CommandLine.Option;

/** Who writes answers and how it is called, for {@code ask}, {@code serve} and {@code eval}. */
public final class ModelOptions {

    @Option(names = "--model", paramLabel = "NAME", defaultValue = "extractive",
            description = "who writes answers: extractive (offline), openai (any OpenAI-compatible server: OpenAI, "
                    + "vLLM, llama.cpp, Ollama, LM Studio) or anthropic")
    @Env("PARACITE_MODEL")
    private String provider;

    @Option(names = "--base-url", paramLabel = "URL",
            description = "the model server's API root, e.g. http://localhost:11434/v1 (default the provider's)")
    @Env("PARACITE_BASE_URL")
    private String baseUrl;

    @Option(names = "--api-key", paramLabel = "KEY",
            description = "prefer the variable, which stays out of shell history (default none)")
    @Env("PARACITE_API_KEY")
    private String apiKey;

    @Option(names = "--model-name", paramLabel = "NAME",
            description = "the provider's model, e.g. gpt-4o-mini (default gpt-4o-mini / claude-3-5-haiku-latest)")
    @Env("PARACITE_MODEL_NAME")
    private String modelName;

    private double temperature;
    private int maxTokens;
    private Duration timeout;
    private Duration answerTimeout;
    private int maxRetries;
    private boolean fallback;

    @Option(names = "--prompts", paramLabel = "DIR",
            description = "prompt templates instead of the built-in prompts/ (default the built-in prompts/)")
    @Env("PARACITE_PROMPTS")
    private Path prompts;

    @Option(names = "--temperature", paramLabel = "T", defaultValue = "0",
            description = "0-2; grounded answers want the likeliest wording")
    @Env("PARACITE_TEMPERATURE")
    void temperature(String value) {
        temperature = Values.decimal("--temperature", value, 0, 2);
    }

    @Option(names = "--max-tokens", paramLabel = "N", defaultValue = "600", description = "longest answer")
    @Env("PARACITE_MAX_TOKENS")
    void maxTokens(String value) {
        maxTokens = Values.whole("--max-tokens", value, 1, 1_000_000);
    }

    @Option(names = "--timeout", paramLabel = "S", defaultValue = "60",
            description = "seconds to connect, to the reply or its first streamed token, and between streamed tokens")
    @Env("PARACITE_TIMEOUT")
    void timeout(String value) {
        timeout = Values.seconds("--timeout", value, 0.1);
    }

    @Option(names = "--answer-timeout", paramLabel = "S", defaultValue = "60",
            description = "seconds one answer may take, every try included")
    @Env("PARACITE_ANSWER_TIMEOUT")
    void answerTimeout(String value) {
        answerTimeout = Values.seconds("--answer-timeout", value, 0.1);
    }

    @Option(names = "--max-retries", paramLabel = "N", defaultValue = "2",
            description = "retries on 429, 5xx and timeouts before the first token")
    @Env("PARACITE_MAX_RETRIES")
    void maxRetries(String value) {
        maxRetries = Values.whole("--max-retries", value, 0, 10);
    }

    @Option(names = "--fallback", paramLabel = "extractive", defaultValue = "none",
            description = "answer with the extractive model when the language model is unavailable")
    @Env("PARACITE_FALLBACK")
    void fallback(String value) {
        fallback = Values.oneOf("--fallback", value, "extractive", "none").equals("extractive");
    }

    /** The provider's name in lower case. */
    public String provider() {
        return provider.strip().toLowerCase(Locale.ROOT);
    }

    public String baseUrl() {
        return baseUrl;
    }

    public String apiKey() {
        return apiKey;
    }

    public String modelName() {
        return modelName;
    }

    public double temperature() {
        return temperature;
    }

    public int maxTokens() {
        return maxTokens;
    }

    public Duration timeout() {
        return timeout;
    }

    public Duration answerTimeout() {
        return answerTimeout;
    }

    public int maxRetries() {
        return maxRetries;
    }

    public boolean fallback() {
        return fallback;
    }

    /** The prompt folder given, or null for the built-in prompts. */
    public Path prompts() {
        return prompts;
    }
}
