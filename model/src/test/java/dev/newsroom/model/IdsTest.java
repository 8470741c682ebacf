package dev.newsroom.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class IdsTest {

    @Test
    void shouldGiveTheSameIdToTheSameItemSeenThroughDifferentUrls() {
        String plain = "https://www.globalresearch.ca/us-turkey-syria/5492341";
        String tracked = "HTTPS://WWW.GlobalResearch.ca:443/us-turkey-syria/5492341?utm_source=rss&utm_medium=feed#comments";

        assertThat(Ids.article(tracked)).isEqualTo(Ids.article(plain));
    }

    @Test
    void shouldKeepQueryParametersThatNameADifferentPage() {
        assertThat(Ids.article("http://example.com/story?id=1"))
                .isNotEqualTo(Ids.article("http://example.com/story?id=2"));
    }

    @Test
    void shouldSortQueryParameters() {
        assertThat(Ids.canonicalUrl("http://example.com/a?b=2&a=1")).isEqualTo("http://example.com/a?a=1&b=2");
    }

    @Test
    void shouldMakeEmptyPathSlash() {
        assertThat(Ids.canonicalUrl("http://Example.com")).isEqualTo("http://example.com/");
    }

    @Test
    void shouldKeepANonDefaultPort() {
        assertThat(Ids.canonicalUrl("http://127.0.0.1:8080/feed.xml")).isEqualTo("http://127.0.0.1:8080/feed.xml");
    }

    @Test
    void shouldPrefixArticleAndFeedIdsDifferently() {
        String url = "https://landdestroyer.blogspot.com/feeds/posts/default";
        assertThat(Ids.article(url)).startsWith("a-").hasSize(34);
        assertThat(Ids.feed(url)).startsWith("f-").hasSize(34);
    }

    @Test
    void shouldNameTheSiteWithoutWww() {
        assertThat(Ids.site("https://www.GlobalResearch.ca/x")).isEqualTo("globalresearch.ca");
    }

    @Test
    void shouldRejectANonHttpUrlWithASentence() {
        assertThatThrownBy(() -> Ids.article("ftp://example.com/x"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'ftp://example.com/x' is not an absolute http or https URL");
    }

    @Test
    void shouldRejectARelativeUrl() {
        assertThatThrownBy(() -> Ids.article("/2015/11/story.html"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not an absolute http or https URL");
    }
}
