package dev.paracite.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

/** The top command: its subcommands do the work; alone it prints the help. */
@Command(name = "paracite",
        header = "Paracite: answers questions about a document of numbered paragraphs, citing the paragraphs.%n",
        customSynopsis = "target/paracite <command> [options]     "
                + "(or: java -jar target/paracite.jar <command> [options])",
        commandListHeading = "%nCommands:%n", optionListHeading = "%nOptions:%n", footer = HelpText.EXIT_CODES)
final class Paracite implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private HelpOption help;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return Cli.ANSWERED;
    }
}
