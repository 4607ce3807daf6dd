package dev.paracite.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

/** {@code solr}: administers the SolrCloud index; alone it prints its help. */
@Command(name = "solr", customSynopsis = "target/paracite solr init --solr-url URL [options]",
        description = "set up the SolrCloud collection that --index solr searches",
        commandListHeading = "%nCommands:%n", optionListHeading = "%nOptions:%n")
final class SolrCommand implements Callable<Integer> {

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
