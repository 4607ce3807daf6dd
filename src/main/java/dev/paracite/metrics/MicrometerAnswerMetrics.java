package dev.paracite.metrics;

import dev.paracite.assistant.AnswerMetrics;
import dev.paracite.assistant.Outcome;
import dev.paracite.assistant.Response;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Answers and model calls as Micrometer meters: answers by outcome, answers in flight, retrieval time,
 * citations and statements the check dropped (by reason), and per provider its calls (by result, timed),
 * retries and tokens. Meters are made once per tag value and reused.
 */
final class MicrometerAnswerMetrics implements AnswerMetrics {

    private final MeterRegistry registry;
    private final AtomicInteger inFlight = new AtomicInteger();
    /** Answers by outcome: the response's ({@code answered}, ...) or how it failed ({@code abandoned}, ...). */
    private final Map<String, Counter> answers = new ConcurrentHashMap<>();
    private final Timer retrieval;
    private final Map<String, Counter> droppedCitations = new ConcurrentHashMap<>();
    private final Map<String, Counter> droppedStatements = new ConcurrentHashMap<>();
    /** Made once, so that looking a counter up on each answer allocates nothing. */
    private final Function<String, Counter> newAnswer;
    private final Function<String, Counter> newDroppedCitation;
    private final Function<String, Counter> newDroppedStatement;
    private final Map<String, Map<String, Timer>> calls = new ConcurrentHashMap<>();
    private final Map<String, Counter> retries = new ConcurrentHashMap<>();
    private final Map<String, Counter> inputTokens = new ConcurrentHashMap<>();
    private final Map<String, Counter> outputTokens = new ConcurrentHashMap<>();

    MicrometerAnswerMetrics(MeterRegistry registry) {
        this.registry = registry;
        Gauge.builder("paracite.answers.in.flight", inFlight, AtomicInteger::get)
                .description("Answers being written now").strongReference(true).register(registry);
        this.retrieval = Timer.builder("paracite.retrieval").description("Time to retrieve the paragraphs for a question")
                .serviceLevelObjectives(Buckets.RETRIEVAL).register(registry);
        this.newAnswer = o -> counter("paracite.answers", "Answers by outcome", "outcome", o);
        this.newDroppedCitation = r -> counter("paracite.citations.dropped", "Citations the grounding check removed, by reason",
                "reason", r);
        this.newDroppedStatement = r -> counter("paracite.statements.dropped", "Statements the grounding check withheld, "
                + "by reason", "reason", r);
        // every outcome from the start, at 0, so that rates and ratios exist before the first of each
        Stream.concat(Arrays.stream(Outcome.values()).map(Outcome::wire), Stream.of(MODEL_UNAVAILABLE, ABANDONED, ERROR))
                .forEach(o -> Meters.cached(answers, o, newAnswer));
    }

    @Override
    public void started() {
        inFlight.incrementAndGet();
    }

    @Override
    public void answered(Response response) {
        inFlight.decrementAndGet();
        Meters.cached(answers, response.outcome().wire(), newAnswer).increment();
        retrieval.record(Math.round(response.timings().retrievalMs() * 1_000_000), TimeUnit.NANOSECONDS);
        if (response.droppedCitations() != null) {
            for (Response.DroppedCitation dropped : response.droppedCitations()) {
                Meters.cached(droppedCitations, dropped.reason(), newDroppedCitation).increment();
            }
        }
        if (response.droppedStatements() != null) {
            for (Response.DroppedStatement dropped : response.droppedStatements()) {
                Meters.cached(droppedStatements, dropped.reason(), newDroppedStatement).increment();
            }
        }
    }

    @Override
    public void failed(String outcome) {
        inFlight.decrementAndGet();
        Meters.cached(answers, outcome, newAnswer).increment();
    }

    @Override
    public void modelCall(String provider, String result, long nanos) {
        Meters.cached(Meters.cached(calls, provider, p -> new ConcurrentHashMap<>()), result,
                r -> Timer.builder("paracite.model.calls").description("Tries of calls to the model provider, by result")
                        .tags("provider", provider, "result", r).serviceLevelObjectives(Buckets.MODEL).register(registry))
                .record(nanos, TimeUnit.NANOSECONDS);
    }

    @Override
    public void retried(String provider) {
        Meters.cached(retries, provider, p -> counter("paracite.model.retries", "Model calls tried again", "provider", p))
                .increment();
    }

    @Override
    public void tokens(String provider, long input, long output) {
        tokenCounter(inputTokens, provider, "input").increment(input);
        tokenCounter(outputTokens, provider, "output").increment(output);
    }

    private Counter tokenCounter(Map<String, Counter> counters, String provider, String type) {
        Function<String, Counter> make = p -> Counter.builder("paracite.model.tokens")
                .description("Tokens the provider reported: input (the prompt) and output (the reply)")
                .tags("provider", p, "type", type).register(registry);
        return Meters.cached(counters, provider, make);
    }

    private Counter counter(String name, String description, String tag, String value) {
        return Counter.builder(name).description(description).tags(tag, value).register(registry);
    }
}
