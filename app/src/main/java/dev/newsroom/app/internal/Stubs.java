package dev.newsroom.app.internal;

import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The commands of the contract that later issues build. Their options are declared now, so the
 * contract is visible in {@code --help} and scripts get a usage error for a wrong flag already.
 */
public final class Stubs {
    private Stubs() {}

    @Command(name = "story", description = "Show one story with all its copies.")
    public static final class Story extends NotImplemented {
        @Parameters(paramLabel = "ID") String id;
        @Option(names = "--json") boolean json;
        @Mixin ElasticsearchOptions elasticsearch;

        @Override
        protected String owner() {
            return "issue 6, the indexer and search";
        }
    }

    @Command(name = "dedup", description = "Fold cross-posted copies in a JSON Lines file of articles into stories.")
    public static final class Dedup extends NotImplemented {
        @Option(names = "--input", required = true, paramLabel = "FILE.jsonl") Path input;
        @Option(names = "--output", required = true, paramLabel = "FILE.jsonl") Path output;

        @Override
        protected String owner() {
            return "issue 4, stories";
        }
    }

    @Command(name = "tag", description = "Tag a JSON Lines file of articles with topics, regions, countries and language.")
    public static final class Tag extends NotImplemented {
        @Option(names = "--input", required = true, paramLabel = "FILE.jsonl") Path input;
        @Option(names = "--output", required = true, paramLabel = "FILE.jsonl") Path output;

        @Override
        protected String owner() {
            return "issue 5, topic tags";
        }
    }

    @Command(name = "bench", description = "Measure the pipeline: e2e, ingest, dedup or index.")
    public static final class Bench extends NotImplemented {
        @Parameters(paramLabel = "e2e|ingest|dedup|index") BenchKind kind;
        @Option(names = "--articles", paramLabel = "N") Integer articles;
        @Option(names = "--json") boolean json;
        @Option(names = "--feeds", paramLabel = "N", description = "ingest: how many feeds are served on loopback (default 2000).")
        Integer feeds;

        @Override
        public Integer call() {
            if (kind != BenchKind.ingest) {
                return super.call();
            }
            try {
                return IngestBench.run(feeds == null ? 2_000 : feeds, json, spec.commandLine().getOut());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return 1;
            } catch (Exception e) {
                spec.commandLine().getErr().println("newsroom bench ingest: " + e.getMessage());
                return 1;
            }
        }

        @Override
        protected String owner() {
            return "issue 8, benchmarks";
        }
    }

    /** The stages the benchmark measures. */
    public enum BenchKind { e2e, ingest, dedup, index }
}
