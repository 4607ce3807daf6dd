package dev.paracite.llm;

import dev.langchain4j.model.anthropic.AnthropicChatModel;
import dev.langchain4j.model.anthropic.AnthropicStreamingChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import dev.paracite.assistant.AnswerMetrics;
import dev.paracite.assistant.AnswerModel;
import dev.paracite.assistant.Condenser;
import java.net.URI;
import java.time.Duration;

/** Builds the configured language model and its follow-up condenser; the only place that names providers. */
public final class Models {

    /** The model that writes answers and the condenser for follow-ups that goes with it. */
    public record Choice(AnswerModel model, Condenser condenser) {}

    public static final String OPENAI_URL = "https://api.openai.com/v1";
    public static final String ANTHROPIC_URL = "https://api.anthropic.com/v1/";
    public static final String OPENAI_MODEL = "gpt-4o-mini";
    public static final String ANTHROPIC_MODEL = "claude-3-5-haiku-latest";

    private Models() {}

    /**
     * The language model {@code settings} name (not {@code extractive}, which the composition root builds),
     * with the deterministic condenser standing in when the model cannot condense and {@code settings}
     * allow a fallback.
     */
    public static Choice create(ModelSettings settings, String document) {
        return create(settings, document, AnswerMetrics.NONE);
    }

    /** The same, reporting each call to the provider to {@code metrics}. */
    public static Choice create(ModelSettings settings, String document, AnswerMetrics metrics) {
        Prompts prompts = Prompts.load(settings.prompts());
        LlmAnswerModel.Connection connection = switch (settings.provider()) {
            case ModelSettings.OPENAI -> openAi(settings, metrics);
            case ModelSettings.ANTHROPIC -> anthropic(settings, metrics);
            default -> throw new ModelConfigException("Unknown model \"" + settings.provider()
                    + "\"; use extractive, openai or anthropic.");
        };
        AnswerModel llm = new LlmAnswerModel(connection, prompts, document);
        Condenser condenser = new LlmCondenser(connection, prompts, document);
        return new Choice(llm, settings.fallback() ? new FallbackCondenser(condenser) : condenser);
    }

    private static LlmAnswerModel.Connection openAi(ModelSettings s, AnswerMetrics metrics) {
        String url = s.baseUrl() == null ? OPENAI_URL : checkedUrl(s.baseUrl());
        if (s.apiKey() == null && url.equals(OPENAI_URL)) {
            throw new ModelConfigException("The openai model at " + OPENAI_URL + " needs an API key: set PARACITE_API_KEY "
                    + "(or point PARACITE_BASE_URL at a local OpenAI-compatible server).");
        }
        String name = s.modelName() == null ? OPENAI_MODEL : s.modelName();
        // local servers take any key; the client library needs one to be set
        String key = s.apiKey() == null ? "none" : s.apiKey();
        OpenAiChatModel chat = OpenAiChatModel.builder().baseUrl(url).apiKey(key).modelName(name)
                .temperature(s.temperature()).maxTokens(s.maxTokens()).timeout(s.timeout()).maxRetries(0)
                .httpClientBuilder(http(s.timeout())).build();
        OpenAiStreamingChatModel streaming = OpenAiStreamingChatModel.builder().baseUrl(url).apiKey(key).modelName(name)
                .temperature(s.temperature()).maxTokens(s.maxTokens()).timeout(s.timeout())
                .httpClientBuilder(http(s.timeout())).build();
        return new LlmAnswerModel.Connection("openai:" + name, "openai", chat, streaming, s.timeout(), s.maxRetries(),
                s.answerTimeout(), metrics);
    }

    private static LlmAnswerModel.Connection anthropic(ModelSettings s, AnswerMetrics metrics) {
        if (s.apiKey() == null) {
            throw new ModelConfigException("The anthropic model needs an API key: set PARACITE_API_KEY.");
        }
        String url = s.baseUrl() == null ? ANTHROPIC_URL : checkedUrl(s.baseUrl());
        String name = s.modelName() == null ? ANTHROPIC_MODEL : s.modelName();
        AnthropicChatModel chat = AnthropicChatModel.builder().baseUrl(url).apiKey(s.apiKey()).modelName(name)
                .temperature(s.temperature()).maxTokens(s.maxTokens()).timeout(s.timeout()).maxRetries(0)
                .httpClientBuilder(http(s.timeout())).build();
        AnthropicStreamingChatModel streaming = AnthropicStreamingChatModel.builder().baseUrl(url).apiKey(s.apiKey())
                .modelName(name).temperature(s.temperature()).maxTokens(s.maxTokens()).timeout(s.timeout())
                .httpClientBuilder(http(s.timeout())).build();
        return new LlmAnswerModel.Connection("anthropic:" + name, "anthropic", chat, streaming, s.timeout(),
                s.maxRetries(), s.answerTimeout(), metrics);
    }

    private static ModelHttp.Builder http(Duration timeout) {
        Duration connect = timeout.compareTo(Duration.ofSeconds(10)) < 0 ? timeout : Duration.ofSeconds(10);
        return new ModelHttp.Builder().connectTimeout(connect).readTimeout(timeout);
    }

    private static String checkedUrl(String url) {
        try {
            URI uri = URI.create(url);
            if (uri.getHost() == null || !(url.startsWith("http://") || url.startsWith("https://"))) {
                throw new IllegalArgumentException();
            }
            return url;
        } catch (IllegalArgumentException e) {
            throw new ModelConfigException("The base URL \"" + url + "\" is not an http:// or https:// address.");
        }
    }
}
