package dev.paracite.cli;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code --index}: where the paragraphs are searched, in this process or in a SolrCloud. */
final class IndexOptions {

    private String kind;

    @Mixin
    private SolrOptions solr;

    @Option(names = "--index", paramLabel = "KIND", defaultValue = "lucene",
            description = "lucene (in this process, the default) or solr (a SolrCloud collection set up by solr init)")
    @Env("PARACITE_INDEX")
    void kind(String value) {
        kind = Values.oneOf("--index", value, "lucene", "solr");
    }

    /** The index chosen. */
    IndexChoice choice() {
        if (kind.equals("lucene")) {
            return IndexChoice.LUCENE;
        }
        return new IndexChoice("solr", solr.required("--index solr"), solr.collection(), solr.credentials());
    }
}
