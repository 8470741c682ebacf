package dev.newsroom.indexer.internal;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The bodies of the three composable index templates, as JSON. Mappings are {@code dynamic:
 * strict}: a field the indexer writes but the mapping lacks is a visible per-document error (and
 * a dead letter), never a silently guessed type.
 */
public final class IndexMappings {
    /** Bump when a template body changes; stored as the template's {@code version}. */
    public static final int TEMPLATE_VERSION = 4;
    /** Above the built-in templates of the default distribution (logs-*, metrics-*: 100), so ours wins for our names. */
    static final int PRIORITY = 500;
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final int URL_IGNORE_ABOVE = 4096;

    private IndexMappings() {}

    /** The template for the stories index {@code indexName}. */
    public static ObjectNode storiesTemplate(String indexName, String analyzer, int shards, int replicas) {
        ObjectNode p = JSON.objectNode();
        p.set("id", keyword());
        p.set("revision", type("long"));
        p.set("published_at", type("date"));
        p.set("title", titleText(analyzer));
        p.set("text", text(analyzer));
        p.set("url", url());
        p.set("site", keyword());
        p.set("sites", keyword());
        p.set("urls", url());
        p.set("copy_count", type("integer"));
        addTags(p);
        p.set("canonical", object(copyProperties(analyzer)));
        // Kept in _source for `newsroom story` and Kibana's document view, not indexed (version 4): up to 200 copies
        // of 11 fields each, re-indexed at every revision of a growing story, took a fifth of Elasticsearch's CPU in
        // a 100,000-article bench e2e. Filter stories by `sites` and `urls`; a copy's fields are searchable in the articles index.
        p.set("copies", type("object").put("enabled", false));
        return template(indexName, "Stories: one document per story, external version = revision.", p, shards, replicas);
    }

    /** The template for the articles index {@code indexName}. */
    public static ObjectNode articlesTemplate(String indexName, String analyzer, int shards, int replicas) {
        ObjectNode p = JSON.objectNode();
        p.set("id", keyword());
        p.set("story_id", keyword());
        p.set("canonical", type("boolean"));
        p.set("similarity", type("float"));
        p.set("url", url());
        p.set("site", keyword());
        p.set("title", titleText(analyzer));
        p.set("text", text(analyzer));
        p.set("feed_url", url());
        p.set("published_at", type("date"));
        p.set("fetched_at", type("date"));
        addTags(p);
        return template(indexName, "Articles: one document per copy of a story.", p, shards, replicas);
    }

    /** The template for the feed-status index {@code indexName}. */
    public static ObjectNode feedStatusTemplate(String indexName, int shards, int replicas) {
        ObjectNode p = JSON.objectNode();
        p.set("feed_id", keyword());
        p.set("feed_url", url());
        p.set("polled_at", type("date"));
        p.set("outcome", keyword());
        p.set("http_status", type("integer"));
        p.set("items_new", type("integer"));
        p.set("items_seen", type("integer"));
        p.set("latency_ms", type("long"));
        ObjectNode error = type("text");
        error.put("analyzer", "standard");
        error.set("fields", JSON.objectNode().set("keyword", keyword().put("ignore_above", 1024)));
        p.set("error", error);
        p.set("healthy", type("boolean"));
        p.set("bytes", type("long"));
        p.set("error_class", keyword());
        p.set("full_text_note", keyword().put("ignore_above", 1024));
        return template(indexName, "Feed status: one document per poll of a feed.", p, shards, replicas);
    }

    private static ObjectNode template(String indexName, String description, ObjectNode properties, int shards, int replicas) {
        ObjectNode body = JSON.objectNode();
        body.putArray("index_patterns").add(indexName + "-*");
        body.put("priority", PRIORITY);
        body.put("version", TEMPLATE_VERSION);
        body.putObject("_meta").put("managed_by", "newsroom-indexer").put("description", description);
        ObjectNode template = body.putObject("template");
        template.putObject("settings").putObject("index")
                .put("number_of_shards", shards)
                .put("number_of_replicas", replicas);
        ObjectNode mappings = template.putObject("mappings");
        mappings.put("dynamic", "strict");
        mappings.set("properties", properties);
        return body;
    }

    private static void addTags(ObjectNode p) {
        ObjectNode topic = JSON.objectNode();
        topic.set("code", keyword());
        topic.set("label", keyword());
        topic.set("score", type("float"));
        p.set("topics", object(topic));
        p.set("regions", keyword());
        p.set("countries", keyword());
        p.set("language", keyword());
        p.set("keywords", keyword().put("ignore_above", 256));
    }

    private static ObjectNode copyProperties(String analyzer) {
        ObjectNode copy = JSON.objectNode();
        copy.set("article_id", keyword());
        copy.set("url", url());
        copy.set("site", keyword());
        copy.set("title", text(analyzer));
        copy.set("published_at", type("date"));
        copy.set("similarity", type("float"));
        ObjectNode joined = JSON.objectNode();
        joined.set("matched_article_id", keyword());
        joined.set("jaccard", type("float"));
        joined.set("containment", type("float"));
        joined.set("canonical_by_attribution", type("boolean"));
        joined.set("rule", keyword());
        copy.set("joined", object(joined));
        return copy;
    }

    private static ObjectNode object(ObjectNode properties) {
        ObjectNode o = type("object");
        o.set("properties", properties);
        return o;
    }

    private static ObjectNode type(String type) {
        return JSON.objectNode().put("type", type);
    }

    private static ObjectNode keyword() {
        return type("keyword");
    }

    /** URLs can be long; one past the term limit would reject the whole document. */
    private static ObjectNode url() {
        return keyword().put("ignore_above", URL_IGNORE_ABOVE);
    }

    private static ObjectNode text(String analyzer) {
        return type("text").put("analyzer", analyzer);
    }

    /** Text for search plus {@code title.keyword} for sorting and exact terms in Kibana. */
    private static ObjectNode titleText(String analyzer) {
        ObjectNode title = text(analyzer);
        title.set("fields", JSON.objectNode().set("keyword", keyword().put("ignore_above", 512)));
        return title;
    }
}
