package dev.newsroom.indexer;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch.indices.analyze.AnalyzeToken;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.newsroom.indexer.internal.IndexMappings;
import dev.newsroom.model.IndexNames;
import java.io.IOException;
import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Installs the composable index templates of {@code news-stories}, {@code news-articles} and
 * {@code news-feed-status} and creates each index behind its alias. The names the indexer writes
 * and searches are aliases; the concrete index behind one is {@code <alias>-000001} (then
 * {@code -000002}, ... after a reindex or rollover), with the alias as its write index. One
 * template per alias, named like it, matches {@code <alias>-*}, so that a prefixed set gets its
 * own templates. Running it again changes nothing: a template is replaced by an identical one and
 * an existing alias (or an index of that name made by an earlier version) keeps its index, and
 * the template's mapping is put on it too, so fields a newer version adds (always additive) can be
 * written at once; a mapping that conflicts is logged and applies to indices created afterwards.
 */
public final class IndexTemplates {
    private static final Logger log = LoggerFactory.getLogger(IndexTemplates.class);

    /** Primary shards per index unless told otherwise: one, for the one-node embedded runtime. */
    public static final int DEFAULT_SHARDS = 1;
    /** Replicas per index unless told otherwise: none, for the one-node embedded runtime. */
    public static final int DEFAULT_REPLICAS = 0;

    /**
     * Fields whose mapping changed in a way an existing index cannot take: the stories' {@code copies}, indexed
     * up to template version 3 and only kept in {@code _source} since version 4. An index made earlier keeps
     * indexing them until it is reindexed.
     */
    private static final List<String> KEPT_AS_MAPPED = List.of("copies");

    private IndexTemplates() {}

    /** {@link #install(ElasticsearchClient, IndexNames, int, int)} with one shard and no replica. */
    public static TextAnalyzer install(ElasticsearchClient client, IndexNames names) throws IOException {
        return install(client, names, DEFAULT_SHARDS, DEFAULT_REPLICAS);
    }

    /**
     * Chooses the text analyzer (see {@link TextAnalyzer#choose}), puts the three templates and
     * creates the missing indices.
     *
     * @param shards   primary shards of indices created from now on, at least 1
     * @param replicas replicas of indices created from now on, at least 0
     * @return the analyzer the templates use for text fields
     * @throws IOException when Elasticsearch cannot be reached
     * @throws ElasticsearchException when Elasticsearch refuses a template or an index
     */
    public static TextAnalyzer install(ElasticsearchClient client, IndexNames names, int shards, int replicas) throws IOException {
        if (shards < 1 || replicas < 0) {
            throw new IllegalArgumentException("shards must be at least 1 and replicas at least 0, were " + shards + " and " + replicas);
        }
        TextAnalyzer analyzer = TextAnalyzer.choose(text -> client.indices()
                .analyze(a -> a.analyzer(TextAnalyzer.ENGLISH.analyzerName()).text(text))
                .tokens().stream().map(AnalyzeToken::token).toList());
        if (analyzer == TextAnalyzer.STANDARD) {
            log.info("Elasticsearch has no english analyzer (module analysis-common is missing); text fields of {}, {} use the standard analyzer.",
                    names.stories(), names.articles());
        }
        for (Map.Entry<String, ObjectNode> template : templates(names, analyzer, shards, replicas).entrySet()) {
            String name = template.getKey();
            client.indices().putIndexTemplate(t -> t.name(name).withJson(new StringReader(template.getValue().toString())));
            if (!createIfAbsent(client, name)) {
                updateMapping(client, name, template.getValue());
            }
        }
        log.info("Index templates for {}, {} and {} are installed (version {}, text analyzer {}).",
                names.stories(), names.articles(), names.feedStatus(), IndexMappings.TEMPLATE_VERSION, analyzer.analyzerName());
        return analyzer;
    }

    /** The template bodies by template (and index) name; what {@link #install} puts. */
    public static Map<String, ObjectNode> templates(IndexNames names, TextAnalyzer analyzer, int shards, int replicas) {
        Map<String, ObjectNode> templates = new LinkedHashMap<>();
        String a = analyzer.analyzerName();
        templates.put(names.stories(), IndexMappings.storiesTemplate(names.stories(), a, shards, replicas));
        templates.put(names.articles(), IndexMappings.articlesTemplate(names.articles(), a, shards, replicas));
        templates.put(names.feedStatus(), IndexMappings.feedStatusTemplate(names.feedStatus(), shards, replicas));
        return templates;
    }

    /** The first concrete index behind an alias: {@code <alias>-000001}. */
    public static String firstIndex(String alias) {
        return alias + "-000001";
    }

    /**
     * Puts the template's mappings on the existing indices behind {@code alias}: new fields become writable.
     * Put-mapping merges, and a field left out stays as the index has it: {@link #KEPT_AS_MAPPED} are left out
     * because an index made by an earlier version cannot take their new mapping, and Elasticsearch would refuse
     * the whole request, new fields included.
     */
    private static void updateMapping(ElasticsearchClient client, String alias, ObjectNode template) throws IOException {
        ObjectNode mappings = template.path("template").path("mappings").deepCopy();
        ((ObjectNode) mappings.get("properties")).remove(KEPT_AS_MAPPED);
        try {
            client.indices().putMapping(m -> m.index(alias).withJson(new StringReader(mappings.toString())));
        } catch (ElasticsearchException e) {
            log.warn("The mapping of {} conflicts with this version's template ({}); it keeps its mapping until it is reindexed "
                    + "(see the indexer's README), and a document with a field it lacks goes to the dead-letter topic.",
                    alias, e.getMessage());
        }
    }

    /** @return whether the index was created now */
    private static boolean createIfAbsent(ElasticsearchClient client, String alias) throws IOException {
        if (client.indices().existsAlias(e -> e.name(alias)).value()) {
            return false;
        }
        if (client.indices().exists(e -> e.index(alias)).value()) {
            log.warn("{} is a concrete index (made by an earlier version of the indexer), not an alias; it is used as it is. "
                    + "Reindex it into {} behind alias {} to be able to reindex or roll over later (see the indexer's README).",
                    alias, firstIndex(alias), alias);
            return false;
        }
        String index = firstIndex(alias);
        try {
            client.indices().create(c -> c.index(index).aliases(alias, a -> a.isWriteIndex(true)));
            log.info("Index {} is created from its template, behind alias {} (its write index).", index, alias);
            return true;
        } catch (ElasticsearchException e) {
            if (!"resource_already_exists_exception".equals(e.error().type())) {
                throw e;
            }
            return false;
        }
    }
}
