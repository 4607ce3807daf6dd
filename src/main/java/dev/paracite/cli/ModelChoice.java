package dev.paracite.cli;

import dev.paracite.assistant.AnswerModel;

/**
 * What an assistant is built from: the model options, the retrieval mode ({@code hybrid} or {@code bm25}),
 * and recorded answers that replace the model when not null ({@code eval --model replay}).
 */
public record ModelChoice(ModelOptions model, String retrieval, AnswerModel recorded) {}
