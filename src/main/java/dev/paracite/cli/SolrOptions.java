package dev.paracite.cli;

import java.util.Arrays;
import java.util.List;
import picocli.CommandLine.Option;

/** {@code --solr-url} and {@code --solr-collection}: where a SolrCloud index is, for the commands that use one. */
public final class SolrOptions {

    private List<String> urls = List.of();

    @Option(names = "--solr-collection", paramLabel = "NAME", defaultValue = "paracite",
            description = "the SolrCloud collection (default ${DEFAULT-VALUE})")
    @Env("PARACITE_SOLR_COLLECTION")
    private String collection;

    @Option(names = "--solr-url", paramLabel = "URL[,URL...]",
            description = "SolrCloud node URLs, e.g. http://localhost:8983/solr; the next is tried when one is down "
                    + "(default none)")
    @Env("PARACITE_SOLR_URL")
    void url(String value) {
        urls = Arrays.stream(value.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        for (String url : urls) {
            if (!url.matches("https?://[^\\s/]+(/.*)?")) {
                throw new UsageException("--solr-url: " + url + " is not an http:// or https:// URL");
            }
        }
    }

    /** The node URLs; a sentence naming the option when none was given. */
    List<String> required(String command) {
        if (urls.isEmpty()) {
            throw new UsageException(command + " needs SolrCloud: give --solr-url URL or set PARACITE_SOLR_URL.");
        }
        return urls;
    }

    @Option(names = "--solr-credentials", paramLabel = "USER:PASSWORD",
            description = "basic-auth credentials for SolrCloud; prefer the variable (default none)")
    @Env("PARACITE_SOLR_CREDENTIALS")
    void credentials(String value) {
        if (!value.isBlank() && !value.contains(":")) {
            throw new UsageException("--solr-credentials must be USER:PASSWORD.");
        }
        credentials = value.isBlank() ? null : value;
    }

    private String credentials;

    String collection() {
        return collection;
    }

    /** {@code user:password}, or null for none. */
    String credentials() {
        return credentials;
    }
}
