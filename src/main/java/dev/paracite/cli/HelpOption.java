package dev.paracite.cli;

import picocli.CommandLine.Option;

/** {@code -h, --help} on every command: its generated help, listing only its own options. */
final class HelpOption {

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "show this help")
    private boolean help;
}
