package dev.newsroom.model;

/**
 * One IPTC Media Topic assigned to an article or story.
 *
 * @param code  e.g. {@code medtop:16000000}
 * @param label e.g. {@code conflict, war and peace}
 * @param score confidence between 0 and 1
 */
public record TopicTag(String code, String label, double score) {
    public TopicTag {
        Checks.required(code, "code");
        Checks.required(label, "label");
        Checks.unit(score, "score");
    }
}
