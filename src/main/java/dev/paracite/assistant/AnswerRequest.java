package dev.paracite.assistant;

import dev.paracite.retrieval.Retrieval;

/** What a model answers from: the question as asked and what retrieval found for it. */
public record AnswerRequest(String question, Retrieval retrieval) {}
