package dev.newsroom.app.internal;

import dev.newsroom.model.config.ConfigSource;
import java.nio.file.Path;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The options of the commands that only query Elasticsearch ({@code search}, {@code story}). */
public final class QueryOptions {
    @Mixin
    ElasticsearchOptions elasticsearch;

    @Option(names = "--config", paramLabel = "FILE", description = "Properties file of newsroom settings (elasticsearch.*, index.prefix).")
    Path configFile;

    /** These flags, then the environment, then the config file, then defaults. */
    public ConfigSource config() {
        return ConnectionOptions.config(elasticsearch, configFile);
    }
}
