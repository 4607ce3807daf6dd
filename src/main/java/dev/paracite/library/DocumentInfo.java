package dev.paracite.library;

import java.util.List;

/** A document in the library: its id, title and the versions kept, oldest first (the last is the latest). */
public record DocumentInfo(String id, String title, List<VersionInfo> versions) {

    public DocumentInfo {
        versions = List.copyOf(versions);
    }

    public VersionInfo latest() {
        return versions.get(versions.size() - 1);
    }
}
