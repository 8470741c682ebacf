package dev.newsroom.indexer;

import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import java.io.IOException;
import java.util.List;

/**
 * The analyzer of the indices' text fields: {@code english} (stemming, English stop words) where
 * the cluster has it, else {@code standard}. The {@code english} analyzer lives in the
 * {@code analysis-common} module, which every regular distribution ships and the integ-test
 * distribution (the embedded runtime) lacks.
 */
public enum TextAnalyzer {
    ENGLISH("english"),
    STANDARD("standard");

    private final String analyzerName;

    TextAnalyzer(String analyzerName) {
        this.analyzerName = analyzerName;
    }

    /** The analyzer's name in a mapping. */
    public String analyzerName() {
        return analyzerName;
    }

    /** Something that analyzes a text with the {@code english} analyzer on the cluster and returns the tokens. */
    @FunctionalInterface
    public interface EnglishProbe {
        List<String> analyze(String text) throws IOException;
    }

    /**
     * Chooses by asking the cluster to analyze a word with {@code english}: tokens back means the
     * cluster has it; a 400 answer (unknown analyzer) means it does not. Any other failure (the
     * cluster is unreachable, the credentials lack a privilege) is thrown, so that a transient
     * error never silently downgrades the mappings.
     *
     * @throws IOException when the cluster cannot be reached
     * @throws ElasticsearchException when the cluster refuses the probe for another reason
     */
    public static TextAnalyzer choose(EnglishProbe probe) throws IOException {
        try {
            probe.analyze("indexing");
            return ENGLISH;
        } catch (ElasticsearchException e) {
            if (e.status() == 400) {
                return STANDARD;
            }
            throw e;
        }
    }
}
