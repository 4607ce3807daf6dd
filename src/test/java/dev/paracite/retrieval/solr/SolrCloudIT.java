package dev.paracite.retrieval.solr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.paracite.Main;
import dev.paracite.cli.Cli;
import dev.paracite.cli.IndexChoice;
import dev.paracite.cli.ModelChoice;
import dev.paracite.cli.ModelOptions;
import dev.paracite.corpus.Document;
import dev.paracite.corpus.DocumentLoader;
import dev.paracite.embedding.CachingEmbedder;
import dev.paracite.embedding.Embedder;
import dev.paracite.embedding.OnnxEmbedder;
import dev.paracite.eval.EvalCase;
import dev.paracite.eval.EvalQuestion;
import dev.paracite.eval.EvalSet;
import dev.paracite.eval.SquadSet;
import dev.paracite.json.Json;
import dev.paracite.retrieval.Hit;
import dev.paracite.retrieval.IndexStatus;
import dev.paracite.retrieval.LuceneParagraphSearch;
import dev.paracite.retrieval.ParagraphSearch;
import dev.paracite.retrieval.RetrievalSettings;
import dev.paracite.retrieval.TextAnalysis;
import dev.paracite.server.Server;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.solr.client.solrj.request.FieldAnalysisRequest;
import org.apache.solr.client.solrj.request.UpdateRequest;
import org.apache.solr.client.solrj.response.AnalysisResponseBase;
import org.apache.solr.client.solrj.response.FieldAnalysisResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import picocli.CommandLine;

/**
 * Against a real 2-node SolrCloud (2 shards, 2 replicas each) in a child JVM: the configset analyses as
 * the app does, init is idempotent, and the built-in document searched through Solr ranks as the
 * in-process index does, for every question of eval/dev.jsonl.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SolrCloudIT {

    private static final Document DOCUMENT = DocumentLoader.builtIn();

    private static LocalSolrCloud cloud;
    private static SolrTarget target;

    @BeforeAll
    static void start() throws Exception {
        cloud = LocalSolrCloud.start(2);
        System.out.printf("SolrCloudIT: 2-node SolrCloud ready in %d ms at %s%n", cloud.startMillis(), cloud.urls());
        target = SolrTarget.of(cloud.urls(), "paracite-it");
        try (SolrCollections collections = new SolrCollections(target)) {
            assertEquals(SolrCollections.Outcome.CREATED, collections.init(2, 2));
        }
    }

    @AfterAll
    static void stop() throws Exception {
        if (cloud != null) {
            cloud.close();
        }
    }

    @Test
    @Order(1)
    void init_again_leaves_the_collection_as_it_is() {
        try (SolrCollections collections = new SolrCollections(target)) {
            assertEquals(SolrCollections.Outcome.EXISTED, collections.init(3, 1));
        }
    }

    @Test
    @Order(2)
    void solr_analyses_text_into_the_same_terms_as_the_app() {
        List<String> texts = new ArrayList<>(List.of("Russia’s role in the CIS's economic integration",
                "The U.S.A. and e-mail addresses like a.b@example.org, 3.5% of GDP, 1,000 roubles",
                "Don't STOP: the quick-brown foxes were running; isn't it? Über-naïve café «quoted»",
                "Nuclear—non-proliferation treaties (NPT) of 1968/1970 and the C++ & C# languages"));
        DOCUMENT.paragraphs().forEach(p -> texts.add(p.text()));
        DOCUMENT.sections().forEach(texts::add);
        try (SolrNodes nodes = new SolrNodes(target)) {
            for (String text : texts) {
                FieldAnalysisRequest request = new FieldAnalysisRequest().addFieldType("paragraph_text").setFieldValue(text);
                FieldAnalysisResponse response = nodes.request("analysis", request, target.collection());
                AnalysisResponseBase.AnalysisPhase last = null;
                for (AnalysisResponseBase.AnalysisPhase phase : response.getFieldTypeAnalysis("paragraph_text").getIndexPhases()) {
                    last = phase;
                }
                List<String> solr = last.getTokens().stream().map(AnalysisResponseBase.TokenInfo::getText).toList();
                assertEquals(TextAnalysis.terms(text), solr, text);
            }
        }
    }

    @Test
    @Order(3)
    void top_five_for_every_dev_question_equals_the_in_process_index() throws Exception {
        List<String> questions = devQuestions();
        int same = 0;
        List<String> differences = new ArrayList<>();
        try (ParagraphSearch lucene = LuceneParagraphSearch.build(DOCUMENT, RetrievalSettings.BM25);
             SolrParagraphSearch solr = SolrParagraphSearch.open(target, DOCUMENT, RetrievalSettings.BM25)) {
            long start = System.nanoTime();
            solr.index();
            assertEquals(new IndexStatus("solr", true), solr.status());
            System.out.printf("SolrCloudIT: indexed %d paragraphs in %d ms%n", DOCUMENT.paragraphs().size(),
                    (System.nanoTime() - start) / 1_000_000);
            long before = solr.requests();
            solr.search("What role should the ruble play in trade?", 5);
            assertEquals(before + 2, solr.requests(), "a new question: its terms' counts in one request, then the search");
            solr.search("What role should the ruble play in trade?", 5);
            assertEquals(before + 3, solr.requests(), "asked again: the search alone");
            for (String question : questions) {
                List<Hit> expected = lucene.search(question, 5);
                List<Hit> actual = solr.search(question, 5);
                // the same paragraphs in the same order with the same BM25 scores, to the float
                if (scored(expected).equals(scored(actual))) {
                    same++;
                } else {
                    differences.add(question + ": in-process " + scored(expected) + ", Solr " + scored(actual));
                }
            }
        }
        System.out.printf("SolrCloudIT: top-5 parity (labels, order and scores) %d/%d on eval/dev.jsonl%n", same,
                questions.size());
        differences.forEach(d -> System.out.println("SolrCloudIT: differs: " + d));
        assertTrue(questions.size() >= 50, "eval/dev.jsonl read");
        assertEquals(List.of(), differences);
    }

    /**
     * Hybrid retrieval (the default): the paragraphs' embeddings in the collection, their nearest
     * neighbours to each question fused with BM25's ranking as in process, so the same top 5 with the same
     * fused scores for every dev question.
     */
    @Test
    @Order(4)
    void hybrid_top_five_for_every_dev_question_equals_the_in_process_index() throws Exception {
        Embedder embedder = new CachingEmbedder(OnnxEmbedder.shared(), 10_000);
        int same = 0;
        List<String> differences = new ArrayList<>();
        List<String> questions = devQuestions();
        try (ParagraphSearch lucene = LuceneParagraphSearch.build(DOCUMENT, RetrievalSettings.HYBRID, embedder);
             SolrParagraphSearch solr = SolrParagraphSearch.open(target, DOCUMENT, RetrievalSettings.HYBRID, embedder)) {
            solr.index();
            for (String question : questions) {
                List<String> expected = scored(lucene.search(question, 5));
                List<String> actual = scored(solr.search(question, 5));
                if (expected.equals(actual)) {
                    same++;
                } else {
                    differences.add(question + ": in-process " + expected + ", Solr " + actual);
                }
            }
        }
        System.out.printf("SolrCloudIT: hybrid top-5 parity (labels, order and fused scores) %d/%d on eval/dev.jsonl%n",
                same, questions.size());
        differences.forEach(d -> System.out.println("SolrCloudIT: differs: " + d));
        assertTrue(questions.size() >= 50, "eval/dev.jsonl read");
        assertEquals(List.of(), differences);
    }

    @Test
    @Order(5)
    void stopping_a_node_mid_load_loses_no_answer() throws Exception {
        List<String> questions = List.of("What role should the ruble play?", "How should Russians living in the former "
                + "Soviet republics be helped to adjust?", "Which parliamentary body should help bring national economic "
                + "systems closer together?", "What is the main goal of Russia's policy towards the CIS?");
        try (ParagraphSearch lucene = LuceneParagraphSearch.build(DOCUMENT, RetrievalSettings.BM25);
             SolrParagraphSearch solr = SolrParagraphSearch.open(target, DOCUMENT, RetrievalSettings.BM25)) {
            Rankings.keptWhileANodeStops(cloud, "SolrCloudIT", questions, q -> solr.search(q, 5),
                    q -> scored(lucene.search(q, 5)));
        }
    }

    @Test
    @Order(6)
    void the_command_line_sets_up_a_collection_and_answers_from_it_as_in_process() {
        String urls = String.join(",", cloud.urls());
        assertEquals(0, run("solr", "init", "--solr-url", urls, "--solr-collection", "paracite-cli", "--shards", "1"));
        assertEquals("created collection paracite-cli: 1 shard of 2 replicas\n", out.toString());
        assertEquals(0, run("solr", "init", "--solr-url", urls, "--solr-collection", "paracite-cli"));
        assertEquals("collection paracite-cli exists; left as it is (shards and replicas unchanged)\n", out.toString());
        String question = "What role should the ruble play?";
        assertEquals(0, run("ask", "--retrieval", "bm25", question));
        String inProcess = out.toString();
        assertEquals(0, run("ask", "--index", "solr", "--retrieval", "bm25", "--solr-url", urls,
                "--solr-collection", "paracite-cli", question));
        assertEquals(inProcess, out.toString());
        assertTrue(inProcess.contains("reserve currency [8]."), inProcess);
        // hybrid retrieval, the default, likewise
        assertEquals(0, run("ask", question));
        String hybridInProcess = out.toString();
        assertEquals(0, run("ask", "--index", "solr", "--solr-url", urls, "--solr-collection", "paracite-cli", question));
        assertEquals(hybridInProcess, out.toString());
    }

    /**
     * The SQuAD dev part, article by article (each alone in the collection, as each is alone in its
     * in-process index: BM25's statistics are the collection's): every question's top 5 compared. One
     * difference is allowed for, and only where near-synonyms stand in for a question word: Lucene's
     * SynonymQuery blends the statistics of just those synonyms the shard itself holds (it checks the
     * local document frequency before asking for the global one), so with a synonym only on the other
     * shard its idf differs there. At least 99% must be equal (issue 13), every difference so explained.
     */
    @Test
    @Order(7)
    void top_five_for_the_squad_dev_part_equals_the_in_process_index() {
        Path squad = Path.of("../shared/datasets/squad2-dev-part");
        // as the other SQuAD tests: skipped where shared/ is not beside the project (.ci/run insists on it)
        Assumptions.assumeTrue(Files.isDirectory(squad.resolve("articles")), "shared datasets not beside the project");
        SolrTarget squadTarget = SolrTarget.of(cloud.urls(), "paracite-squad");
        try (SolrCollections collections = new SolrCollections(squadTarget)) {
            collections.init(2, 1);
        }
        int questions = 0;
        int same = 0;
        List<String> differences = new ArrayList<>();
        List<String> unexplained = new ArrayList<>();
        long start = System.nanoTime();
        try (SolrNodes nodes = new SolrNodes(squadTarget)) {
            for (EvalCase article : SquadSet.load(squad, 1)) {
                UpdateRequest clear = new UpdateRequest();
                clear.deleteByQuery("*:*"); // Solr drops every segment: no statistics of the last article remain
                clear.setAction(UpdateRequest.ACTION.COMMIT, true, true);
                nodes.request("clearing", clear, squadTarget.collection());
                try (ParagraphSearch lucene = LuceneParagraphSearch.build(article.document(), RetrievalSettings.BM25);
                     SolrParagraphSearch solr = SolrParagraphSearch.open(squadTarget, article.document(), RetrievalSettings.BM25)) {
                    solr.index();
                    for (EvalQuestion q : article.questions()) {
                        questions++;
                        List<String> expected = scored(lucene.search(q.question(), 5));
                        List<String> actual = scored(solr.search(q.question(), 5));
                        if (expected.equals(actual)) {
                            same++;
                        } else {
                            String difference = q.id() + " " + lucene.terms().ofQuestion(q.question()) + ": in-process "
                                    + expected + ", Solr " + actual;
                            differences.add(difference);
                            if (lucene.terms().ofQuestion(q.question()).stream().allMatch(t -> t.alternatives().isEmpty())) {
                                unexplained.add(difference);
                            }
                        }
                    }
                }
            }
        }
        System.out.printf("SolrCloudIT: top-5 parity (labels, order and scores) %d/%d on the SQuAD dev part, %d s%n", same,
                questions, (System.nanoTime() - start) / 1_000_000_000);
        differences.stream().limit(20).forEach(d -> System.out.println("SolrCloudIT: differs: " + d));
        assertTrue(questions > 1000, "SQuAD questions read: " + questions);
        assertEquals(List.of(), unexplained, "differences without near-synonyms");
        assertTrue(same >= 0.99 * questions, same + " of " + questions);
    }

    /** Last: it stops the whole cluster. The server never hangs, says what is wrong, and recovers by itself. */
    @Test
    @Order(8)
    void a_server_on_solr_reports_the_outage_and_recovers_when_solr_returns() throws Exception {
        ModelChoice choice = new ModelChoice(CommandLine.populateCommand(new ModelOptions()), "bm25", null,
                new IndexChoice("solr", cloud.urls(), target.collection(), null));
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        try (Server server = Server.start(Main.assistant(DOCUMENT, choice), "127.0.0.1", 0)) {
            String base = "http://127.0.0.1:" + server.port();
            assertEquals("ok solr", health(client, base));
            assertEquals(200, ask(client, base).statusCode());
            cloud.stopNode(0);
            cloud.stopNode(1);
            long start = System.nanoTime();
            HttpResponse<String> down = ask(client, base);
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertEquals(503, down.statusCode(), down.body());
            assertTrue(down.body().contains("\"index_unavailable\""), down.body());
            assertTrue(millis < 10_000, "the ask took " + millis + " ms");
            assertEquals("degraded solr", health(client, base));
            // a server may also start while Solr is down: it answers once Solr is back
            try (Server late = Server.start(Main.assistant(DOCUMENT, choice), "127.0.0.1", 0)) {
                String lateBase = "http://127.0.0.1:" + late.port();
                assertEquals("degraded solr", health(client, lateBase));
                assertEquals(503, ask(client, lateBase).statusCode());
                cloud.startNode(0);
                cloud.startNode(1);
                long until = System.nanoTime() + 120_000_000_000L;
                int status;
                while ((status = ask(client, lateBase).statusCode()) != 200 && System.nanoTime() < until) {
                    assertEquals(503, status, "while the replicas recover");
                    Thread.sleep(500);
                }
                assertEquals(200, ask(client, lateBase).statusCode());
            }
            long until = System.nanoTime() + 120_000_000_000L;
            while (!health(client, base).equals("ok solr") && System.nanoTime() < until) {
                Thread.sleep(500);
            }
            // the replicas may still be recovering when the nodes answer again: 503 meanwhile, never 500
            int status = 0;
            while ((status = ask(client, base).statusCode()) != 200 && System.nanoTime() < until) {
                assertEquals(503, status);
                Thread.sleep(500);
            }
            System.out.printf("SolrCloudIT: ask failed in %d ms with both nodes down; answered again %d s after both were back%n",
                    millis, 120 - (until - System.nanoTime()) / 1_000_000_000);
            assertEquals(200, status);
        }
    }

    private static String health(HttpClient client, String base) throws Exception {
        HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(base + "/api/health"))
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        var json = Json.tree(r.body());
        return json.get("status").asText() + " " + json.get("index").asText();
    }

    private static HttpResponse<String> ask(HttpClient client, String base) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(base + "/api/ask")).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"question\": \"What role should the ruble play?\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    private int run(String... args) {
        out.reset();
        return Cli.run(args, Map.of(), new PrintStream(out, true, StandardCharsets.UTF_8), System.err, Main::assistant,
                (assistant, server) -> 0);
    }

    private static List<String> devQuestions() {
        return EvalSet.load(Path.of("eval/dev.jsonl")).stream().map(EvalQuestion::question).toList();
    }

    private static List<String> scored(List<Hit> hits) {
        return Rankings.scored(hits);
    }
}
