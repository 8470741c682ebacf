package dev.newsroom.indexer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.ErrorResponse;
import java.io.IOException;
import java.net.ConnectException;
import java.util.List;
import org.junit.jupiter.api.Test;

class TextAnalyzerTest {

    @Test
    void shouldChooseEnglishWhenTheClusterAnalyzesWithIt() throws IOException {
        assertThat(TextAnalyzer.choose(text -> List.of("index"))).isEqualTo(TextAnalyzer.ENGLISH);
    }

    @Test
    void shouldFallBackToStandardWhenTheClusterDoesNotKnowEnglish() throws IOException {
        TextAnalyzer chosen = TextAnalyzer.choose(text -> {
            throw error(400, "illegal_argument_exception", "failed to find global analyzer [english]");
        });

        assertThat(chosen).isEqualTo(TextAnalyzer.STANDARD);
        assertThat(chosen.analyzerName()).isEqualTo("standard");
    }

    @Test
    void shouldNotDowngradeTheMappingsWhenTheProbeIsRefusedForAnotherReason() {
        assertThatThrownBy(() -> TextAnalyzer.choose(text -> {
            throw error(403, "security_exception", "action [indices:admin/analyze] is unauthorized");
        })).isInstanceOf(ElasticsearchException.class);
    }

    @Test
    void shouldNotDowngradeTheMappingsWhenTheClusterCannotBeReached() {
        assertThatThrownBy(() -> TextAnalyzer.choose(text -> {
            throw new ConnectException("Connection refused");
        })).isInstanceOf(ConnectException.class);
    }

    private static ElasticsearchException error(int status, String type, String reason) {
        return new ElasticsearchException("indices.analyze",
                ErrorResponse.of(e -> e.status(status).error(c -> c.type(type).reason(reason))));
    }
}
