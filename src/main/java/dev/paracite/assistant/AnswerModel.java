package dev.paracite.assistant;

/**
 * The seam where a model plugs in: writes an answer from the retrieved paragraphs, citing them as
 * {@code [8]}. Whatever it writes, the pipeline checks the citations afterwards.
 */
public interface AnswerModel {

    /** The name reported in responses, e.g. {@code extractive} or {@code openai:gpt-4o-mini}. */
    String name();

    Draft answer(AnswerRequest request);
}
