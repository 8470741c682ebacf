package dev.newsroom.streams.tag;

import dev.newsroom.model.Article;
import dev.newsroom.model.TopicTag;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

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

    /** Merges the tags of {@code copies}; {@code canonical} is one of them. */
    public static StoryTags merge(Article canonical, List<Article> copies) {
        List<Article> ordered = new ArrayList<>(copies.size());
        ordered.add(canonical);
        copies.stream().filter(c -> !c.id().equals(canonical.id())).forEach(ordered::add);

        Map<String, TopicTag> best = new LinkedHashMap<>();
        Map<String, Integer> carriers = new LinkedHashMap<>();
        for (Article copy : ordered) {
            for (TopicTag t : copy.topics()) {
                best.merge(t.code(), t, (a, b) -> b.score() > a.score() ? b : a);
                carriers.merge(t.code(), 1, Integer::sum);
            }
        }
        List<TopicTag> topics = best.values().stream()
                .sorted(Comparator.comparingDouble(TopicTag::score).reversed()
                        .thenComparing(t -> -carriers.get(t.code()))
                        .thenComparing(TopicTag::code))
                .limit(MAX_TOPICS)
                .toList();
        return new StoryTags(topics,
                byCopies(ordered.stream().map(Article::regions).toList(), Integer.MAX_VALUE),
                byCopies(ordered.stream().map(Article::countries).toList(), Integer.MAX_VALUE),
                language(canonical, ordered),
                byCopies(ordered.stream().map(Article::keywords).toList(), MAX_KEYWORDS));
    }

    /** Values of all lists, those in more lists first, then in first-seen order. */
    private static List<String> byCopies(List<List<String>> lists, int max) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (List<String> list : lists) {
            for (String value : new LinkedHashSet<>(list)) {
                counts.merge(value, 1, Integer::sum);
            }
        }
        // counts keeps first-seen order, and a sorted ordered stream is stable: ties stay in that order.
        return counts.entrySet().stream()
                .sorted(Comparator.comparing((Map.Entry<String, Integer> e) -> -e.getValue()))
                .map(Map.Entry::getKey)
                .limit(max)
                .toList();
    }

    private static String language(Article canonical, List<Article> copies) {
        if (!canonical.language().isEmpty()) {
            return canonical.language();
        }
        List<String> languages = byCopies(copies.stream().map(a -> a.language().isEmpty() ? List.<String>of() : List.of(a.language())).toList(), 1);
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
