package dev.paracite.cli;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The command line, read once: a command, its positional arguments and its options. Options that have
 * an environment variable take it when the flag is absent; a flag wins over the variable.
 */
public record CliArgs(String command, List<String> positional, Map<String, String> options, Set<String> flags) {

    /** Options taking a value, with their environment variables ("" where there is none). */
    static final Map<String, String> VALUED = Map.ofEntries(
            Map.entry("--document", "PARACITE_DOCUMENT"), Map.entry("--top-k", "PARACITE_TOP_K"),
            Map.entry("--retrieval", "PARACITE_RETRIEVAL"),
            Map.entry("--host", "PARACITE_HOST"), Map.entry("--port", "PARACITE_PORT"),
            Map.entry("--model", "PARACITE_MODEL"), Map.entry("--base-url", "PARACITE_BASE_URL"),
            Map.entry("--api-key", "PARACITE_API_KEY"), Map.entry("--model-name", "PARACITE_MODEL_NAME"),
            Map.entry("--temperature", "PARACITE_TEMPERATURE"), Map.entry("--max-tokens", "PARACITE_MAX_TOKENS"),
            Map.entry("--timeout", "PARACITE_TIMEOUT"), Map.entry("--max-retries", "PARACITE_MAX_RETRIES"),
            Map.entry("--answer-timeout", "PARACITE_ANSWER_TIMEOUT"),
            Map.entry("--fallback", "PARACITE_FALLBACK"), Map.entry("--prompts", "PARACITE_PROMPTS"),
            Map.entry("--access-keys", "PARACITE_ACCESS_KEYS_FILE"), Map.entry("--rate-limit", "PARACITE_RATE_LIMIT"),
            Map.entry("--max-answering", "PARACITE_MAX_ANSWERING"), Map.entry("--cors-origins", "PARACITE_CORS_ORIGINS"),
            Map.entry("--max-answering-per-client", "PARACITE_MAX_ANSWERING_PER_CLIENT"),
            Map.entry("--drain-timeout", "PARACITE_DRAIN_TIMEOUT"), Map.entry("--metrics-key", "PARACITE_METRICS_KEY"),
            Map.entry("--set", ""), Map.entry("--out", ""), Map.entry("--thresholds", ""), Map.entry("--sample", ""),
            Map.entry("--articles", ""), Map.entry("--replay", ""));
    static final Set<String> FLAGS = Set.of("--json", "--compare", "--require-thresholds", "--log-questions");

    /** Loopback by default: the API is open to whoever can reach it, so exposing it is a deliberate choice. */
    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 7070;

    public CliArgs {
        positional = List.copyOf(positional);
        options = Map.copyOf(options);
        flags = Set.copyOf(flags);
    }

    public static CliArgs parse(String[] args, Map<String, String> env) {
        String command = null;
        List<String> positional = new ArrayList<>();
        Map<String, String> options = new HashMap<>();
        Set<String> flags = new java.util.HashSet<>();
        VALUED.forEach((option, variable) -> {
            String value = variable.isEmpty() ? null : env.get(variable);
            if (value != null && !value.isBlank()) {
                options.put(option, value.strip());
            }
        });
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--help") || arg.equals("-h")) {
                command = "help";
            } else if (VALUED.containsKey(arg)) {
                if (++i >= args.length) {
                    throw new UsageException("Option " + arg + " needs a value; see --help.");
                }
                options.put(arg, args[i]);
            } else if (FLAGS.contains(arg)) {
                flags.add(arg);
            } else if (arg.startsWith("--") || arg.matches("-[A-Za-z]")) {
                throw new UsageException("Unknown option " + arg + "; see --help.");
            } else if (command == null) {
                command = arg;
            } else {
                positional.add(arg);
            }
        }
        return new CliArgs(command == null ? "help" : command, positional, options, flags);
    }

    public String document() {
        return options.get("--document");
    }

    public boolean json() {
        return flags.contains("--json");
    }

    public String option(String name, String fallback) {
        return options.getOrDefault(name, fallback);
    }

    public int number(String option, int fallback, int min, int max) {
        return parsed(option, fallback, min, max, Integer::parseInt, "a whole number").intValue();
    }

    public double decimal(String option, double fallback, double min, double max) {
        return parsed(option, fallback, min, max, Double::parseDouble, "a number").doubleValue();
    }

    /** The option's value read by {@code parse} and checked against [min, max], or {@code fallback} when absent. */
    private Number parsed(String option, Number fallback, double min, double max,
                          java.util.function.Function<String, Number> parse, String kind) {
        String value = options.get(option);
        if (value == null) {
            return fallback;
        }
        Number n;
        try {
            n = parse.apply(value.strip());
        } catch (NumberFormatException e) {
            throw new UsageException(option + " must be " + kind + "; it was \"" + value + "\".");
        }
        if (!(n.doubleValue() >= min && n.doubleValue() <= max)) {
            throw new UsageException(option + " must be between " + format(min) + " and " + format(max) + "; it was "
                    + value.strip() + ".");
        }
        return n;
    }

    private static String format(double bound) {
        return bound == Math.rint(bound) ? Long.toString((long) bound) : Double.toString(bound);
    }

    public String host() {
        return option("--host", DEFAULT_HOST);
    }

    public int port() {
        return number("--port", DEFAULT_PORT, 0, 65_535);
    }
}
