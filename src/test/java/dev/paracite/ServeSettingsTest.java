package dev.paracite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.paracite.cli.ServerOptions;
import dev.paracite.cli.UsageException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Access keys as an operator writes them: by hand in a variable, or in a file saved by any editor. */
class ServeSettingsTest {

    @TempDir
    Path dir;

    private static ServerOptions serve(String... flags) {
        return CommandLine.populateCommand(new ServerOptions(), flags);
    }

    @Test
    void a_key_variable_that_holds_no_key_refuses_to_start_rather_than_open_the_api() {
        for (String blank : List.of(" , ", "", ",,", "   ")) {
            UsageException e = assertThrows(UsageException.class,
                    () -> Main.serverSettings(serve(), Map.of("PARACITE_ACCESS_KEYS", blank)), "\"" + blank + "\"");
            assertEquals("PARACITE_ACCESS_KEYS is set but holds no key; give keys separated by commas, "
                    + "or unset it to serve without keys.", e.getMessage());
        }
    }

    @Test
    void keys_from_the_variable_and_the_file_add_up() throws IOException {
        Path file = Files.writeString(dir.resolve("keys.txt"), "k-file\n");
        assertEquals(List.of("k-file", "k1", "k2"), Main.serverSettings(serve("--access-keys", file.toString()),
                Map.of("PARACITE_ACCESS_KEYS", " k1 ,k2,")).accessKeys());
    }

    @Test
    void a_key_file_saved_with_a_byte_order_mark_and_crlf_line_ends_reads_as_written() throws IOException {
        Path file = dir.resolve("keys.txt");
        Files.write(file, "\uFEFFk-first\r\n# a comment\r\n\r\nk-second\r\n".getBytes(StandardCharsets.UTF_8));
        assertEquals(List.of("k-first", "k-second"),
                Main.serverSettings(serve("--access-keys", file.toString()), Map.of()).accessKeys());
    }

    @Test
    void a_key_file_of_comments_only_refuses_to_start() throws IOException {
        Path file = Files.writeString(dir.resolve("keys.txt"), "\uFEFF# nothing yet\r\n");
        UsageException e = assertThrows(UsageException.class,
                () -> Main.serverSettings(serve("--access-keys", file.toString()), Map.of()));
        assertEquals("The access key file " + file + " holds no key.", e.getMessage());
    }
}
