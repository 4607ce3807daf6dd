package dev.paracite.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs the JMH benchmarks of this package and writes target/bench/jmh.json; with the argument
 * {@code profile}, runs the extractive pipeline under JMH's stack sampler instead (where the time goes).
 */
public final class Jmh {

    private Jmh() {}

    public static void main(String[] args) throws Exception {
        Files.createDirectories(Path.of("target/bench"));
        boolean profile = args.length > 0 && args[0].equals("profile");
        new Runner(new OptionsBuilder()
                .include(profile ? ".*extractivePipeline" : ".*Benchmark")
                .addProfiler(profile ? org.openjdk.jmh.profile.StackProfiler.class : org.openjdk.jmh.profile.GCProfiler.class,
                        profile ? "lines=1;top=12" : "")
                .forks(1).warmupIterations(3).warmupTime(TimeValue.seconds(2))
                .measurementIterations(5).measurementTime(TimeValue.seconds(2))
                .resultFormat(ResultFormatType.JSON).result(profile ? "target/bench/jmh-profile.json" : "target/bench/jmh.json")
                .build()).run();
    }
}
