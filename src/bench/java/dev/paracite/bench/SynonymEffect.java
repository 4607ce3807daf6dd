package dev.paracite.bench;

import dev.paracite.assistant.Assistant;
import dev.paracite.assistant.FollowUp;
import dev.paracite.corpus.Document;
import dev.paracite.corpus.DocumentLoader;
import dev.paracite.eval.EvalCase;
import dev.paracite.eval.EvalQuestion;
import dev.paracite.eval.EvalRunner;
import dev.paracite.eval.EvalSet;
import dev.paracite.eval.QuestionResult;
import dev.paracite.eval.Report;
import dev.paracite.eval.SquadSet;
import dev.paracite.extractive.ExtractiveModel;
import dev.paracite.grounding.Support;
import dev.paracite.grounding.SupportSettings;
import dev.paracite.retrieval.LuceneParagraphSearch;
import dev.paracite.retrieval.QueryTerm;
import dev.paracite.retrieval.RetrievalSettings;
import dev.paracite.retrieval.Retriever;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * What synonyms.txt does on each set, tuning and held out: the whole pipeline with and without it, and
 * for every group that stood in for a question word, on how many questions it did and how many of
 * those passed with it and without it. Writes target/bench/synonyms.json.
 */
public final class SynonymEffect {

    private SynonymEffect() {}

    public static void main(String[] args) {
        Path squad = Path.of(args.length > 0 ? args[0] : "../shared/datasets").resolve("squad2-dev-part");
        DiskCachedEmbedder embedder = new DiskCachedEmbedder(Models.load("bge-small-en-v1.5-q"));
        Map<String, List<EvalCase>> sets = new LinkedHashMap<>();
        sets.put("dev (tuning)", List.of(new EvalCase(DocumentLoader.builtIn(), EvalSet.load(Path.of("eval/dev.jsonl")))));
        sets.put("squad 0-4 (tuning)", SquadSet.load(squad, 1, 0, 4));
        sets.put("squad 5-9 (held out)", SquadSet.load(squad, 1, 5, 9));
        sets.put("records policy (held out)", List.of(new EvalCase(DocumentLoader.load(Path.of("eval/records-retention-policy.txt")),
                EvalSet.load(Path.of("eval/records-retention-policy.jsonl")))));
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<String, List<EvalCase>> set : sets.entrySet()) {
            Report with = run(set.getValue(), RetrievalSettings.DEFAULT, embedder);
            Report without = run(set.getValue(), RetrievalSettings.DEFAULT.withSynonyms(false), embedder);
            Map<String, int[]> groups = new TreeMap<>();
            for (EvalCase c : set.getValue()) {
                try (LuceneParagraphSearch search = LuceneParagraphSearch.build(c.document(), RetrievalSettings.DEFAULT, embedder)) {
                    for (EvalQuestion q : c.questions()) {
                        String standalone = q.history().isEmpty() ? q.question() : FollowUp.INSTANCE.standalone(q.question(), q.history());
                        for (QueryTerm t : search.terms().ofQuestion(standalone)) {
                            if (!t.alternatives().isEmpty()) {
                                int[] n = groups.computeIfAbsent(t.term() + " -> " + t.alternatives(), k -> new int[3]);
                                n[0]++;
                                n[1] += passed(with, q) ? 1 : 0;
                                n[2] += passed(without, q) ? 1 : 0;
                            }
                        }
                    }
                }
            }
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("passedWith", with.overall().passed());
            row.put("passedWithout", without.overall().passed());
            List<String> fired = new ArrayList<>();
            groups.forEach((g, n) -> fired.add(g + ": " + n[0] + " questions, passed " + n[1] + " with, " + n[2] + " without"));
            row.put("groupsThatStoodIn", fired);
            out.put(set.getKey(), row);
            System.out.println(set.getKey() + ": " + row);
        }
        embedder.save();
        BenchJson.write("synonyms", out);
    }

    private static boolean passed(Report report, EvalQuestion q) {
        return report.questions().stream().filter(r -> r.id().equals(q.id())).anyMatch(QuestionResult::passed);
    }

    private static Report run(List<EvalCase> cases, RetrievalSettings retrieval, DiskCachedEmbedder embedder) {
        Function<Document, Assistant> assistants = document -> {
            LuceneParagraphSearch search = LuceneParagraphSearch.build(document, retrieval, embedder);
            return new Assistant(new Retriever(document, search), new ExtractiveModel(search.terms(), embedder),
                    null, FollowUp.INSTANCE, new Support(embedder, SupportSettings.DEFAULT));
        };
        return new EvalRunner(assistants, EvalRunner.Progress.NONE).run("synonyms", cases);
    }
}
