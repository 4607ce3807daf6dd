package dev.paracite.cli;

import dev.paracite.library.Library;
import picocli.CommandLine.Option;

/** How a library keeps what is added to it: the options of {@code add} and {@code serve}. */
final class LibraryOptions {

    /** A byte array holds each file while it is parsed, so the largest size allowed stays far below 2 GB. */
    private static final long LARGEST_UPLOAD = 1_000_000_000L;

    private int keepVersions;
    private long maxUpload;

    @Option(names = "--keep-versions", paramLabel = "N", defaultValue = "0",
            description = "versions of each document kept, the oldest removed first; 0 keeps all")
    @Env("PARACITE_KEEP_VERSIONS")
    void keepVersions(String value) {
        keepVersions = Values.whole("--keep-versions", value, 0, 1_000_000);
    }

    /** The default is {@link Library#DEFAULT_MAX_UPLOAD}; OptionsReadmeTest keeps the two equal. */
    @Option(names = "--max-upload", paramLabel = "SIZE", defaultValue = "20MB",
            description = "the largest file accepted: bytes, or with KB, MB or GB")
    @Env("PARACITE_MAX_UPLOAD")
    void maxUpload(String value) {
        maxUpload = Values.bytes("--max-upload", value, LARGEST_UPLOAD);
    }

    int keepVersions() {
        return keepVersions;
    }

    long maxUpload() {
        return maxUpload;
    }

}
