package dev.newsroom.app.internal;

import java.nio.file.Path;
import picocli.CommandLine.Command;
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

    @Command(name = "tag", description = "Tag a JSON Lines file of articles with topics, regions, countries and language.")
    public static final class Tag extends NotImplemented {
        @Option(names = "--input", required = true, paramLabel = "FILE.jsonl") Path input;
        @Option(names = "--output", required = true, paramLabel = "FILE.jsonl") Path output;

        @Override
        protected String owner() {
            return "issue 5, topic tags";
        }
    }
}
