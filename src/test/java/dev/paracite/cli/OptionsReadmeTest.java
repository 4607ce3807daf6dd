package dev.paracite.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.paracite.library.Library;
import dev.paracite.llm.ModelSettings;
import dev.paracite.server.ServerSettings;
import java.io.IOException;
import java.io.PrintStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/** The README's option table ("### Configuration") against the options the commands define. */
class OptionsReadmeTest {

    /** One option as a user reads it: flag with its value, variable, default and the commands that take it. */
    record Row(String flag, String env, String byDefault, String commands) {}

    @Test
    void the_readme_table_lists_every_option_with_its_variable_default_and_commands() throws IOException {
        Map<String, Row> readme = readme(Files.readString(Path.of("README.md")));
        Map<String, Row> defined = defined();
        assertTrue(defined.size() >= 30, "options defined: " + defined.keySet());
        assertEquals(defined.keySet(), readme.keySet(), "options on one side only");
        for (String name : defined.keySet()) {
            assertEquals(defined.get(name), readme.get(name), name);
        }
    }

    @Test
    void a_readme_row_that_differs_is_caught() throws IOException {
        String text = Files.readString(Path.of("README.md"));
        Map<String, Row> defined = defined();
        String changed = text.replace("| `--port N` | `PARACITE_PORT` | `7070` |", "| `--port N` | `PARACITE_PORT` | `8080` |");
        assertFalse(text.equals(changed), "the README has the --port row this test edits");
        assertFalse(defined.equals(readme(changed)));
        assertFalse(defined.keySet().equals(readme(text.replaceFirst("\\| `--metrics-key KEY` \\|[^\\n]*\\n", "")).keySet()));
    }

    /** The picocli defaults are the settings' own defaults, so that a library user and the CLI agree. */
    @Test
    void the_command_lines_defaults_are_the_settings_defaults() {
        ModelOptions model = CommandLine.populateCommand(new ModelOptions());
        ModelSettings settings = ModelSettings.extractive();
        assertEquals(List.of(settings.provider(), settings.temperature(), settings.maxTokens(), settings.timeout(),
                settings.maxRetries(), ModelSettings.DEFAULT_ANSWER_TIMEOUT), List.of(model.provider(),
                model.temperature(), model.maxTokens(), model.timeout(), model.maxRetries(), model.answerTimeout()));
        LibraryOptions library = CommandLine.populateCommand(new LibraryOptions());
        assertEquals(List.of(0, Library.DEFAULT_MAX_UPLOAD), List.of(library.keepVersions(), library.maxUpload()));
        ServerOptions server = CommandLine.populateCommand(new ServerOptions());
        assertEquals(List.of(ServerSettings.DEFAULT_RATE_PER_MINUTE, ServerSettings.DEFAULT_MAX_ANSWERING,
                ServerSettings.DEFAULT_DRAIN, ServerSettings.defaultPerClient(ServerSettings.DEFAULT_MAX_ANSWERING)),
                List.of(server.rateLimit(), server.maxAnswering(), server.drainTimeout(),
                        server.maxAnsweringPerClient(ServerSettings::defaultPerClient)));
    }

    /** The options of every command, merged by name, as rows. */
    static Map<String, Row> defined() {
        PrintStream nowhere = new PrintStream(OutputStream.nullOutputStream());
        CommandLine root = Cli.commands(Map.of(), nowhere, nowhere, false, null, null, null);
        Map<String, List<String>> commands = new TreeMap<>();
        Map<String, OptionSpec> options = new TreeMap<>();
        Map<String, CommandLine> byName = new TreeMap<>(root.getSubcommands());
        // a command's own subcommands ("solr init") by their full name
        root.getSubcommands().forEach((name, command) -> command.getSubcommands()
                .forEach((sub, c) -> byName.put(name + " " + sub, c)));
        for (Map.Entry<String, CommandLine> command : byName.entrySet()) {
            for (OptionSpec option : command.getValue().getCommandSpec().options()) {
                if (!option.usageHelp() && !option.versionHelp()) {
                    options.put(option.longestName(), option);
                    commands.computeIfAbsent(option.longestName(), k -> new ArrayList<>()).add(command.getKey());
                }
            }
        }
        int all = root.getSubcommands().size() - 1; // help takes no option
        Map<String, Row> rows = new TreeMap<>();
        options.forEach((name, option) -> rows.put(name, new Row(
                option.arity().max() == 0 ? name : name + " " + option.paramLabel(),
                EnvDefaults.variable(option) == null ? "" : EnvDefaults.variable(option),
                byDefault(option),
                commands.get(name).size() == all ? "all" : String.join(", ", commands.get(name).stream().sorted().toList()))));
        return rows;
    }

    private static final Pattern DESCRIBED = Pattern.compile("\\(default ([^)]*)\\)");

    /** The default written on the option, false for a flag, or the words its description gives. */
    private static String byDefault(OptionSpec option) {
        if (option.defaultValue() != null) {
            return option.defaultValue();
        }
        if (option.arity().max() == 0) {
            return "false";
        }
        Matcher m = DESCRIBED.matcher(String.join(" ", option.description()));
        return m.find() ? m.group(1) : "(the description names no default)";
    }

    /** The rows of the table under "### Configuration", by option name. */
    static Map<String, Row> readme(String text) {
        String section = text.substring(text.indexOf("### Configuration"));
        Map<String, Row> rows = new TreeMap<>();
        boolean inTable = false;
        for (String line : section.split("\n")) {
            if (line.startsWith("| flag |")) {
                inTable = true;
            } else if (inTable && !line.startsWith("|")) {
                break;
            } else if (inTable && !line.startsWith("|---")) {
                String[] cells = Arrays.stream(line.substring(1).split("(?<!\\\\)\\|")).map(String::strip).toArray(String[]::new);
                String flag = plain(cells[0]);
                Matcher env = Pattern.compile("`(PARACITE_[A-Z_]+)").matcher(cells[1]);
                String commands = String.join(", ", Arrays.stream(cells[3].split(",")).map(String::strip).sorted().toList());
                rows.put(flag.split(" ")[0], new Row(flag, env.find() ? env.group(1) : "", plain(cells[2]), commands));
            }
        }
        return rows;
    }

    private static String plain(String cell) {
        return cell.replace("`", "").strip();
    }
}
