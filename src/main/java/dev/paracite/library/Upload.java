package dev.paracite.library;

/**
 * A file to add to the library: its name as given (for messages and the default id), its bytes, and
 * optionally the id and title to file it under ({@code null}: derived from the file name and content).
 */
public record Upload(String fileName, byte[] bytes, String id, String title) {

    public Upload(String fileName, byte[] bytes) {
        this(fileName, bytes, null, null);
    }
}
