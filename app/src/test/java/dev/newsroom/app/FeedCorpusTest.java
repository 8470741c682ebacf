package dev.newsroom.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.newsroom.ingest.FeedParseException;
import dev.newsroom.ingest.FeedParser;
import dev.newsroom.ingest.FeedSource;
import dev.newsroom.ingest.ParsedFeed;
import dev.newsroom.model.RawArticle;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * {@code newsroom parse-feed} over every feed file of the shared corpus ({@code ../shared/data/feeds},
 * see its SOURCE.md), when it is present: no crash, no hang, a one-line reason for every file that
 * is refused. Then the same parser's titles, links and dates are checked against the simple
 * comparisons of {@code feedparser-expectations.tsv}; the shares are written to
 * {@code target/feed-corpus/summary.txt} (and quoted in docs/feed-parsing.md).
 */
class FeedCorpusTest {
    private static final Instant FETCHED = Instant.parse("2026-11-24T00:00:00Z");
    private static final Pattern CHECK = Pattern.compile(
            "(feed|entries\\[(\\d+)\\])\\['(title|link|published_parsed|updated_parsed)'\\] == (?:u?'((?:[^'\\\\]|\\\\.)*)'|u?\"((?:[^\"\\\\]|\\\\.)*)\"|\\(([0-9, ]+)\\))");

    private static Optional<Path> corpus() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path feeds = dir.resolve("shared/data/feeds");
            if (Files.isRegularFile(feeds.resolve("MANIFEST.tsv"))) {
                return Optional.of(feeds);
            }
        }
        return Optional.empty();
    }

    @Test
    void shouldReadOrRefuseInOneLineEveryFeedOfTheSharedCorpus() throws Exception {
        Optional<Path> corpus = corpus();
        assumeTrue(corpus.isPresent(), "the shared feed corpus is not on this machine");
        Path root = corpus.get();
        List<String> files = new ArrayList<>();
        try (Stream<String> lines = Files.lines(root.resolve("MANIFEST.tsv"))) {
            lines.skip(1).map(line -> line.split("\t", -1)).filter(row -> row[3].equals("feed"))
                    .forEach(row -> files.add(row[0] + "/" + row[1]));
        }
        Map<String, String> expectations = new HashMap<>();
        try (Stream<String> lines = Files.lines(root.resolve("feedparser-expectations.tsv"))) {
            lines.skip(1).map(line -> line.split("\t", -1)).forEach(row -> expectations.put("kurtmckee+feedparser/" + row[0], row[2]));
        }

        int parsed = 0;
        int refused = 0;
        List<String> problems = new ArrayList<>();
        Map<String, int[]> checks = new HashMap<>();
        StringBuilder report = new StringBuilder("file\texit\titems\treason\n");
        ExecutorService worker = Executors.newSingleThreadExecutor();
        try {
            for (String file : files) {
                Path path = root.resolve(file);
                Future<String[]> run = worker.submit(() -> parseFeed(path));
                String[] result;
                try {
                    result = run.get(20, TimeUnit.SECONDS);
                } catch (TimeoutException e) {
                    run.cancel(true);
                    problems.add(file + ": no answer within 20 s");
                    continue;
                }
                int exit = Integer.parseInt(result[0]);
                String err = result[2];
                if (exit == 0) {
                    parsed++;
                } else if (exit == 2 && err.lines().count() == 1) {
                    refused++;
                } else {
                    problems.add(file + ": exit " + exit + ", stderr " + err.lines().count() + " lines: " + err.strip());
                }
                report.append(file).append('\t').append(exit).append('\t').append(result[1]).append('\t')
                        .append(exit == 0 ? "" : err.strip().replace('\t', ' ')).append('\n');
                String expect = expectations.get(file);
                if (expect != null) {
                    check(path, expect, checks);
                }
            }
        } finally {
            worker.shutdownNow();
        }

        StringBuilder summary = new StringBuilder();
        summary.append(String.format(Locale.ROOT, "feed files: %d, parsed: %d, refused with one line: %d, problems: %d%n",
                files.size(), parsed, refused, problems.size()));
        int[] total = new int[2];
        checks.forEach((field, counts) -> {
            summary.append(String.format(Locale.ROOT, "%s: %d of %d (%.1f%%); %d more left out for having no link%n", field, counts[0],
                    counts[1], counts[1] == 0 ? 0.0 : 100.0 * counts[0] / counts[1], counts[2]));
            total[0] += counts[0];
            total[1] += counts[1];
        });
        summary.append(String.format(Locale.ROOT, "all checks: %d of %d (%.1f%%)%n", total[0], total[1], 100.0 * total[0] / total[1]));
        Path out = Files.createDirectories(Path.of("target", "feed-corpus"));
        Files.writeString(out.resolve("report.tsv"), report);
        Files.writeString(out.resolve("summary.txt"), summary);
        System.out.print(summary);

        assertThat(problems).as("crashes, hangs and multi-line errors").isEmpty();
        assertThat(parsed + refused).isEqualTo(files.size());
        assertThat(100.0 * total[0] / total[1]).as("share of feedparser's title/link/date expectations met").isGreaterThan(70.0);
    }

    /** Runs the command in this JVM: exit code, item count, stderr. */
    private static String[] parseFeed(Path file) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = Newsroom.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int exit = cli.execute("parse-feed", file.toString());
        String errors = err.toString().lines().filter(line -> !line.startsWith("newsroom parse-feed: skipped an item:"))
                .reduce("", (a, b) -> a + b + "\n");
        return new String[] {String.valueOf(exit), String.valueOf(out.toString().lines().count()), errors};
    }

    private static void check(Path path, String expect, Map<String, int[]> checks) {
        Matcher m = CHECK.matcher(expect);
        ParsedFeed feed = null;
        boolean read = false;
        while (m.find()) {
            if (!read) {
                read = true;
                try (InputStream in = Files.newInputStream(path)) {
                    feed = new FeedParser().parse(in, null, FeedSource.of("http://localhost/" + path.getFileName()), FETCHED);
                } catch (FeedParseException | java.io.IOException e) {
                    feed = null;
                }
            }
            String field = m.group(3).endsWith("_parsed") ? "date" : m.group(3);
            String key = (m.group(1).equals("feed") ? "feed " : "entry ") + field;
            if (m.group(1).equals("feed") && !field.equals("title")) {
                continue;
            }
            int[] counts = checks.computeIfAbsent(key, k -> new int[3]);
            if (feed != null && m.group(2) != null && Integer.parseInt(m.group(2)) >= feed.articles().size() && !feed.skipped().isEmpty()) {
                counts[2]++; // the item has no link: ingest leaves it out (dead letter), so there is nothing to compare
                continue;
            }
            counts[1]++;
            if (feed != null && matches(feed, m)) {
                counts[0]++;
            }
        }
    }

    private static boolean matches(ParsedFeed feed, Matcher m) {
        String literal = m.group(4) != null ? unescape(m.group(4)) : m.group(5) != null ? unescape(m.group(5)) : null;
        if (m.group(1).equals("feed")) {
            return feed.title().equals(literal);
        }
        int index = Integer.parseInt(m.group(2));
        if (index >= feed.articles().size()) {
            return false;
        }
        RawArticle entry = feed.articles().get(index);
        return switch (m.group(3)) {
            case "title" -> entry.title().equals(literal);
            case "link" -> entry.url().equals(literal);
            default -> {
                String[] parts = m.group(6).split(",\\s*");
                ZonedDateTime expected = ZonedDateTime.of(Integer.parseInt(parts[0].strip()), Integer.parseInt(parts[1].strip()),
                        Integer.parseInt(parts[2].strip()), Integer.parseInt(parts[3].strip()), Integer.parseInt(parts[4].strip()),
                        Integer.parseInt(parts[5].strip()), 0, ZoneOffset.UTC);
                yield entry.dateNote().isEmpty() && expected.toInstant().equals(entry.publishedAt());
            }
        };
    }

    /** Python string escapes: \\xNN, \\uNNNN, \\n, \\t, \\\\ and quoted quotes. */
    private static String unescape(String python) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < python.length(); i++) {
            char c = python.charAt(i);
            if (c != '\\' || i + 1 == python.length()) {
                text.append(c);
                continue;
            }
            char next = python.charAt(++i);
            switch (next) {
                case 'x' -> {
                    text.append((char) Integer.parseInt(python.substring(i + 1, i + 3), 16));
                    i += 2;
                }
                case 'u' -> {
                    text.append((char) Integer.parseInt(python.substring(i + 1, i + 5), 16));
                    i += 4;
                }
                case 'n' -> text.append('\n');
                case 't' -> text.append('\t');
                case 'r' -> text.append('\r');
                default -> text.append(next);
            }
        }
        return new String(text.toString().getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
    }
}
