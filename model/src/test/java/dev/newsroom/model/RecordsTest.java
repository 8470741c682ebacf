package dev.newsroom.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecordsTest {
    private static final Instant NOW = Instant.parse("2015-11-28T12:00:00Z");

    @Test
    void shouldDeriveIdsAndSiteOfARawArticle() {
        RawArticle raw = new RawArticle("a-1", null, "https://www.globalresearch.ca/feed", "https://www.globalresearch.ca/x/1",
                null, null, "<p>summary</p>", null, null, null, null, NOW, null, null);

        assertThat(raw.feedId()).isEqualTo(Ids.feed("https://www.globalresearch.ca/feed"));
        assertThat(raw.site()).isEqualTo("globalresearch.ca");
        assertThat(raw.title()).isEmpty();
        assertThat(raw.categories()).isEmpty();
        assertThat(raw.bodyHtml()).isEqualTo("<p>summary</p>");
    }

    @Test
    void shouldRejectARawArticleWithoutUrl() {
        assertThatThrownBy(() -> new RawArticle("a-1", null, "https://x.org/feed", " ", null, null, null, null, null,
                null, null, NOW, null, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("url is required and must not be blank");
    }

    @Test
    void shouldRejectATopicScoreAboveOne() {
        assertThatThrownBy(() -> new TopicTag("medtop:16000000", "conflict, war and peace", 1.2))
                .hasMessage("score must be between 0 and 1, was 1.2");
    }

    @Test
    void shouldRequireTheCanonicalCopyAmongTheCopiesOfAStory() {
        StoryCopy original = new StoryCopy("a-1", "https://landdestroyer.blogspot.com/x", "landdestroyer.blogspot.com", "t", NOW, 1.0);
        StoryCopy copy = new StoryCopy("a-2", "https://globalresearch.ca/x", "globalresearch.ca", "t", NOW, 0.9);

        assertThatThrownBy(() -> new Story("s-1", 1, original, List.of(copy), "t", "", NOW, null, null, null, null))
                .hasMessage("copies must include the canonical copy a-1");
    }

    @Test
    void shouldCountEveryCopyButListAtMostTwoHundred() throws Exception {
        StoryCopy original = new StoryCopy("a-1", "https://x.org/1", "x.org", "t", NOW, 1.0);
        java.util.List<StoryCopy> many = new java.util.ArrayList<>();
        for (int i = 0; i <= Story.MAX_LISTED_COPIES; i++) {
            many.add(new StoryCopy("a-" + (i + 1), "https://x.org/" + (i + 1), "x.org", "t", NOW, 1.0));
        }

        Story listed = new Story("s-1", 1, original, many.subList(0, 200), "t", "", NOW, null, null, null, null, null, 350);
        assertThat(listed.copyCount()).isEqualTo(350);
        assertThatThrownBy(() -> new Story("s-1", 1, original, many, "t", "", NOW, null, null, null, null, null, 350))
                .hasMessage("a story lists at most 200 copies, got 201");
        // A record written before copy_count existed counts its listed copies.
        var serde = NewsTopics.defaults().stories().valueSerde();
        String older = new String(serde.serializer().serialize("t", new Story("s-1", 1, original, List.of(original), "t", "", NOW, null, null, null, null)),
                java.nio.charset.StandardCharsets.UTF_8).replace(",\"copy_count\":1", "");
        assertThat(older).doesNotContain("copy_count");
        assertThat(serde.deserializer().deserialize("t", older.getBytes(java.nio.charset.StandardCharsets.UTF_8)).copyCount()).isEqualTo(1);
    }

    @Test
    void shouldRejectRevisionZero() {
        StoryCopy original = new StoryCopy("a-1", "https://x.org/1", "x.org", "t", NOW, 1.0);
        assertThatThrownBy(() -> new Story("s-1", 0, original, List.of(original), "t", "", NOW, null, null, null, null))
                .hasMessage("revision must be at least 1, was 0");
    }

    @Test
    void shouldTellAHealthyPollFromASickOne() {
        FeedStatus ok = new FeedStatus(null, "https://x.org/feed", NOW, PollOutcome.NOT_MODIFIED, 304, 0, 0, 12, null);
        FeedStatus sick = new FeedStatus(null, "https://x.org/feed", NOW, PollOutcome.HTTP_ERROR, 503, 0, 0, 12, "HTTP 503");

        assertThat(ok.healthy()).isTrue();
        assertThat(sick.healthy()).isFalse();
    }

    @Test
    void shouldCopyTheBytesOfADeadLetter() {
        byte[] bytes = {1, 2, 3};
        DeadLetter letter = new DeadLetter("streams", "newsroom.raw", 0, 7, bytes, "bad", null, NOW);
        bytes[0] = 9;

        assertThat(letter.value()).containsExactly(1, 2, 3);
        assertThat(letter).isEqualTo(new DeadLetter("streams", "newsroom.raw", 0, 7, new byte[] {1, 2, 3}, "bad", "", NOW));
    }

    @Test
    void shouldNameTheErrorOfADeadLetterByTheExceptionOrItsClass() {
        DeadLetter withMessage = DeadLetter.of("indexer", "t", 1, 2, null, new IllegalStateException("mapping conflict"), NOW);
        DeadLetter withoutMessage = DeadLetter.of("indexer", "t", 1, 2, null, new NullPointerException(), NOW);

        assertThat(withMessage.error()).isEqualTo("mapping conflict");
        assertThat(withMessage.errorType()).isEqualTo("java.lang.IllegalStateException");
        assertThat(withoutMessage.error()).isEqualTo("NullPointerException");
    }
}
