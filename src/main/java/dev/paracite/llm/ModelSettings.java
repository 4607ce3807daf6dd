package dev.paracite.llm;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Which model writes answers and how to reach it, read once from flags and environment.
 *
 * @param provider    extractive, openai (any OpenAI-compatible server) or anthropic
 * @param baseUrl     the server's API root; null for the provider's own
 * @param apiKey      null when none was given (fine for local OpenAI-compatible servers)
 * @param modelName   null for the provider's default
 * @param temperature sampling temperature
 * @param maxTokens   longest answer in tokens
 * @param timeout     connect timeout, the longest wait for a reply or the first streamed token, and the
 *                    longest gap allowed between streamed tokens
 * @param maxRetries  retries on 429, 5xx and timeouts before the first token
 * @param answerTimeout the longest one answer may take, every try and the follow-up's rewrite included
 * @param fallback    answer with the extractive model when the language model is unavailable
 * @param prompts     prompt folder, null for the copy inside the jar
 */
public record ModelSettings(String provider, String baseUrl, String apiKey, String modelName, double temperature,
                            int maxTokens, Duration timeout, int maxRetries, boolean fallback, Path prompts,
                            Duration answerTimeout) {

    public static final String EXTRACTIVE = "extractive";
    public static final String OPENAI = "openai";
    public static final String ANTHROPIC = "anthropic";

    /** Grounded answers want the most likely wording, not variety. */
    public static final double DEFAULT_TEMPERATURE = 0.0;
    /** A few cited sentences fit comfortably. */
    public static final int DEFAULT_MAX_TOKENS = 600;
    /** Long enough for a local model's first token on modest hardware; the watchdog uses the same bound. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);
    public static final int DEFAULT_MAX_RETRIES = 2;
    /** What a person waits for an answer at most; a silent model then fails within it, retries included. */
    public static final Duration DEFAULT_ANSWER_TIMEOUT = Duration.ofSeconds(60);

    /** With the default answer timeout, or {@code timeout} when that is longer. */
    public ModelSettings(String provider, String baseUrl, String apiKey, String modelName, double temperature,
                         int maxTokens, Duration timeout, int maxRetries, boolean fallback, Path prompts) {
        this(provider, baseUrl, apiKey, modelName, temperature, maxTokens, timeout, maxRetries, fallback, prompts,
                timeout.compareTo(DEFAULT_ANSWER_TIMEOUT) > 0 ? timeout : DEFAULT_ANSWER_TIMEOUT);
    }

    public static ModelSettings extractive() {
        return new ModelSettings(EXTRACTIVE, null, null, null, DEFAULT_TEMPERATURE, DEFAULT_MAX_TOKENS,
                DEFAULT_TIMEOUT, DEFAULT_MAX_RETRIES, false, null);
    }

    @Override
    public String toString() {
        // never print the key
        return "ModelSettings[" + provider + ":" + modelName + " at " + baseUrl + (apiKey == null ? "" : ", key set") + "]";
    }
}
