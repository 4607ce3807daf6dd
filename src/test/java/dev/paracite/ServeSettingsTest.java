package dev.paracite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.paracite.cli.Cli;
import dev.paracite.cli.ServerOptions;
import dev.paracite.cli.UsageException;
import dev.paracite.server.ServerSettings;
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

    /** The options {@code serve} hands the server when run with {@code flags} in {@code env}. */
    private static ServerOptions served(Map<String, String> env, String... flags) {
        List<ServerOptions> got = new java.util.ArrayList<>();
        String[] args = java.util.stream.Stream.concat(java.util.stream.Stream.of("serve"), java.util.Arrays.stream(flags))
                .toArray(String[]::new);
        assertEquals(0, Cli.run(args, env, System.out, System.err, (document, choice) -> null, (assistant, options) -> {
            got.add(options);
            return 0;
        }));
        return got.get(0);
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

    @Test
    void the_metrics_key_comes_from_the_flag_or_the_variable_and_questions_stay_out_of_the_log_unless_asked() {
        ServerSettings plain = Main.serverSettings(serve(), Map.of());
        assertEquals(null, plain.metricsKey());
        assertEquals(false, plain.logQuestions());
        ServerSettings fromEnv = Main.serverSettings(served(Map.of("PARACITE_METRICS_KEY", " m-env "), "--log-questions"),
                Map.of());
        assertEquals("m-env", fromEnv.metricsKey());
        assertEquals(true, fromEnv.logQuestions());
        assertEquals("m-flag", Main.serverSettings(served(Map.of("PARACITE_METRICS_KEY", "m-env"), "--metrics-key", "m-flag"),
                Map.of()).metricsKey());
        UsageException blank = assertThrows(UsageException.class,
                () -> Main.serverSettings(serve("--metrics-key", " "), Map.of()));
        assertEquals("--metrics-key is blank; give a key, or leave it out to use the access keys.", blank.getMessage());
    }
}
