package dev.newsroom.app;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.newsroom.app.bench.BenchResult;
import dev.newsroom.app.bench.E2eBenchmark;
import dev.newsroom.app.internal.DedupBench;
import dev.newsroom.app.internal.IndexBenchmark;
import dev.newsroom.app.internal.IngestBench;
import dev.newsroom.embedded.ElasticsearchSettings;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code newsroom bench}: measures the pipeline, a table for people or one JSON object with
 * {@code --json}; a progress line on stderr while it runs. A benchmark, not a test: it asserts
 * nothing, it reports.
 */
@Command(name = "bench", description = "Measure the pipeline: e2e, ingest, dedup or index.")
final class BenchCommand implements Callable<Integer> {
    /** The stages the benchmark measures. */
    enum Kind { e2e, ingest, dedup, index }

    @Spec CommandSpec spec;

    @Parameters(paramLabel = "e2e|ingest|dedup|index", description = "What to measure: ${COMPLETION-CANDIDATES}.")
    Kind kind;

    @Option(names = "--articles", paramLabel = "N", defaultValue = "2000", description = "Articles to send through (default ${DEFAULT-VALUE}).")
    int articles;

    @Option(names = "--json", description = "Print one JSON object instead of a table.")
    boolean json;

    @Option(names = "--corpus", paramLabel = "FILE.jsonl", defaultValue = "../shared/data/crossposts/articles.jsonl",
            description = "Real articles to serve (JSON Lines with title, text, site; default ${DEFAULT-VALUE}).")
    Path corpus;

    @Option(names = "--items-per-feed", paramLabel = "N", defaultValue = "50", description = "Items in each served feed (default ${DEFAULT-VALUE}).")
    int itemsPerFeed;

    @Option(names = "--samples", paramLabel = "N", defaultValue = "500", description = "Articles whose latency is measured one by one (default ${DEFAULT-VALUE}).")
    int samples;

    @Option(names = "--warmup", paramLabel = "N", defaultValue = "1000",
            description = "e2e: articles sent through first and not measured, so that the JVM has compiled the hot code (default ${DEFAULT-VALUE}; 0 measures a cold start).")
    int warmup;

    @Option(names = "--prior", paramLabel = "N", defaultValue = "10000", description = "dedup: articles in state before measuring (default ${DEFAULT-VALUE}).")
    int prior;

    @Option(names = "--story-size", paramLabel = "N", defaultValue = "0",
            description = "dedup: copies per story, to measure big stories (default ${DEFAULT-VALUE}: copies of random earlier articles, stories of about two).")
    int storySize;

    @Option(names = "--feeds", paramLabel = "N", defaultValue = "2000", description = "ingest: feeds served on loopback (default ${DEFAULT-VALUE}).")
    int feeds;

    @Option(names = "--broker", description = "dedup: measure on the embedded broker instead of offline.")
    boolean broker;

    @Option(names = "--recover", description = "dedup --broker: restart the streams service on empty local state after the prior articles, "
            + "as a failover does, and report how long it took to restore its state and take new articles (recovery_s).")
    boolean recover;

    @Option(names = "--set", paramLabel = "KEY=VALUE",
            description = "e2e and dedup: a setting for the pipeline under test, e.g. --set streams.threads=2 (repeatable).")
    List<String> settings = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        if (articles < 1 || prior < 0 || feeds < 1 || storySize < 0) {
            throw new BadInputException("Invalid value for --articles (at least 1), --prior (at least 0), --feeds (at least 1) or --story-size (at least 0): "
                    + articles + ", " + prior + ", " + feeds + ", " + storySize);
        }
        switch (kind) {
            case index:
                return index(err);
            case dedup:
                return dedup();
            case ingest:
                return IngestBench.run(feeds, json, spec.commandLine().getOut());
            default:
                break;
        }
        if (!Files.isRegularFile(corpus)) {
            throw new BadInputException("No corpus at " + corpus + ": pass --corpus FILE.jsonl (one article a line with title, text, site)");
        }
        Path dataDir = Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "newsroom-bench-",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        try {
            E2eBenchmark.Settings settings;
            try {
                settings = new E2eBenchmark.Settings(corpus, articles, itemsPerFeed, samples, warmup, dataDir, distribution(),
                        SettingFlags.parse(this.settings));
            } catch (IllegalArgumentException e) {
                throw new BadInputException(e.getMessage(), e);
            }
            BenchResult result = E2eBenchmark.run(settings, line -> {
                err.println(line);
                err.flush();
            });
            PrintWriter out = spec.commandLine().getOut();
            out.println(json ? result.toJson() : result.toTable());
            out.flush();
            return 0;
        } finally {
            deleteQuietly(dataDir);
        }
    }

    /** {@code bench index}: the indexer against a raw {@code _bulk} loader (see {@link IndexBenchmark}). */
    private Integer index(PrintWriter err) throws Exception {
        if (!Files.isRegularFile(corpus)) {
            throw new BadInputException("No corpus at " + corpus + ": pass --corpus FILE.jsonl (one article a line with title, text, site)");
        }
        IndexBenchmark.Result result = IndexBenchmark.run(articles, corpus, distribution(), err);
        PrintWriter out = spec.commandLine().getOut();
        out.print(json ? result.toJson() + System.lineSeparator() : result.toTable());
        out.flush();
        return 0;
    }

    /** {@code bench dedup}: synthetic articles through the real topology, offline or on the embedded broker (see {@link DedupBench}). */
    private Integer dedup() {
        DedupBench bench = new DedupBench(prior, articles, SettingFlags.parse(settings), storySize);
        ObjectNode result = broker ? bench.onBroker(recover) : bench.offline();
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(result.toString());
        } else {
            out.printf("dedup (%s): %d articles with %d prior in state: %.1f articles/s%s%s, peak heap %d MB%n",
                    result.get("mode").asText(), result.get("articles").asInt(), result.get("prior_articles").asInt(),
                    result.get("throughput_per_s").asDouble(),
                    result.has("latency_ms") ? ", latency p50 " + result.at("/latency_ms/p50").asDouble() + " ms p99 "
                            + result.at("/latency_ms/p99").asDouble() + " ms" : "",
                    result.has("recovery_s") ? ", recovered in " + result.get("recovery_s").asDouble() + " s" : "",
                    result.get("peak_heap_mb").asLong());
        }
        out.flush();
        return 0;
    }

    private static Path distribution() {
        Path zip = BuildInfo.elasticsearchZip();
        return zip != null ? zip : ElasticsearchSettings.defaultDistribution();
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (java.io.IOException e) {
            // a leftover temp directory is harmless; the run's result is what matters
        }
    }
}
