package dev.paracite.bench;

import dev.paracite.assistant.AnswerRequest;
import dev.paracite.assistant.FollowUp;
import dev.paracite.corpus.DocumentLoader;
import dev.paracite.eval.EvalCase;
import dev.paracite.eval.EvalQuestion;
import dev.paracite.eval.EvalSet;
import dev.paracite.eval.SquadSet;
import dev.paracite.extractive.Candidate;
import dev.paracite.extractive.ExtractiveModel;
import dev.paracite.retrieval.LuceneParagraphSearch;
import dev.paracite.retrieval.RetrievalSettings;
import dev.paracite.retrieval.Retriever;
import java.nio.file.Path;
import java.util.List;

/** Exploration: how often the ranker's best candidate answers, and how often any candidate does. Console. */
public final class RankerCheck {

    private RankerCheck() {}

    public static void main(String[] args) {
        Path squad = Path.of("../shared/datasets/squad2-dev-part");
        DiskCachedEmbedder embedder = new DiskCachedEmbedder(Models.load("bge-small-en-v1.5-q"));
        for (List<EvalCase> set : List.of(List.of(new EvalCase(DocumentLoader.builtIn(), EvalSet.load(Path.of("eval/dev.jsonl")))),
                SquadSet.load(squad, 1, 0, 4))) {
            int answerable = 0, top1 = 0, top3 = 0, any = 0, goldPara = 0;
            for (EvalCase c : set) {
                try (LuceneParagraphSearch search = LuceneParagraphSearch.build(c.document(), RetrievalSettings.DEFAULT, embedder)) {
                    Retriever retriever = new Retriever(c.document(), search);
                    ExtractiveModel model = new ExtractiveModel(search.terms(), embedder);
                    for (EvalQuestion q : c.questions()) {
                        if (!q.answerable()) {
                            continue;
                        }
                        answerable++;
                        String standalone = q.history().isEmpty() ? q.question() : FollowUp.INSTANCE.standalone(q.question(), q.history());
                        List<Candidate> cs = model.candidates(new AnswerRequest(q.question(), standalone, q.history(),
                                retriever.retrieve(standalone, 5))).candidates();
                        boolean hit1 = false, hit3 = false, hitAny = false;
                        for (int i = 0; i < cs.size(); i++) {
                            boolean ok = q.gold().contains(cs.get(i).label()) && ExtractiveTuning.answers(cs.get(i).text(), q.facts());
                            hit1 |= ok && i == 0;
                            hit3 |= ok && i < 3;
                            hitAny |= ok;
                        }
                        top1 += hit1 ? 1 : 0;
                        top3 += hit3 ? 1 : 0;
                        any += hitAny ? 1 : 0;
                        goldPara += !cs.isEmpty() && q.gold().contains(cs.get(0).label()) ? 1 : 0;
                    }
                }
            }
            System.out.printf("answerable %d: best candidate answers %.3f, in top 3 %.3f, any candidate %.3f, best in a gold paragraph %.3f%n",
                    answerable, top1 / (double) answerable, top3 / (double) answerable, any / (double) answerable,
                    goldPara / (double) answerable);
        }
        embedder.save();
    }
}
