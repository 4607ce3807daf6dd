package dev.paracite.assistant;

import java.util.function.Function;

/** A one-method fake model for tests: answers (or fails) however the test says. */
public record ScriptedModel(String name, Function<AnswerRequest, Draft> script) implements AnswerModel {

    public static ScriptedModel answering(Function<AnswerRequest, Draft> script) {
        return new ScriptedModel("scripted", script);
    }

    /** A model that always throws {@code failure}. */
    public static ScriptedModel failing(RuntimeException failure) {
        return new ScriptedModel("broken", request -> {
            throw failure;
        });
    }

    @Override
    public Draft answer(AnswerRequest request) {
        return script.apply(request);
    }
}
