package dev.newsroom.ingest.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsroom.model.PollOutcome;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ErrorClassTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "OK | 200 | '' | ''",
        "HTTP_ERROR | 404 | HTTP 404 | http-4xx",
        "HTTP_ERROR | 500 | HTTP 500 | http-5xx",
        "HTTP_ERROR | 429 | HTTP 429, retry after 2m | rate-limited",
        "HTTP_ERROR | 302 | too many redirects (more than 5) | redirects",
        "NETWORK_ERROR | 0 | connection refused | refused",
        "NETWORK_ERROR | 0 | refusing private address 10.0.0.1; set allow-private-networks to fetch it | private-address",
        "TIMEOUT | 0 | timeout after 20s | timeout",
        "PARSE_ERROR | 200 | refused a DOCTYPE declaration at line 1: feeds may not declare DTDs or entities | doctype",
        "PARSE_ERROR | 200 | not a feed: the document is an HTML page | not-a-feed"})
    void shouldClassifyEachKindOfFailure(PollOutcome outcome, int status, String error, String expected) {
        assertThat(ErrorClass.of(outcome, status, error)).isEqualTo(expected);
    }
}
