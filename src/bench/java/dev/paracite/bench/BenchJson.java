package dev.paracite.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Writes a benchmark's figures to target/bench/NAME.json with the date and the machine. */
final class BenchJson {

    private BenchJson() {}

    static Path write(String name, Map<String, Object> figures) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("benchmark", name);
        out.put("date", Instant.now().toString());
        out.put("machine", Map.of("cores", Runtime.getRuntime().availableProcessors(),
                "java", System.getProperty("java.version"), "os", System.getProperty("os.name") + " "
                        + System.getProperty("os.arch"), "maxHeapMb", Runtime.getRuntime().maxMemory() / (1024 * 1024)));
        out.putAll(figures);
        try {
            Path dir = Files.createDirectories(Path.of("target/bench"));
            Path file = dir.resolve(name + ".json");
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), out);
            System.out.println("wrote " + file);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Nearest-rank percentile of nanosecond samples, in milliseconds. */
    static double percentileMillis(List<Long> sortedNanos, double p) {
        return sortedNanos.get(Math.max(0, (int) Math.ceil(p * sortedNanos.size()) - 1)) / 1e6;
    }

    static double round(double value, int places) {
        double scale = Math.pow(10, places);
        return Math.round(value * scale) / scale;
    }
}
