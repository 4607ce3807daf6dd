package dev.paracite.grounding;

/**
 * The passage of a paragraph that supports a statement: characters {@code [start, end)} of the
 * paragraph's text, with the scores that decided it.
 */
public record Evidence(String paragraph, int start, int end, double lexical, double semantic) {}
