package dev.paracite.formats;

/** A file's text as the document parser reads it (one line per source line, numbered items as "N. text"). */
public record Extracted(Format format, String text) {}
