package dev.newsroom.streams.tag;

import java.util.List;
import java.util.Objects;

/**
 * One real feed item with the labels a person gave it by reading it (see docs/tagging-labels.md):
 * {@code topics} are 1–3 top-level IPTC Media Topic qcodes ({@code medtop:16000000}), most important
 * first; {@code subtopics} optional level-2 qcodes; {@code countries} ISO 3166-1 alpha-2 codes of
 * every country the title and text name; {@code language} ISO 639-1.
 */
public record LabelledItem(
        String id,
        String title,
        String text,
        List<String> categories,
        String site,
        List<String> topics,
        List<String> subtopics,
        List<String> countries,
        String language) {

    public LabelledItem {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        text = text == null ? "" : text;
        categories = List.copyOf(categories);
        site = site == null ? "" : site;
        topics = List.copyOf(topics);
        subtopics = List.copyOf(subtopics);
        countries = List.copyOf(countries);
        Objects.requireNonNull(language, "language");
    }
}
