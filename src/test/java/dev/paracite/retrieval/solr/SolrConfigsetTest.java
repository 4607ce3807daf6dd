package dev.paracite.retrieval.solr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.paracite.embedding.OnnxEmbedder;
import dev.paracite.retrieval.RetrievalSettings;
import dev.paracite.retrieval.Stemming;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.codecs.lucene99.Lucene99HnswVectorsFormat;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The shipped configset says what the in-process index does (the cluster tests check it answers the same). */
class SolrConfigsetTest {

    @Test
    void stop_words_are_exactly_lucenes_english_set() {
        Set<String> file = new TreeSet<>();
        for (String line : new String(Configset.file("lang/stopwords_en.txt"), StandardCharsets.UTF_8).split("\n")) {
            if (!line.isBlank() && !line.startsWith("#")) {
                file.add(line.strip());
            }
        }
        Set<String> lucene = new TreeSet<>();
        EnglishAnalyzer.ENGLISH_STOP_WORDS_SET.forEach(w -> lucene.add(new String((char[]) w)));
        assertEquals(lucene, file);
    }

    @Test
    void bm25_parameters_are_the_in_process_ones() throws Exception {
        Element schema = xml("schema.xml");
        Element similarity = (Element) schema.getElementsByTagName("similarity").item(0);
        assertEquals("solr.BM25SimilarityFactory", similarity.getAttribute("class"));
        NodeList params = similarity.getElementsByTagName("float");
        assertEquals(RetrievalSettings.BM25.k1(), Float.parseFloat(param(params, "k1")));
        assertEquals(RetrievalSettings.BM25.b(), Float.parseFloat(param(params, "b")));
    }

    @Test
    void text_is_analysed_by_the_in_process_chain_with_porter_stemming() throws Exception {
        assertEquals(Stemming.PORTER, RetrievalSettings.BM25.stemming());
        Element analyzer = (Element) xml("schema.xml").getElementsByTagName("analyzer").item(0);
        assertEquals("index", analyzer.getAttribute("type"));
        List<String> chain = new ArrayList<>();
        NodeList parts = analyzer.getChildNodes();
        for (int i = 0; i < parts.getLength(); i++) {
            if (parts.item(i) instanceof Element e) {
                chain.add(e.getAttribute("class"));
            }
        }
        assertEquals(List.of("solr.StandardTokenizerFactory", "solr.EnglishPossessiveFilterFactory",
                "solr.LowerCaseFilterFactory", "solr.StopFilterFactory", "solr.PorterStemFilterFactory"), chain);
    }

    @Test
    void vectors_are_the_embedding_models_searched_as_in_process() throws Exception {
        NodeList types = xml("schema.xml").getElementsByTagName("fieldType");
        Element vector = null;
        for (int i = 0; i < types.getLength(); i++) {
            Element e = (Element) types.item(i);
            if (e.getAttribute("class").equals("solr.DenseVectorField")) {
                vector = e;
            }
        }
        assertNotNull(vector, "a dense vector field type");
        assertEquals(OnnxEmbedder.shared().embed("How many dimensions?").length,
                Integer.parseInt(vector.getAttribute("vectorDimension")));
        // in process: KnnFloatVectorField with DOT_PRODUCT in Lucene's default HNSW format
        assertEquals("dot_product", vector.getAttribute("similarityFunction"));
        assertEquals(Lucene99HnswVectorsFormat.DEFAULT_MAX_CONN, Integer.parseInt(vector.getAttribute("hnswMaxConnections")));
        assertEquals(Lucene99HnswVectorsFormat.DEFAULT_BEAM_WIDTH, Integer.parseInt(vector.getAttribute("hnswBeamWidth")));
    }

    @Test
    void global_term_statistics_across_shards() throws Exception {
        Element stats = (Element) xml("solrconfig.xml").getElementsByTagName("statsCache").item(0);
        assertEquals("org.apache.solr.search.stats.ExactStatsCache", stats.getAttribute("class"));
    }

    @Test
    void the_upload_zip_holds_every_file() throws Exception {
        List<String> names = new ArrayList<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(Configset.zip()))) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                names.add(e.getName());
            }
        }
        assertEquals(Configset.FILES, names);
    }

    private static String param(NodeList params, String name) {
        for (int i = 0; i < params.getLength(); i++) {
            Element e = (Element) params.item(i);
            if (e.getAttribute("name").equals(name)) {
                return e.getTextContent().strip();
            }
        }
        throw new AssertionError("no " + name);
    }

    private static Element xml(String file) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(Configset.file(file))).getDocumentElement();
    }
}
