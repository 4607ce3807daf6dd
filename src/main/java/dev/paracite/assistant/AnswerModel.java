package dev.paracite.assistant;

import java.util.function.Consumer;

/**
 * The seam where a model plugs in: writes an answer from the retrieved paragraphs, citing them as
 * {@code [8]}. Whatever it writes, the pipeline checks the citations afterwards.
 */
public interface AnswerModel {

    /** The name reported in responses, e.g. {@code extractive} or {@code openai:gpt-4o-mini}. */
    String name();

    Draft answer(AnswerRequest request);

    /** Like {@link #answer}, passing pieces of the text to {@code onText} as they are produced. */
    default Draft stream(AnswerRequest request, Consumer<String> onText) {
        Draft draft = answer(request);
        onText.accept(draft.text());
        return draft;
    }
}
