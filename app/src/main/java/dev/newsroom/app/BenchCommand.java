package dev.newsroom.app;

import dev.newsroom.app.bench.BenchResult;
import dev.newsroom.app.bench.E2eBenchmark;
import dev.newsroom.app.internal.IndexBenchmark;
import dev.newsroom.embedded.ElasticsearchSettings;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
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

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        if (kind == Kind.index) {
            return index(err);
        }
        if (kind != Kind.e2e) {
            err.println("newsroom bench " + kind + ": not implemented yet (" + owner(kind) + ")");
            err.flush();
            return Newsroom.BAD_INPUT;
        }
        if (!Files.isRegularFile(corpus)) {
            throw new BadInputException("No corpus at " + corpus + ": pass --corpus FILE.jsonl (one article a line with title, text, site)");
        }
        Path dataDir = Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "newsroom-bench-",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        try {
            E2eBenchmark.Settings settings;
            try {
                settings = new E2eBenchmark.Settings(corpus, articles, itemsPerFeed, samples, dataDir, distribution());
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
        if (articles < 1) {
            throw new BadInputException("--articles must be at least 1, was " + articles);
        }
        IndexBenchmark.Result result = IndexBenchmark.run(articles, corpus, distribution(), err);
        PrintWriter out = spec.commandLine().getOut();
        out.print(json ? result.toJson() + System.lineSeparator() : result.toTable());
        out.flush();
        return 0;
    }

    private static String owner(Kind kind) {
        return switch (kind) {
            case ingest -> "issue 3, the feed poller";
            case dedup -> "issue 4, stories";
            case index -> "issue 6, the indexer";
            case e2e -> "issue 8, benchmarks";
        };
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
