package dev.paracite.library;

import dev.paracite.corpus.Document;
import dev.paracite.grounding.Context;
import dev.paracite.retrieval.ParagraphSearch;

/**
 * The latest version of every document in the library, as the answering pipeline reads it: one
 * {@link Document} whose paragraphs carry their {@link dev.paracite.corpus.Paragraph.Source} (with more
 * than one document, labels name their document: {@code travel §4}), and a search over exactly those
 * paragraphs, and the names each document is about (its {@link Context}, kept from when it was added).
 * {@code generation} changes whenever the library does.
 */
public record Corpus(long generation, Document document, ParagraphSearch search, Context context) {}
