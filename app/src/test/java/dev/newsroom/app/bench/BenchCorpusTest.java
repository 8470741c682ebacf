package dev.newsroom.app.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchCorpusTest {
    @TempDir
    Path dir;

    private static Path corpus() throws Exception {
        return Path.of(BenchCorpusTest.class.getResource("/bench/corpus.jsonl").toURI());
    }

    @Test
    void shouldMakeEveryFourthItemARepublishedCopyOfThePreviousOne() throws Exception {
        List<BenchArticle> items = BenchCorpus.load(corpus(), 8, 3);

        assertThat(items).hasSize(8);
        BenchArticle original = items.get(2);
        BenchArticle copy = items.get(3);
        assertThat(copy.url()).startsWith("https://republisher-").contains(".example/bench/3");
        assertThat(copy.title()).isEqualToIgnoringCase(original.title());
        assertThat(items.get(7).url()).startsWith("https://republisher-");
        assertThat(items.stream().filter(i -> !i.url().contains("republisher"))).hasSize(6);
    }

    @Test
    void shouldGiveEveryItemItsOwnUrlAndSpreadThemOverFeeds() throws Exception {
        List<BenchArticle> items = BenchCorpus.load(corpus(), 20, 6);

        Set<String> urls = items.stream().map(BenchArticle::url).collect(Collectors.toSet());
        assertThat(urls).hasSize(20);
        assertThat(items).extracting(BenchArticle::feed).containsOnly(0, 1, 2, 3);
    }

    @Test
    void shouldEscapeMarkupOfTheCorpusText() throws Exception {
        Path file = Files.writeString(dir.resolve("c.jsonl"), "{\"site\":\"x.org\",\"title\":\"A <b>\",\"text\":\"1 < 2 & 3\"}\n");

        BenchArticle item = BenchCorpus.load(file, 1, 1).get(0);

        assertThat(item.html()).isEqualTo("<p>1 &lt; 2 &amp; 3</p>\n");
    }

    @Test
    void shouldRefuseACorpusWithoutArticles() throws IOException {
        Path empty = Files.writeString(dir.resolve("empty.jsonl"), "{\"site\":\"x.org\"}\n");

        assertThatThrownBy(() -> BenchCorpus.load(empty, 10, 5)).hasMessageContaining("has no article with a title and a text");
    }

    @Test
    void shouldTakeNearestRankPercentiles() {
        long[] sorted = {10, 20, 30, 40, 50, 60, 70, 80, 90, 100};

        assertThat(E2eBenchmark.percentile(sorted, 50)).isEqualTo(50);
        assertThat(E2eBenchmark.percentile(sorted, 95)).isEqualTo(100);
        assertThat(E2eBenchmark.percentile(new long[0], 95)).isZero();
    }

    @Test
    void shouldWriteTheBenchJsonContractInOrder() throws Exception {
        BenchResult result = new BenchResult("e2e", 1000, 10.0, 100.0, 400.0, 4.25, 800, 1500, 2100, 312, Map.of());

        assertThat(result.toJson()).isEqualTo("{\"kind\":\"e2e\",\"articles\":1000,\"seconds\":10.0,\"throughput_per_s\":100.0,"
                + "\"baseline_bulk_per_s\":400.0,\"ratio\":0.25,\"settle_s\":4.3,\"latency_ms\":{\"p50\":800,\"p95\":1500,\"p99\":2100},\"peak_heap_mb\":312}");
        assertThat(new BenchResult("e2e", 1, 1.0, 1.0, 1.0, 0, 1, 1, 1, 1, Map.of("streams", 2.5)).toJson()).endsWith(",\"cpu_s\":{\"streams\":2.5}}");
    }
}
