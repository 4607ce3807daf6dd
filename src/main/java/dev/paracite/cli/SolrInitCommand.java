package dev.paracite.cli;

import dev.paracite.retrieval.solr.SolrCollections;
import dev.paracite.retrieval.solr.SolrTarget;
import java.io.PrintStream;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code solr init}: uploads Paracite's configset and creates the collection through the Collections
 * API; run again, it changes nothing and says the collection exists.
 */
@Command(name = "init", customSynopsis = "target/paracite solr init --solr-url URL [--shards N] [--replicas R] [options]",
        description = "upload the configset and create the collection (nothing changes when it exists)",
        optionListHeading = "%nOptions:%n", sortOptions = false)
final class SolrInitCommand implements Callable<Integer> {

    @Mixin
    private HelpOption help;

    @Mixin
    private SolrOptions solr;

    private int shards;
    private int replicas;

    @Option(names = "--shards", paramLabel = "N", defaultValue = "2", description = "shards (default ${DEFAULT-VALUE})")
    void shards(String value) {
        shards = Values.whole("--shards", value, 1, 1024);
    }

    @Option(names = "--replicas", paramLabel = "R", defaultValue = "2",
            description = "replicas of each shard (default ${DEFAULT-VALUE}; 2 survive the loss of a node)")
    void replicas(String value) {
        replicas = Values.whole("--replicas", value, 1, 16);
    }

    private final PrintStream out;

    SolrInitCommand(PrintStream out) {
        this.out = out;
    }

    @Override
    public Integer call() {
        SolrTarget target = SolrTarget.of(solr.required("solr init"), solr.collection()).withCredentials(solr.credentials());
        try (SolrCollections collections = new SolrCollections(target)) {
            SolrCollections.Outcome outcome = collections.init(shards, replicas);
            out.println(outcome == SolrCollections.Outcome.CREATED
                    ? "created collection " + solr.collection() + ": " + count(shards, "shard") + " of " + count(replicas, "replica")
                    : "collection " + solr.collection() + " exists; left as it is (shards and replicas unchanged)");
        }
        return Cli.ANSWERED;
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
