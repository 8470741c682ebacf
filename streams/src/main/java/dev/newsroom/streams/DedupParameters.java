package dev.newsroom.streams;

import dev.newsroom.model.config.ConfigSource;
import dev.newsroom.model.config.Setting;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The parameters of near-duplicate detection, the same for the service, {@code newsroom dedup} and
 * the tests. The defaults were chosen from a measured precision/recall curve: see
 * {@code docs/adr/0005-dedup-parameters.md} and its amendment {@code docs/adr/0009-dedup-recall.md}.
 *
 * @param shingleSize          words per shingle
 * @param components           MinHash signature components
 * @param bands                LSH bands
 * @param rows                 components per band ({@code bands * rows <= components})
 * @param jaccardThreshold     estimated Jaccard at or above which two copies match
 * @param containmentThreshold estimated containment of the smaller copy in the larger at or above which they match
 * @param maxLengthRatio       containment counts only when the larger copy is at most this many times the smaller
 * @param minWords             copies with fewer words match only as near-identical texts ({@code shortJaccardThreshold})
 * @param shortJaccardThreshold estimated Jaccard a short copy needs to match
 * @param versionJaccardThreshold     a write-through version needs this estimated Jaccard ...
 * @param versionContainmentThreshold ... and this containment (length ratio at most {@code maxLengthRatio})
 * @param headlineThreshold           headline word Jaccard at or above which two copies carry the same headline ...
 * @param headlineContainmentThreshold ... and the containment that, with the same headline, makes them match ...
 * @param headlineMaxLengthRatio      ... while the larger copy is at most this many times the smaller
 * @param mergeOnAnyMatch      whether an article that matches copies in several stories merges them all (else only its near-duplicates' stories) ...
 * @param bridgeContainmentThreshold with mergeOnAnyMatch, a containment or version match is a container match (the page joins, the copy does not, neither merges) when the longer has less than this share of its shingles in the shorter ...
 * @param containerExtraShingles     ... and at least this many shingles not in it (the container guard)
 * @param containerOverlapThreshold  a page that contains copies in several stories merges them when the contained copy and the page's best match overlap: the smaller has at least this share of its shingles in the larger
 * @param titleMinWords        two copies with the same title of at least this many words match where their text cannot tell ({@code SAME_TITLE}); more than a headline has (21) turns it off
 * @param boilerplateMinArticles a line seen in this many articles of one site is that site's boilerplate
 * @param maxBucketSize        articles kept per LSH bucket (the most recent), which bounds candidate lookups
 * @param retention            how long an article stays a candidate (and its story open) after it was seen
 * @param boilerplatePatterns  lines matching any of these are never fingerprinted
 */
public record DedupParameters(int shingleSize, int components, int bands, int rows, double jaccardThreshold,
                              double containmentThreshold, double maxLengthRatio, int minWords,
                              double shortJaccardThreshold, double versionJaccardThreshold, double versionContainmentThreshold,
                              double headlineThreshold, double headlineContainmentThreshold, double headlineMaxLengthRatio, boolean mergeOnAnyMatch,
                              double bridgeContainmentThreshold, int containerExtraShingles, double containerOverlapThreshold,
                              int titleMinWords, int boilerplateMinArticles, int maxBucketSize,
                              Duration retention, List<Pattern> boilerplatePatterns) {

    public static final Setting<Integer> SHINGLE_SIZE = Setting.integer(
            "streams.dedup.shingle-size", 5, 1, 12, "Words per shingle.");
    public static final Setting<Integer> COMPONENTS = Setting.integer(
            "streams.dedup.components", 512, 64, 4096, "MinHash signature components (16 bits each).");
    public static final Setting<Integer> BANDS = Setting.integer(
            "streams.dedup.bands", 64, 1, 256, "LSH bands.");
    public static final Setting<Integer> ROWS = Setting.integer(
            "streams.dedup.rows", 2, 1, 32, "MinHash components per LSH band.");
    public static final Setting<Integer> JACCARD_PERCENT = Setting.integer(
            "streams.dedup.jaccard-percent", 45, 1, 100, "Estimated Jaccard similarity (percent) at which two copies match.");
    public static final Setting<Integer> CONTAINMENT_PERCENT = Setting.integer(
            "streams.dedup.containment-percent", 80, 1, 100,
            "Estimated containment (percent) of the smaller copy in the larger at which they match.");
    public static final Setting<Integer> MAX_LENGTH_RATIO = Setting.integer(
            "streams.dedup.max-length-ratio", 4, 1, 100, "Containment counts only if the larger copy is at most this many times the smaller.");
    public static final Setting<Integer> MIN_WORDS = Setting.integer(
            "streams.dedup.min-words", 50, 1, 10_000, "Copies shorter than this match only as near-identical texts.");
    public static final Setting<Integer> VERSION_JACCARD_PERCENT = Setting.integer(
            "streams.dedup.version-jaccard-percent", 30, 1, 100,
            "Estimated Jaccard (percent) that a write-through version under another headline needs, with version-containment-percent; 100 turns the rule off.");
    public static final Setting<Integer> VERSION_CONTAINMENT_PERCENT = Setting.integer(
            "streams.dedup.version-containment-percent", 60, 1, 100,
            "Estimated containment (percent) that a write-through version under another headline needs, with version-jaccard-percent.");
    public static final Setting<Integer> HEADLINE_PERCENT = Setting.integer(
            "streams.dedup.headline-percent", 80, 1, 100,
            "Jaccard similarity (percent) of the headline words at which two copies carry the same headline.");
    public static final Setting<Integer> HEADLINE_CONTAINMENT_PERCENT = Setting.integer(
            "streams.dedup.headline-containment-percent", 50, 1, 100,
            "Estimated containment (percent) at which two copies with the same headline match (length ratio at most headline-max-length-ratio).");
    public static final Setting<Integer> HEADLINE_MAX_LENGTH_RATIO = Setting.integer(
            "streams.dedup.headline-max-length-ratio", 4, 1, 100,
            "Two copies with the same headline match by containment only if the larger is at most this many times the smaller.");
    public static final Setting<Boolean> MERGE_ON_ANY_MATCH = Setting.bool(
            "streams.dedup.merge-on-any-match", true,
            "Whether an article that matches copies in several stories merges them all (else only its near-duplicates' stories).");
    public static final Setting<Integer> BRIDGE_CONTAINMENT_PERCENT = Setting.integer(
            "streams.dedup.bridge-containment-percent", 60, 1, 100,
            "With merge-on-any-match, a containment or version match is a container match when less than this share (percent) of the longer's "
                    + "text is in the shorter and the rest is at least container-extra-shingles: the page may join the copy's story but merges "
                    + "nothing through it, and a copy never joins a page that contains it.");
    public static final Setting<Integer> CONTAINER_EXTRA_SHINGLES = Setting.integer(
            "streams.dedup.container-extra-shingles", 400, 0, 1_000_000,
            "With merge-on-any-match, a page below bridge-containment-percent is a container of a copy only if at least this many of its "
                    + "shingles are not in the copy (another story's worth of text).");
    public static final Setting<Integer> CONTAINER_OVERLAP_PERCENT = Setting.integer(
            "streams.dedup.container-overlap-percent", 40, 1, 101,
            "With merge-on-any-match, a page that contains copies in several stories merges them only if the contained copy and the page's "
                    + "best match overlap by at least this estimated containment (percent): two parts of one story, not two stories; 101 turns it off.");
    public static final Setting<Integer> TITLE_MIN_WORDS = Setting.integer(
            "streams.dedup.title-min-words", 6, 4, 21,
            "A page joins the one story whose copies carry its exact title (case and punctuation aside) when the title has at least this "
                    + "many words and the text cannot tell (a short page, a photo gallery, an excerpt); 21 turns it off.");
    public static final Setting<Integer> BOILERPLATE_MIN_ARTICLES = Setting.integer(
            "streams.dedup.boilerplate-min-articles", 3, 2, 1_000, "A line in this many articles of one site is boilerplate.");
    public static final Setting<Duration> RETENTION = Setting.duration(
            "streams.dedup.retention", Duration.ofDays(30), Duration.ofMinutes(1), Duration.ofDays(3650),
            "How long an article stays a match candidate after it was seen.");
    public static final Setting<String> BOILERPLATE_PATTERNS = Setting.string(
            "streams.dedup.boilerplate-patterns", "",
            "Extra regular expressions, separated by ';;', for lines that are never fingerprinted.");

    /** Share, comment, subscribe, credits, copyright and navigation lines, case-insensitive. */
    public static final List<Pattern> DEFAULT_PATTERNS = List.of(
            Pattern.compile("(?i)^(share|tweet|email|print|comments?|reply|subscribe|follow us|sign up|log ?in|advertisement|related( articles| stories)?|read more|continue reading|click here)\\b.{0,60}$"),
            Pattern.compile("(?i)^(copyright|©|\\(c\\)).{0,200}$"),
            Pattern.compile("(?i)^(photo|image|picture|video|credit|caption)s?( credit)?\\s*[:|].{0,200}$"),
            Pattern.compile("(?i)^(region|theme|in-depth report|tags?|filed under|categories|topics)\\s*:.{0,200}$"),
            Pattern.compile("(?i)^(the original source of this article is|source:|originally published|this article (was )?(first|originally) (appeared|published)|republished with permission).{0,200}$"),
            Pattern.compile("(?i)^(disclaimer|all rights reserved).{0,400}$"));

    public DedupParameters {
        if (bands * rows > components) {
            throw new IllegalArgumentException("bands x rows (" + bands + " x " + rows + ") exceeds the " + components + " signature components");
        }
        boilerplatePatterns = List.copyOf(boilerplatePatterns);
    }

    /** The defaults. */
    public static DedupParameters defaults() {
        return from(ConfigSource.ofFlags(java.util.Map.of()));
    }

    /** Reads the {@code streams.dedup.*} settings. */
    public static DedupParameters from(ConfigSource config) {
        List<Pattern> patterns = new ArrayList<>(DEFAULT_PATTERNS);
        for (String p : config.get(BOILERPLATE_PATTERNS).split(";;")) {
            if (!p.isBlank()) {
                try {
                    patterns.add(Pattern.compile(p.strip()));
                } catch (PatternSyntaxException e) {
                    throw new dev.newsroom.model.config.ConfigException("Invalid value '" + p + "' for "
                            + BOILERPLATE_PATTERNS.key() + ": not a regular expression: " + e.getDescription());
                }
            }
        }
        int bands = config.get(BANDS);
        int rows = config.get(ROWS);
        if (bands * rows > 256) {
            throw new dev.newsroom.model.config.ConfigException("Invalid values for " + BANDS.key() + " and " + ROWS.key()
                    + ": bands x rows must be at most 256, was " + bands * rows);
        }
        return new DedupParameters(config.get(SHINGLE_SIZE), Math.max(config.get(COMPONENTS), bands * rows), bands, rows,
                config.get(JACCARD_PERCENT) / 100.0, config.get(CONTAINMENT_PERCENT) / 100.0, config.get(MAX_LENGTH_RATIO),
                config.get(MIN_WORDS), 0.9, config.get(VERSION_JACCARD_PERCENT) / 100.0, config.get(VERSION_CONTAINMENT_PERCENT) / 100.0,
                config.get(HEADLINE_PERCENT) / 100.0, config.get(HEADLINE_CONTAINMENT_PERCENT) / 100.0,
                config.get(HEADLINE_MAX_LENGTH_RATIO), config.get(MERGE_ON_ANY_MATCH), config.get(BRIDGE_CONTAINMENT_PERCENT) / 100.0, config.get(CONTAINER_EXTRA_SHINGLES),
                config.get(CONTAINER_OVERLAP_PERCENT) / 100.0, config.get(TITLE_MIN_WORDS),
                config.get(BOILERPLATE_MIN_ARTICLES), 200, config.get(RETENTION), patterns);
    }
}
