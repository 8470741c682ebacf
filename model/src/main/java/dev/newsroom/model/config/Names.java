package dev.newsroom.model.config;

import dev.newsroom.model.IndexNames;
import dev.newsroom.model.NewsTopics;

/** Settings for the names of topics and indices, shared by every service. */
public final class Names {
    public static final Setting<String> TOPIC_PREFIX = Setting.string(
            "topic.prefix", "", "Prefix put before every topic name (newsroom.raw, ...); empty by default.");
    public static final Setting<String> INDEX_PREFIX = Setting.string(
            "index.prefix", "", "Prefix put before every index name (news-articles, ...); empty by default.");

    private Names() {}

    public static NewsTopics topics(ConfigSource config) {
        try {
            return NewsTopics.withPrefix(config.get(TOPIC_PREFIX));
        } catch (IllegalArgumentException e) {
            throw new ConfigException("Invalid value for " + TOPIC_PREFIX.key() + ": " + e.getMessage(), e);
        }
    }

    public static IndexNames indices(ConfigSource config) {
        try {
            return IndexNames.withPrefix(config.get(INDEX_PREFIX));
        } catch (IllegalArgumentException e) {
            throw new ConfigException("Invalid value for " + INDEX_PREFIX.key() + ": " + e.getMessage(), e);
        }
    }
}
