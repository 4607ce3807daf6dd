package dev.paracite.library;

/** Told how far indexing one file has got, in paragraphs; for a progress bar. */
@FunctionalInterface
public interface Progress {

    Progress NONE = (done, total) -> { };

    void indexed(int done, int total);
}
