package dev.paracite.retrieval.solr;

import dev.paracite.retrieval.RetrievalSettings;
import dev.paracite.retrieval.Stemming;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Paracite's Solr configset, shipped in the jar under {@code solr/paracite/}: its files, and as the zip the configset API takes. */
public final class Configset {

    /**
     * The configset's name in Solr; a new schema gets a new name, so an old collection keeps its own.
     * 2: the paragraph's vector (hybrid retrieval), and origin and docver (a library's versions).
     */
    public static final String NAME = "paracite-2";
    static final String ROOT = "/solr/paracite/";
    static final List<String> FILES = List.of("solrconfig.xml", "schema.xml", "lang/stopwords_en.txt");

    private Configset() {}

    /**
     * Refuses retrieval settings this configset cannot serve: it analyses with Porter stemming (its k1 and b
     * are the in-process ones: SolrConfigsetTest holds them equal).
     */
    static void check(RetrievalSettings settings) {
        if (settings.stemming() != Stemming.PORTER) {
            throw new IllegalArgumentException("the Solr configset analyses with Porter stemming");
        }
    }

    /** One file of the configset, as shipped. */
    public static byte[] file(String name) {
        try (InputStream in = Configset.class.getResourceAsStream(ROOT + name)) {
            if (in == null) {
                throw new IllegalStateException("configset file missing from the classpath: " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] zip() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (String name : FILES) {
                zip.putNextEntry(new ZipEntry(name));
                zip.write(file(name));
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
