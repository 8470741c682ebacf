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

    @Command(name = "feeds", description = "Manage subscriptions: add, remove, list, import, export, status.",
            subcommands = {Feeds.Add.class, Feeds.Remove.class, Feeds.ListFeeds.class, Feeds.Import.class, Feeds.Export.class, Feeds.Status.class})
    public static final class Feeds extends FeedsCommand {

        @Command(name = "add", description = "Subscribe to a feed.")
        static final class Add extends FeedsCommand {
            @Parameters(paramLabel = "URL") String url;
            @Option(names = "--name") String name;
        }

        @Command(name = "remove", description = "Unsubscribe from a feed.")
        static final class Remove extends FeedsCommand {
            @Parameters(paramLabel = "URL") String url;
        }

        @Command(name = "list", description = "List subscriptions.")
        static final class ListFeeds extends FeedsCommand {}

        @Command(name = "import", description = "Subscribe to every feed of an OPML file.")
        static final class Import extends FeedsCommand {
            @Parameters(paramLabel = "FILE.opml") Path file;
        }

        @Command(name = "export", description = "Write the subscriptions as OPML.")
        static final class Export extends FeedsCommand {}

        @Command(name = "status", description = "Show the health of each feed.")
        static final class Status extends FeedsCommand {}
    }

    /** The feeds commands belong to the feed poller's issue. */
    abstract static class FeedsCommand extends NotImplemented {
        @Override
        protected String owner() {
            return "issue 3, the feed poller";
        }
    }

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
        @Option(names = "--articles", paramLabel = "N", description = "Articles measured (dedup: default 2000).") Integer articles;
        @Option(names = "--prior", paramLabel = "N", description = "dedup: articles in state before measuring (default 10000).") Integer prior;
        @Option(names = "--broker", description = "dedup: measure on an embedded broker instead of offline.") boolean broker;
        @Option(names = "--json") boolean json;

        @Override
        public Integer call() {
            if (kind != BenchKind.dedup) {
                return super.call();
            }
            DedupBench bench = new DedupBench(prior == null ? 10_000 : prior, articles == null ? 2_000 : articles);
            var result = broker ? bench.onBroker() : bench.offline();
            var out = spec.commandLine().getOut();
            if (json) {
                out.println(result.toString());
            } else {
                out.printf("dedup (%s): %d articles with %d prior in state: %.1f articles/s%s, peak heap %d MB%n",
                        result.get("mode").asText(), result.get("articles").asInt(), result.get("prior_articles").asInt(),
                        result.get("throughput_per_s").asDouble(),
                        result.has("latency_ms") ? ", latency p50 " + result.at("/latency_ms/p50").asDouble() + " ms p99 "
                                + result.at("/latency_ms/p99").asDouble() + " ms" : "",
                        result.get("peak_heap_mb").asLong());
            }
            out.flush();
            return 0;
        }

        @Override
        protected String owner() {
            return "issue 8, benchmarks";
        }
    }

    /** The stages the benchmark measures. */
    public enum BenchKind { e2e, ingest, dedup, index }
}
