package dev.newsroom.app;

import dev.newsroom.app.internal.ConnectionOptions;
import dev.newsroom.app.internal.TopicProvisioner;
import dev.newsroom.ingest.FeedList;
import dev.newsroom.ingest.FeedParseException;
import dev.newsroom.ingest.FeedSubscriptions;
import dev.newsroom.model.FeedState;
import dev.newsroom.model.FeedStatus;
import dev.newsroom.model.FeedSubscription;
import dev.newsroom.model.NewsTopics;
import dev.newsroom.model.config.ConfigSource;
import dev.newsroom.model.config.KafkaConnection;
import dev.newsroom.model.config.Names;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code newsroom feeds}: the subscriptions in the compacted feeds topic, changed and read from the
 * terminal. {@code list} and {@code export} read the topic to its end; {@code status} adds what the
 * pollers stored in the feed-state topic and the last day of the feed-status topic.
 */
@Command(name = "feeds", description = "Manage subscriptions: add, remove, list, import, export, status.",
        subcommands = {FeedsCommand.Add.class, FeedsCommand.Remove.class, FeedsCommand.ListFeeds.class,
            FeedsCommand.Import.class, FeedsCommand.Export.class, FeedsCommand.Status.class})
final class FeedsCommand implements Callable<Integer> {
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(60);

    @Spec CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return Newsroom.BAD_INPUT;
    }

    /** The shared part of every subcommand: the connection, the topics, the clock. */
    abstract static class Base implements Callable<Integer> {
        @Spec CommandSpec spec;
        @Mixin ConnectionOptions connection;
        final Clock clock = Clock.systemUTC();
        NewsTopics topics;
        KafkaConnection kafka;

        @Override
        public final Integer call() throws Exception {
            ConfigSource config = connection.config(Map.of());
            topics = Names.topics(config);
            kafka = KafkaConnection.from(config);
            TopicProvisioner.ensure(config, kafka, topics);
            int code = run(spec.commandLine().getOut());
            spec.commandLine().getOut().flush();
            return code;
        }

        abstract int run(PrintWriter out) throws Exception;

        List<FeedSubscription> subscriptions() {
            return FeedSubscriptions.list(kafka, topics, READ_TIMEOUT);
        }
    }

    @Command(name = "add", description = "Subscribe to a feed.")
    static final class Add extends Base {
        @Parameters(paramLabel = "URL", description = "The http(s) URL of the RSS or Atom document.") String url;
        @Option(names = "--name", paramLabel = "NAME", description = "A human name for the feed.") String name;
        @Option(names = "--full-text", description = "Fetch each new item's page (robots.txt permitting) and replace"
                + " an excerpt with the article's full text.") boolean fullText;

        @Override
        int run(PrintWriter out) throws InterruptedException {
            FeedSubscription feed;
            try {
                feed = FeedSubscription.of(url.strip(), name, clock.instant()).withFullText(fullText);
            } catch (IllegalArgumentException e) {
                throw new BadInputException("'" + url + "' is not a feed URL: " + e.getMessage(), e);
            }
            FeedSubscriptions.publish(kafka, topics, List.of(feed));
            out.println("Subscribed to " + feed.url() + " (" + feed.id() + ")" + (feed.fullText() ? ", with full-text fetch." : "."));
            return 0;
        }
    }

    @Command(name = "remove", description = "Unsubscribe from a feed (by URL or feed id).")
    static final class Remove extends Base {
        @Parameters(paramLabel = "URL", description = "The feed's URL as subscribed, or its id (f-...).") String url;

        @Override
        int run(PrintWriter out) throws InterruptedException {
            String wanted = url.strip();
            Optional<FeedSubscription> found = subscriptions().stream()
                    .filter(feed -> feed.url().equals(wanted) || feed.id().equals(wanted)).findFirst();
            if (found.isEmpty()) {
                throw new BadInputException("Not subscribed to " + wanted + " (see newsroom feeds list)");
            }
            FeedSubscriptions.remove(kafka, topics, List.of(found.get().id()));
            out.println("Unsubscribed from " + found.get().url() + " (" + found.get().id() + ").");
            return 0;
        }
    }

    @Command(name = "list", description = "List subscriptions: id, URL and name, tab-separated.")
    static final class ListFeeds extends Base {
        @Override
        int run(PrintWriter out) {
            for (FeedSubscription feed : subscriptions()) {
                out.println(feed.id() + "\t" + feed.url() + "\t" + feed.name());
            }
            return 0;
        }
    }

    @Command(name = "import", description = "Subscribe to every feed of an OPML file.")
    static final class Import extends Base {
        @Parameters(paramLabel = "FILE.opml") Path file;

        @Override
        int run(PrintWriter out) throws InterruptedException {
            FeedList list;
            try {
                list = FeedList.read(file, clock.instant());
            } catch (NoSuchFileException e) {
                throw new BadInputException("No such file: " + file, e);
            } catch (IOException e) {
                throw new BadInputException("Cannot read " + file + ": " + Newsroom.oneLine(e), e);
            } catch (FeedParseException e) {
                throw new BadInputException(file + " is not a feed list: " + e.getMessage(), e);
            }
            PrintWriter err = spec.commandLine().getErr();
            list.skipped().forEach(reason -> err.println("newsroom feeds import: skipped " + reason));
            err.flush();
            int published = FeedSubscriptions.publish(kafka, topics, list.feeds());
            out.println("Subscribed to " + published + " feeds from " + file + ".");
            return 0;
        }
    }

    @Command(name = "export", description = "Write the subscriptions as OPML 2.0 to stdout.")
    static final class Export extends Base {
        @Override
        int run(PrintWriter out) {
            out.print(FeedList.of("newsroom subscriptions", subscriptions()).toOpml());
            return 0;
        }
    }

    @Command(name = "status", description = "Show the health of each feed: last success, last outcome, failure score, next poll, items/day.")
    static final class Status extends Base {
        @Override
        int run(PrintWriter out) {
            Instant now = clock.instant();
            Map<String, FeedState> states = FeedSubscriptions.states(kafka, topics, READ_TIMEOUT);
            Map<String, Integer> newToday = new HashMap<>();
            Map<String, FeedStatus> lastStatus = new HashMap<>();
            FeedSubscriptions.statusesSince(kafka, topics, now.minus(Duration.ofDays(1)), READ_TIMEOUT,
                    status -> {
                        newToday.merge(status.feedId(), status.itemsNew(), Integer::sum);
                        lastStatus.merge(status.feedId(), status, (a, b) -> b.polledAt().isAfter(a.polledAt()) ? b : a);
                    });
            List<String[]> rows = new ArrayList<>();
            rows.add(new String[] {"FEED", "LAST SUCCESS", "LAST OUTCOME", "FAILURE SCORE", "NEXT POLL", "ITEMS/DAY"});
            for (FeedSubscription feed : subscriptions()) {
                FeedState state = states.get(feed.id());
                FeedStatus status = lastStatus.get(feed.id());
                String outcome = state != null && state.lastOutcome() != null
                        ? describe(state.lastOutcome().name(), state.lastError())
                        : status != null ? describe(status.outcome().name(), status.error()) : "never polled";
                rows.add(new String[] {
                    feed.name().isEmpty() ? feed.url() : feed.name() + " <" + feed.url() + ">",
                    state == null || state.lastSuccessAt() == null ? "never" : time(state.lastSuccessAt()),
                    outcome,
                    state == null ? "-" : String.format(Locale.ROOT, "%.1f", state.failureScore()),
                    state == null ? "-" : time(state.nextPollAt()),
                    status == null && state == null ? "-" : String.valueOf(newToday.getOrDefault(feed.id(), 0)),
                });
            }
            printTable(out, rows);
            return 0;
        }

        private static String describe(String outcome, String error) {
            if (error == null || error.isEmpty()) {
                return outcome;
            }
            String line = outcome + ": " + error;
            return line.length() > 60 ? line.substring(0, 59) + "…" : line;
        }

        private static String time(Instant instant) {
            return instant.truncatedTo(ChronoUnit.SECONDS).toString();
        }

        private static void printTable(PrintWriter out, List<String[]> rows) {
            int[] widths = new int[rows.get(0).length];
            for (String[] row : rows) {
                for (int i = 0; i < row.length; i++) {
                    widths[i] = Math.max(widths[i], row[i].length());
                }
            }
            for (String[] row : rows) {
                StringBuilder line = new StringBuilder();
                for (int i = 0; i < row.length; i++) {
                    line.append(i == row.length - 1 ? row[i] : String.format("%-" + widths[i] + "s  ", row[i]));
                }
                out.println(line.toString().stripTrailing());
            }
        }
    }
}
