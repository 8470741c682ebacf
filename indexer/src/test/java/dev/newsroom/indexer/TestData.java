package dev.newsroom.indexer;

import dev.newsroom.model.Article;
import dev.newsroom.model.FeedStatus;
import dev.newsroom.model.PollOutcome;
import dev.newsroom.model.Story;
import dev.newsroom.model.StoryCopy;
import dev.newsroom.model.TopicTag;
import java.time.Instant;
import java.util.List;

/** Small, fully populated records for tests. */
public final class TestData {
    public static final Instant PUBLISHED = Instant.parse("2015-11-28T10:00:00Z");
    public static final Instant FETCHED = Instant.parse("2015-11-28T12:00:00Z");
    public static final TopicTag TERRORISM = new TopicTag("medtop:20000564", "terrorism", 0.8);

    private TestData() {}

    public static Article article(String id, String storyId, String site, String title, String text) {
        return new Article(id, storyId, true, 1.0, "https://" + site + "/" + id, site, title, text,
                "https://" + site + "/feed", PUBLISHED, FETCHED, List.of(TERRORISM), List.of("Middle East"),
                List.of("SY", "TR"), "en");
    }

    public static Story story(String id, long revision, String title) {
        StoryCopy original = new StoryCopy("a1", "https://landdestroyer.blogspot.com/a1", "landdestroyer.blogspot.com",
                title, PUBLISHED, 1.0);
        StoryCopy copy = new StoryCopy("a2", "https://www.globalresearch.ca/a2", "www.globalresearch.ca",
                title, PUBLISHED, 0.9);
        return new Story(id, revision, original, List.of(original, copy), title, "Text of " + title, PUBLISHED,
                List.of(TERRORISM), List.of("Middle East"), List.of("SY", "TR", "US", "RU"), "en");
    }

    public static FeedStatus feedStatus(String feedId, Instant polledAt) {
        return new FeedStatus(feedId, "https://example.org/feed", polledAt, PollOutcome.HTTP_ERROR, 503, 0, 0, 120,
                "The server answered 503.");
    }
}
