package dev.paracite.embedding;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * ONNX Runtime copies its native libraries (16 MB) into a new temporary folder at every start and
 * deletes them only at a normal JVM exit, which a stopped server (halting with its own exit code) or a
 * killed process never reaches: every start left 16 MB behind. Once loaded, the copies are not needed
 * on disk (Linux keeps a mapped file until it is unmapped), so they are deleted as soon as the model is
 * up. Where {@code /proc/self/maps} does not exist (not Linux) they stay for ONNX Runtime to delete.
 */
final class NativeFiles {

    private static final Logger LOG = LoggerFactory.getLogger(NativeFiles.class);
    private static final String FOLDER_PREFIX = "onnxruntime-java";

    private NativeFiles() {}

    /** Deletes the folders of ONNX Runtime's extracted libraries that this process has mapped. */
    static void deleteExtracted() {
        Path maps = Path.of("/proc/self/maps");
        if (!Files.isReadable(maps)) {
            return;
        }
        for (Path folder : extractedFolders(maps)) {
            try (Stream<Path> files = Files.list(folder)) {
                for (Path file : files.toList()) {
                    Files.deleteIfExists(file);
                }
                Files.deleteIfExists(folder);
            } catch (IOException | UncheckedIOException e) {
                LOG.warn("could not delete ONNX Runtime's copy of its libraries in {}: {}", folder, e.getMessage());
            }
        }
    }

    /** The temporary folders holding a native library this process has mapped, as /proc/self/maps lists them. */
    private static Set<Path> extractedFolders(Path maps) {
        Set<Path> folders = new TreeSet<>();
        Path tmp = Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath();
        try {
            for (String line : Files.readAllLines(maps)) {
                int slash = line.indexOf('/');
                if (slash < 0 || line.endsWith("(deleted)")) {
                    continue;
                }
                Path parent = Path.of(line.substring(slash)).getParent();
                if (parent != null && parent.getFileName().toString().startsWith(FOLDER_PREFIX) && tmp.equals(parent.getParent())
                        && Files.isDirectory(parent)) {
                    folders.add(parent);
                }
            }
        } catch (IOException e) {
            LOG.warn("could not read {}: {}", maps, e.getMessage());
        }
        return folders;
    }
}
