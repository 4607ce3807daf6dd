package dev.paracite.cli;

import dev.paracite.corpus.DocumentException;
import dev.paracite.library.Upload;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The files {@code add} was given, folders expanded, and each file read as an upload. */
final class Uploads {

    private Uploads() {}

    /**
     * Each path given, in order; a folder stands for its files, recursively, sorted by path, leaving out
     * hidden files and folders (their names start with a dot). A path that does not exist stays, so that
     * reading it says so in its own line.
     */
    static List<Path> files(List<Path> given) {
        List<Path> files = new ArrayList<>();
        for (Path path : given) {
            if (!Files.isDirectory(path)) {
                files.add(path);
                continue;
            }
            try (Stream<Path> walk = Files.walk(path)) {
                walk.filter(f -> Files.isRegularFile(f) && !hidden(path.relativize(f))).sorted().forEach(files::add);
            } catch (IOException | UncheckedIOException e) {
                throw new UsageException("The folder " + path + " cannot be read.");
            }
        }
        return files;
    }

    private static boolean hidden(Path relative) {
        for (Path name : relative) {
            if (name.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    /** The file's bytes as an upload; one sentence when it cannot be read or is larger than {@code maxBytes}. */
    static Upload read(Path file, String id, String title, long maxBytes) {
        try {
            if (Files.isDirectory(file)) {
                throw new DocumentException(file + " is a directory, not a text file.");
            }
            long size = Files.size(file);
            if (size > maxBytes) {
                // refused before it is read: the library would refuse it too, after holding it all in memory
                throw new DocumentException(file + " is " + size + " bytes; the largest file accepted is " + maxBytes
                        + " bytes (--max-upload).");
            }
            return new Upload(String.valueOf(file.getFileName()), Files.readAllBytes(file), id, title);
        } catch (NoSuchFileException e) {
            throw new DocumentException(file + " does not exist.");
        } catch (AccessDeniedException e) {
            throw new DocumentException(file + " cannot be read: permission denied.");
        } catch (IOException e) {
            throw new DocumentException(file + " cannot be read: " + e.getMessage() + ".");
        }
    }
}
