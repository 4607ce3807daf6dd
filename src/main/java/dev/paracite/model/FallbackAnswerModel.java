package dev.paracite.model;

import dev.paracite.assistant.AnswerModel;
import dev.paracite.assistant.AnswerRequest;
import dev.paracite.assistant.Draft;
import dev.paracite.assistant.ModelUnavailableException;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * With {@code --fallback extractive}: when the language model is unavailable, the extractive model
 * answers instead, and the response says so in its model name and notice.
 */
public final class FallbackAnswerModel implements AnswerModel {

    private static final Logger LOG = LoggerFactory.getLogger(FallbackAnswerModel.class);

    private final AnswerModel primary;
    private final AnswerModel fallback;

    public FallbackAnswerModel(AnswerModel primary, AnswerModel fallback) {
        this.primary = primary;
        this.fallback = fallback;
    }

    @Override
    public String name() {
        return primary.name();
    }

    @Override
    public Draft answer(AnswerRequest request) {
        try {
            return primary.answer(request);
        } catch (ModelUnavailableException e) {
            return fallBack(e, () -> fallback.answer(request));
        }
    }

    @Override
    public Draft stream(AnswerRequest request, Consumer<String> onText) {
        try {
            return primary.stream(request, onText);
        } catch (ModelUnavailableException e) {
            return fallBack(e, () -> fallback.stream(request, onText));
        }
    }

    private Draft fallBack(ModelUnavailableException e, java.util.function.Supplier<Draft> answer) {
        LOG.warn("{} unavailable, answering with {}: {}", primary.name(), fallback.name(), e.getMessage());
        return answer.get().by(fallback.name(), "The " + primary.name() + " model was unavailable ("
                + e.getMessage() + "); the built-in " + fallback.name() + " model answered instead.");
    }
}
