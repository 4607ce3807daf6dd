package dev.paracite.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The command line, read once: a command, its positional arguments and its options. Every option may
 * also come from an environment variable; a flag wins over the variable.
 */
public record CliArgs(String command, List<String> positional, String document, boolean json, int topK,
                      String host, int port) {

    public static final String DOCUMENT_ENV = "PARACITE_DOCUMENT";
    public static final String TOP_K_ENV = "PARACITE_TOP_K";
    public static final String HOST_ENV = "PARACITE_HOST";
    public static final String PORT_ENV = "PARACITE_PORT";
    /** Loopback by default: the API is open to whoever can reach it, so exposing it is a deliberate choice. */
    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 7070;

    public static CliArgs parse(String[] args, Map<String, String> env, int defaultTopK) {
        String command = null;
        List<String> positional = new ArrayList<>();
        String document = blankToNull(env.get(DOCUMENT_ENV));
        boolean json = false;
        String topK = blankToNull(env.get(TOP_K_ENV));
        String host = blankToNull(env.get(HOST_ENV));
        String port = blankToNull(env.get(PORT_ENV));
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--help", "-h" -> command = "help";
                case "--json" -> json = true;
                case "--document" -> document = value(args, ++i, arg);
                case "--top-k" -> topK = value(args, ++i, arg);
                case "--host" -> host = value(args, ++i, arg);
                case "--port" -> port = value(args, ++i, arg);
                default -> {
                    if (arg.startsWith("--")) {
                        throw new UsageException("Unknown option " + arg + "; see --help.");
                    }
                    if (command == null) {
                        command = arg;
                    } else {
                        positional.add(arg);
                    }
                }
            }
        }
        return new CliArgs(command == null ? "help" : command, positional, document, json,
                number(topK, defaultTopK, "--top-k"), host == null ? DEFAULT_HOST : host, port(port));
    }

    private static int port(String value) {
        int port = number(value, DEFAULT_PORT, "--port");
        if (port < 0 || port > 65_535) {
            throw new UsageException("--port must be between 0 and 65535; it was " + port + ".");
        }
        return port;
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new UsageException("Option " + option + " needs a value; see --help.");
        }
        return args[i];
    }

    private static int number(String value, int fallback, String option) {
        if (value == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new UsageException(option + " must be a whole number; it was \"" + value + "\".");
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
