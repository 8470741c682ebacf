package dev.newsroom.ingest.internal;

import crawlercommons.robots.BaseRobotRules;
import crawlercommons.robots.SimpleRobotRules;
import crawlercommons.robots.SimpleRobotRulesParser;
import dev.newsroom.ingest.FetchResult;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The robots.txt rules of the sites whose article pages ingest fetches (crawler-commons'
 * {@link SimpleRobotRulesParser}, for the robot name {@value #ROBOT_NAME}), cached per origin
 * (scheme, host and port).
 *
 * <p>A robots.txt that was read is kept for {@link #TTL}; one that does not exist or is refused
 * (HTTP 4xx other than 429) allows everything and is kept as long; one that could not be read
 * (HTTP 5xx or 429, network failure, timeout, too large) disallows everything for
 * {@link #RETRY_AFTER_FAILURE}, after which it is fetched again. Thread-safe.
 */
public final class RobotsRules {
    /** The product token matched against {@code User-agent} lines. */
    public static final String ROBOT_NAME = "newsroom";
    /** How long a robots.txt that was read (or is missing) is trusted. */
    public static final Duration TTL = Duration.ofHours(24);
    /** How long an unreadable robots.txt keeps a site closed before it is fetched again. */
    public static final Duration RETRY_AFTER_FAILURE = Duration.ofMinutes(10);
    private static final int MAX_ORIGINS = 10_000;

    private final SimpleRobotRulesParser parser = new SimpleRobotRulesParser();
    private final Map<String, Entry> cache = new ConcurrentHashMap<>();

    /** What was learnt about one origin. */
    public record Verdict(BaseRobotRules rules, String note) {
        /** Whether the rules let {@value #ROBOT_NAME} fetch the page. */
        public boolean allows(URI page) {
            return rules.isAllowed(page.toString());
        }
    }

    private record Entry(Verdict verdict, Instant expires) {
    }

    /** The URL of the robots.txt that governs a page. */
    public static URI robotsUrl(URI page) {
        return URI.create(origin(page) + "/robots.txt");
    }

    /** The cached verdict for the page's origin, if still fresh at {@code now}. */
    public Optional<Verdict> cached(URI page, Instant now) {
        Entry entry = cache.get(origin(page));
        return entry == null || !now.isBefore(entry.expires()) ? Optional.empty() : Optional.of(entry.verdict());
    }

    /** Reads the result of fetching {@link #robotsUrl(URI)}, caches it for the page's origin and returns it. */
    public Verdict learn(URI page, FetchResult robots, Instant now) {
        Verdict verdict;
        Duration keep = TTL;
        if (robots instanceof FetchResult.Fetched fetched) {
            verdict = new Verdict(parser.parseContent(robotsUrl(page).toString(), fetched.body(), fetched.contentType(),
                    List.of(ROBOT_NAME)), "");
        } else if (robots instanceof FetchResult.Failed failed && failed.httpStatus() / 100 == 4 && failed.httpStatus() != 429) {
            verdict = new Verdict(new SimpleRobotRules(SimpleRobotRules.RobotRulesMode.ALLOW_ALL), "");
        } else {
            String why = robots instanceof FetchResult.Failed failed ? failed.error() : "unexpected answer";
            verdict = new Verdict(new SimpleRobotRules(SimpleRobotRules.RobotRulesMode.ALLOW_NONE), "robots.txt unreadable (" + why + ")");
            keep = RETRY_AFTER_FAILURE;
        }
        if (cache.size() >= MAX_ORIGINS) {
            cache.values().removeIf(entry -> !now.isBefore(entry.expires()));
        }
        cache.put(origin(page), new Entry(verdict, now.plus(keep)));
        return verdict;
    }

    private static String origin(URI page) {
        String scheme = page.getScheme().toLowerCase(Locale.ROOT);
        String host = page.getHost().toLowerCase(Locale.ROOT);
        return scheme + "://" + (host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host)
                + (page.getPort() < 0 ? "" : ":" + page.getPort());
    }
}
