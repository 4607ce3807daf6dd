package dev.paracite.assistant;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A one-method fake model for tests: answers (or fails) however the test says; streamed, it sends the
 * script's pieces one by one and then fails with {@code failure} when there is one.
 */
public record ScriptedModel(String name, Function<AnswerRequest, Draft> script, List<String> pieces,
                            RuntimeException failure) implements AnswerModel {

    public static ScriptedModel answering(Function<AnswerRequest, Draft> script) {
        return new ScriptedModel("scripted", script, null, null);
    }

    /** A model that always throws {@code failure}. */
    public static ScriptedModel failing(RuntimeException failure) {
        return new ScriptedModel("broken", request -> {
            throw failure;
        }, null, null);
    }

    /** A model that streams {@code pieces} and then, if {@code failure} is not null, fails with it. */
    public static ScriptedModel streaming(List<String> pieces, RuntimeException failure) {
        return new ScriptedModel("streaming", request -> Draft.answer(String.join("", pieces)), pieces, failure);
    }

    @Override
    public Draft answer(AnswerRequest request) {
        if (failure != null) {
            throw failure;
        }
        return script.apply(request);
    }

    @Override
    public Draft stream(AnswerRequest request, Consumer<String> onText) {
        if (pieces == null) {
            return AnswerModel.super.stream(request, onText);
        }
        pieces.forEach(onText);
        if (failure != null) {
            throw failure;
        }
        return Draft.answer(String.join("", pieces));
    }
}
