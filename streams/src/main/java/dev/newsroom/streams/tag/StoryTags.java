package dev.newsroom.streams.tag;

import dev.newsroom.model.Article;
import dev.newsroom.model.TopicTag;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A story's tags, merged from its copies' tags. The copies are one article, so they mostly agree;
 * where they differ it is because one copy is an excerpt or carries its site's own tag lines.
 * The rule (also in docs/tagging.md):
 * <ul>
 *   <li>topics: every topic of any copy, scored by its best score in any copy, best first, at most
 *       {@value #MAX_TOPICS}; ties go to the topic more copies carry, then to the code;</li>
 *   <li>countries: every country of any copy, the ones more copies name first (then in the order
 *       of the canonical copy, then of the others);</li>
 *   <li>regions and keywords: the union, in the same order rule;</li>
 *   <li>language: the canonical copy's, else the one most copies have.</li>
 * </ul>
 * The story assigner merges the copies the story record lists: all of them, or the canonical one and
 * the earliest published others up to 200.
 */
public final class StoryTags {
    /** At most this many topics on a story. */
    public static final int MAX_TOPICS = 5;
    private static final int MAX_KEYWORDS = 30;

    private final List<TopicTag> topics;
    private final List<String> regions;
    private final List<String> countries;
    private final String language;
    private final List<String> keywords;

    private StoryTags(List<TopicTag> topics, List<String> regions, List<String> countries, String language, List<String> keywords) {
        this.topics = topics;
        this.regions = regions;
        this.countries = countries;
        this.language = language;
        this.keywords = keywords;
    }

    /**
     * Merges the tags of {@code canonical} and {@code copies} ({@code canonical} may be among them).
     * This runs each time a story is published, over the copies its record lists (at most 200), so
     * it counts with one map lookup per value and allocates nothing per copy.
     */
    public static StoryTags merge(Article canonical, List<Article> copies) {
        List<Article> ordered = new ArrayList<>(copies.size());
        ordered.add(canonical);
        for (Article c : copies) {
            if (!c.id().equals(canonical.id())) {
                ordered.add(c);
            }
        }

        Map<String, TopicCount> counted = new LinkedHashMap<>();
        for (Article copy : ordered) {
            for (TopicTag t : copy.topics()) {
                TopicCount c = counted.get(t.code());
                if (c == null) {
                    counted.put(t.code(), new TopicCount(t));
                } else {
                    c.add(t);
                }
            }
        }
        List<TopicTag> topics = counted.values().stream()
                .sorted(Comparator.comparingDouble((TopicCount c) -> -c.best.score())
                        .thenComparingInt(c -> -c.carriers)
                        .thenComparing(c -> c.best.code()))
                .limit(MAX_TOPICS)
                .map(c -> c.best)
                .toList();
        return new StoryTags(topics,
                byCopies(ordered, Article::regions, Integer.MAX_VALUE),
                byCopies(ordered, Article::countries, Integer.MAX_VALUE),
                language(canonical, ordered),
                byCopies(ordered, Article::keywords, MAX_KEYWORDS));
    }

    /** A topic's best tag in any copy (the first of equal scores) and how many tags of it the copies carry. */
    private static final class TopicCount {
        TopicTag best;
        int carriers = 1;

        TopicCount(TopicTag first) {
            best = first;
        }

        void add(TopicTag t) {
            if (t.score() > best.score()) {
                best = t;
            }
            carriers++;
        }
    }

    /** Values of a field of all copies, those in more copies first, then in first-seen order. */
    private static List<String> byCopies(List<Article> copies, Function<Article, List<String>> field, int max) {
        Map<String, int[]> counts = new LinkedHashMap<>();
        for (Article copy : copies) {
            List<String> values = field.apply(copy);
            for (int i = 0; i < values.size(); i++) {
                String value = values.get(i);
                if (values.indexOf(value) == i) {  // once per copy; the lists are short
                    int[] n = counts.get(value);
                    if (n == null) {
                        counts.put(value, new int[] {1});
                    } else {
                        n[0]++;
                    }
                }
            }
        }
        // counts keeps first-seen order, and a sorted ordered stream is stable: ties stay in that order.
        return counts.entrySet().stream()
                .sorted(Comparator.comparingInt((Map.Entry<String, int[]> e) -> -e.getValue()[0]))
                .map(Map.Entry::getKey)
                .limit(max)
                .toList();
    }

    private static String language(Article canonical, List<Article> copies) {
        if (!canonical.language().isEmpty()) {
            return canonical.language();
        }
        List<String> languages = byCopies(copies, a -> a.language().isEmpty() ? List.of() : List.of(a.language()), 1);
        return languages.isEmpty() ? "" : languages.get(0);
    }

    public List<TopicTag> topics() {
        return topics;
    }

    public List<String> regions() {
        return regions;
    }

    public List<String> countries() {
        return countries;
    }

    public String language() {
        return language;
    }

    public List<String> keywords() {
        return keywords;
    }
}
