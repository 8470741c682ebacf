package dev.newsroom.app;

import dev.newsroom.ingest.FeedFetcher;
import dev.newsroom.ingest.FeedParseException;
import dev.newsroom.ingest.FeedParser;
import dev.newsroom.ingest.FeedSource;
import dev.newsroom.ingest.FetchResult;
import dev.newsroom.ingest.FetchSettings;
import dev.newsroom.ingest.ParsedFeed;
import dev.newsroom.model.NewsTopics;
import dev.newsroom.model.RawArticle;
import dev.newsroom.model.Topic;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code newsroom parse-feed}: the items of a feed file or URL exactly as ingest would publish them,
 * one RawArticle JSON object per line. A feed that cannot be read: one line on stderr, exit 2.
 */
@Command(name = "parse-feed", description = "Print a feed's items as ingest would publish them (JSON Lines).")
final class ParseFeedCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(paramLabel = "FILE|URL", description = "A feed file, or an http(s) URL to fetch.")
    String source;

    @Option(names = "--base-url", paramLabel = "URL", description = "The feed's URL: relative links resolve against it (default: the fetched URL, or http://localhost/FILENAME for a file).")
    URI baseUrl;

    private final Clock clock = Clock.systemUTC();

    @Override
    public Integer call() throws Exception {
        Instant now = clock.instant();
        ParsedFeed feed;
        try {
            feed = isUrl(source) ? fetchAndParse(url(source), now) : parseFile(Path.of(source), now);
        } catch (FeedParseException e) {
            throw new BadInputException(source + " is not a feed newsroom can read: " + e.getMessage(), e);
        }
        Topic<String, RawArticle> raw = NewsTopics.defaults().raw();
        PrintWriter out = spec.commandLine().getOut();
        for (RawArticle article : feed.articles()) {
            out.println(new String(raw.valueSerde().serializer().serialize(raw.name(), article), StandardCharsets.UTF_8));
        }
        out.flush();
        PrintWriter err = spec.commandLine().getErr();
        feed.skipped().forEach(reason -> err.println("newsroom parse-feed: skipped an item: " + reason));
        err.flush();
        return 0;
    }

    private ParsedFeed parseFile(Path file, Instant now) throws FeedParseException, IOException {
        // A file has no URL of its own; feed ids and relative links need one.
        FeedSource feedSource = FeedSource.of(baseUrl != null ? baseUrl.toString() : "http://localhost/" + file.getFileName());
        if (Files.isDirectory(file)) {
            throw new BadInputException(file + " is a directory, not a feed file");
        }
        try (InputStream in = Files.newInputStream(file)) {
            return new FeedParser().parse(in, null, feedSource, now);
        } catch (NoSuchFileException e) {
            throw new BadInputException("No such file: " + file, e);
        } catch (IOException e) {
            throw new BadInputException("Cannot read " + file + ": " + Newsroom.oneLine(e), e);
        }
    }

    private ParsedFeed fetchAndParse(URI url, Instant now) throws FeedParseException, InterruptedException, ExecutionException {
        // A person asked for this URL: loopback and private addresses are allowed here, unlike in ingest.
        try (FeedFetcher fetcher = new FeedFetcher(FetchSettings.defaults().withAllowPrivateNetworks(true))) {
            FetchResult result = fetcher.fetch(url).get();
            if (result instanceof FetchResult.Fetched fetched) {
                FeedSource feedSource = FeedSource.of(url.toString());
                if (baseUrl != null) {
                    feedSource = feedSource.withBaseUri(baseUrl);
                }
                try (InputStream in = new java.io.ByteArrayInputStream(fetched.body())) {
                    return new FeedParser().parse(in, fetched.contentType(), feedSource, now);
                } catch (IOException e) {
                    throw new FeedParseException("cannot read the body: " + e.getMessage(), e);
                }
            }
            if (result instanceof FetchResult.Failed failed) {
                throw new FetchFailedException("Cannot fetch " + url + ": " + failed.error());
            }
            throw new FetchFailedException("Cannot fetch " + url + ": the server answered 304 Not Modified to an unconditional request");
        }
    }

    private static URI url(String text) {
        try {
            return new URI(text);
        } catch (java.net.URISyntaxException e) {
            throw new BadInputException("'" + text + "' is not a valid URL: " + e.getReason(), e);
        }
    }

    private static boolean isUrl(String text) {
        return text.startsWith("http://") || text.startsWith("https://");
    }

    /** The feed could not be fetched: a runtime failure, exit code 1. */
    static final class FetchFailedException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        FetchFailedException(String message) {
            super(message);
        }
    }
}
