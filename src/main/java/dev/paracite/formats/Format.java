package dev.paracite.formats;

/** The kinds of file Paracite reads, told apart by their content, never by their name. */
public enum Format {
    TEXT, MARKDOWN, HTML, PDF, DOCX
}
