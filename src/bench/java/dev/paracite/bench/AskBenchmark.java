package dev.paracite.bench;

import dev.paracite.Main;
import dev.paracite.llm.ModelSettings;
import dev.paracite.assistant.Assistant;
import dev.paracite.assistant.Draft;
import dev.paracite.assistant.ScriptedModel;
import dev.paracite.assistant.Question;
import dev.paracite.corpus.Document;
import dev.paracite.corpus.DocumentLoader;
import dev.paracite.eval.EvalQuestion;
import dev.paracite.eval.EvalSet;
import dev.paracite.retrieval.LuceneParagraphSearch;
import dev.paracite.retrieval.RetrievalSettings;
import dev.paracite.retrieval.Retriever;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The ask path on the built-in document with BM25 retrieval, piece by piece: retrieval (top 5), the whole extractive
 * pipeline, and the grounding check of a model's answer. Questions cycle through the answerable
 * core dev questions.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class AskBenchmark {

    static final String ANSWER = "The ruble should become a reserve currency [8]. Borders are protected jointly [13, 14]. "
            + "Invented [42]. Security [12-14]. Unretrieved [3].";

    private LuceneParagraphSearch search;
    private Retriever retriever;
    private Assistant assistant;
    private List<String> questions;
    private Assistant grounding;
    private int next;

    @Setup
    public void setUp() {
        Document document = DocumentLoader.builtIn();
        // the BM25 path, which issue 17's goals are set on (hybrid adds one question embedding: EmbeddingLatency)
        search = LuceneParagraphSearch.build(document, RetrievalSettings.BM25);
        retriever = new Retriever(document, search);
        assistant = Main.assistant(document, ModelSettings.extractive(), RetrievalSettings.BM25);
        questions = EvalSet.load(Path.of("eval/dev.jsonl")).stream().filter(q -> q.core() && q.answerable())
                .map(EvalQuestion::question).toList();
        grounding = new Assistant(retriever, ScriptedModel.answering(request -> Draft.answer(ANSWER)), assistant.support());
    }

    @TearDown
    public void tearDown() {
        search.close();
    }

    private String question() {
        next = (next + 1) % questions.size();
        return questions.get(next);
    }

    @Benchmark
    public Object retrieveTop5() {
        return retriever.retrieve(question(), 5);
    }

    @Benchmark
    public Object extractivePipeline() {
        return assistant.ask(Question.of(question()));
    }

    /** Retrieval, then the grounding check of a five-statement model answer (citations, support, spans). */
    @Benchmark
    public Object groundedModelAnswer() {
        return grounding.ask(Question.of(GROUNDING_QUESTION));
    }

    static final String GROUNDING_QUESTION = "What role should the ruble play, and how are the borders protected?";
}
