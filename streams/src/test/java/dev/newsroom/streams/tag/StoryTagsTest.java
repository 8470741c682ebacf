package dev.newsroom.streams.tag;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsroom.model.Article;
import dev.newsroom.model.TopicTag;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class StoryTagsTest {
    private static final TopicTag CONFLICT = new TopicTag("medtop:16000000", "conflict, war and peace", 0.6);
    private static final TopicTag POLITICS = new TopicTag("medtop:11000000", "politics", 0.5);
    private static final TopicTag TERRORISM = new TopicTag("medtop:20000081", "terrorism", 0.4);

    private static Article copy(String id, List<TopicTag> topics, List<String> countries, String language, List<String> keywords) {
        return new Article(id, "s-1", false, 1.0, "https://x.org/" + id, "x.org", "t", "text", "", null,
                Instant.EPOCH, topics, countries.isEmpty() ? List.of() : List.of("Middle East & North Africa"), countries,
                language, null, null, keywords);
    }

    @Test
    void shouldKeepEveryTopicAtItsBestScoreBestFirst() {
        Article canonical = copy("a", List.of(CONFLICT, POLITICS), List.of("SY"), "en", List.of());
        Article republished = copy("b", List.of(new TopicTag(POLITICS.code(), POLITICS.label(), 0.9), TERRORISM), List.of("SY"), "en", List.of());

        StoryTags tags = StoryTags.merge(canonical, List.of(canonical, republished));

        assertThat(tags.topics()).extracting(TopicTag::code, TopicTag::score).containsExactly(
                org.assertj.core.groups.Tuple.tuple(POLITICS.code(), 0.9),
                org.assertj.core.groups.Tuple.tuple(CONFLICT.code(), 0.6),
                org.assertj.core.groups.Tuple.tuple(TERRORISM.code(), 0.4));
    }

    @Test
    void shouldPutCountriesMoreCopiesNameFirstAndKeepTheUnionOfKeywords() {
        Article canonical = copy("a", List.of(), List.of("TR", "SY"), "en", List.of("Syria"));
        Article copy2 = copy("b", List.of(), List.of("SY", "US"), "en", List.of("In-depth Report: SYRIA", "Syria"));
        Article copy3 = copy("c", List.of(), List.of("SY"), "", List.of());

        StoryTags tags = StoryTags.merge(canonical, List.of(copy3, copy2, canonical));

        assertThat(tags.countries()).containsExactly("SY", "TR", "US");
        assertThat(tags.keywords()).containsExactly("Syria", "In-depth Report: SYRIA");
        assertThat(tags.regions()).containsExactly("Middle East & North Africa");
    }

    @Test
    void shouldTakeTheCanonicalLanguageElseTheMostCommon() {
        Article noLanguage = copy("a", List.of(), List.of(), "", List.of());
        Article german = copy("b", List.of(), List.of(), "de", List.of());
        Article english = copy("c", List.of(), List.of(), "en", List.of());
        Article english2 = copy("d", List.of(), List.of(), "en", List.of());

        assertThat(StoryTags.merge(german, List.of(german, english, english2)).language()).isEqualTo("de");
        assertThat(StoryTags.merge(noLanguage, List.of(noLanguage, german, english, english2)).language()).isEqualTo("en");
    }

    @Test
    void shouldBreakTiesByHowManyCopiesCarryATopicThenByCodeAndCountAValueOncePerCopy() {
        TopicTag economy = new TopicTag("medtop:04000000", "economy, business and finance", 0.5);
        TopicTag health = new TopicTag("medtop:07000000", "health", 0.5);
        TopicTag politics = new TopicTag(POLITICS.code(), POLITICS.label(), 0.5);
        Article canonical = copy("a", List.of(health, politics), List.of("FR", "FR"), "en", List.of("Paris", "Paris"));
        Article copy2 = copy("b", List.of(economy, politics), List.of("DE"), "en", List.of("Berlin"));
        Article copy3 = copy("c", List.of(), List.of("DE"), "en", List.of("Berlin"));

        StoryTags tags = StoryTags.merge(canonical, List.of(canonical, copy2, copy3));

        assertThat(tags.topics()).extracting(TopicTag::code).containsExactly(POLITICS.code(), economy.code(), health.code());
        assertThat(tags.countries()).as("DE in two copies, FR twice in one").containsExactly("DE", "FR");
        assertThat(tags.keywords()).containsExactly("Berlin", "Paris");
    }

    @Test
    void shouldCapTopicsAtFive() {
        List<TopicTag> many = List.of(CONFLICT, POLITICS, TERRORISM,
                new TopicTag("medtop:04000000", "economy, business and finance", 0.3),
                new TopicTag("medtop:07000000", "health", 0.2),
                new TopicTag("medtop:15000000", "sport", 0.1));
        Article canonical = copy("a", many, List.of(), "en", List.of());

        assertThat(StoryTags.merge(canonical, List.of(canonical)).topics()).hasSize(StoryTags.MAX_TOPICS)
                .extracting(TopicTag::code).doesNotContain("medtop:15000000");
    }
}
