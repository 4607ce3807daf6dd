package dev.paracite.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.paracite.Main;
import dev.paracite.cli.Cli;
import dev.paracite.corpus.DocumentLoader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code document --json} and {@code GET /api/document} give the same JSON for the same document. */
class DocumentShapeTest {

    @TempDir
    Path dir;

    @Test
    void the_command_line_and_the_api_agree_on_a_damaged_document() throws IOException {
        Path damaged = Files.writeString(dir.resolve("damaged.txt"), """
                1. Alpha is the first paragraph of this small policy.
                2. Beta follows alpha and says something else entirely.
                2. Beta follows alpha and says something else entirely.
                4. Delta comes after a number that is missing.
                """);
        JsonNode cli = cli(damaged);
        List<String> actions = new ArrayList<>();
        cli.get("ingestion").forEach(n -> actions.add(n.get("action").asText()));
        assertTrue(actions.contains("dropped") && actions.contains("flagged"), cli.toString());
        assertEquals(api(damaged), cli);
    }

    @Test
    void the_command_line_and_the_api_agree_on_the_built_in_document() throws IOException {
        JsonNode cli = cli(null);
        assertEquals(12, cli.get("ingestion").size(), cli.toString());
        assertEquals(api(null), cli);
    }

    private static JsonNode cli(Path document) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream err = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        String[] args = document == null ? new String[] {"document", "--json"}
                : new String[] {"document", "--json", "--document", document.toString()};
        assertEquals(0, Cli.run(args, Map.of(), new PrintStream(out, true, StandardCharsets.UTF_8), err,
                Main::assistant, (assistant, server) -> 0));
        return Http.MAPPER.readTree(out.toString(StandardCharsets.UTF_8));
    }

    private static JsonNode api(Path document) {
        try (Server server = Server.start(Main.assistant(document == null ? DocumentLoader.builtIn()
                : DocumentLoader.load(document)), "127.0.0.1", 0, ServerSettings.open())) {
            Http.Reply reply = new Http(server.port()).get("/api/document");
            assertEquals(200, reply.status());
            return reply.json();
        }
    }
}
