package dev.newsroom.indexer;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch._types.mapping.Property;
import co.elastic.clients.elasticsearch.indices.get_index_template.IndexTemplateItem;
import dev.newsroom.embedded.testing.NewsroomClusterExtension;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.newsroom.indexer.internal.Documents.StoryDocument;
import dev.newsroom.indexer.internal.IndexMappings;
import dev.newsroom.embedded.testing.TestCluster;
import dev.newsroom.model.IndexNames;
import dev.newsroom.model.config.ElasticsearchConnection;
import java.io.StringReader;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(NewsroomClusterExtension.class)
class IndexTemplatesIT {

    @Test
    void shouldInstallTwiceWithoutChangeBehindAliasesAndFallBackToStandardOnTheEmbeddedCluster(TestCluster cluster) throws Exception {
        IndexNames names = IndexNames.withPrefix(cluster.uniquePrefix());
        try (ElasticsearchClient client = ElasticsearchClients.create(ElasticsearchConnection.of(URI.create(cluster.elasticsearchUrl())))) {

            TextAnalyzer first = IndexTemplates.install(client, names);
            TextAnalyzer second = IndexTemplates.install(client, names);

            assertThat(first).isEqualTo(TextAnalyzer.STANDARD);
            assertThat(second).isEqualTo(TextAnalyzer.STANDARD);
            List<IndexTemplateItem> templates = client.indices().getIndexTemplate(t -> t.name(names.stories() + "*")).indexTemplates();
            assertThat(templates).extracting(IndexTemplateItem::name).containsExactly(names.stories());
            assertThat(templates.get(0).indexTemplate().version()).isEqualTo((long) IndexMappings.TEMPLATE_VERSION);
            for (String index : List.of(names.stories(), names.articles(), names.feedStatus())) {
                assertThat(client.indices().exists(e -> e.index(index)).value()).as(index).isTrue();
            }
            for (String alias : List.of(names.stories(), names.articles(), names.feedStatus())) {
                assertThat(client.indices().getAlias(a -> a.name(alias)).result())
                        .as(alias).containsOnlyKeys(IndexTemplates.firstIndex(alias));
                assertThat(client.indices().getAlias(a -> a.name(alias)).result().get(IndexTemplates.firstIndex(alias))
                        .aliases().get(alias).isWriteIndex()).isTrue();
            }
            Map<String, Property> properties = client.indices().getMapping(m -> m.index(names.articles()))
                    .get(IndexTemplates.firstIndex(names.articles())).mappings().properties();
            assertThat(properties.get("text").text().analyzer()).isEqualTo("standard");
            assertThat(properties.get("story_id").isKeyword()).isTrue();
            assertThat(client.indices().getSettings(s -> s.index(names.stories())).get(IndexTemplates.firstIndex(names.stories()))
                    .settings().index().numberOfReplicas()).isEqualTo("0");
        }
    }

    @Test
    void shouldAddNewFieldsToAnIndexMadeByAnEarlierVersion(TestCluster cluster) throws Exception {
        IndexNames names = IndexNames.withPrefix(cluster.uniquePrefix());
        try (ElasticsearchClient client = ElasticsearchClients.create(ElasticsearchConnection.of(URI.create(cluster.elasticsearchUrl())))) {
            String articles = IndexTemplates.firstIndex(names.articles());
            client.indices().create(c -> c.index(articles).aliases(names.articles(), a -> a.isWriteIndex(true))
                    .withJson(new StringReader("{\"mappings\":{\"dynamic\":\"strict\",\"properties\":{\"id\":{\"type\":\"keyword\"}}}}")));

            IndexTemplates.install(client, names);

            Map<String, Property> properties = client.indices().getMapping(m -> m.index(names.articles()))
                    .get(articles).mappings().properties();
            assertThat(properties.get("keywords").isKeyword()).isTrue();
            assertThat(properties.get("story_id").isKeyword()).isTrue();
        }
    }

    /**
     * Template version 4 stops indexing a story's copies, which an index made by version 3 cannot take: it keeps
     * its copies mapped and takes stories as before, and still gets the fields a newer template adds.
     */
    @Test
    void shouldKeepIndexingStoriesIntoAnIndexWhoseCopiesAreStillMappedAndAddItsNewFields(TestCluster cluster) throws Exception {
        IndexNames names = IndexNames.withPrefix(cluster.uniquePrefix());
        try (ElasticsearchClient client = ElasticsearchClients.create(ElasticsearchConnection.of(URI.create(cluster.elasticsearchUrl())))) {
            ObjectNode mappings = IndexMappings.storiesTemplate(names.stories(), "standard", 1, 0).at("/template/mappings").deepCopy();
            ObjectNode properties = (ObjectNode) mappings.get("properties");
            properties.set("copies", mappings.at("/properties/canonical").deepCopy());
            properties.remove("keywords");  // as if a later version had added it
            String stories = IndexTemplates.firstIndex(names.stories());
            client.indices().create(c -> c.index(stories).aliases(names.stories(), a -> a.isWriteIndex(true))
                    .withJson(new StringReader("{\"mappings\":" + mappings + "}")));

            IndexTemplates.install(client, names);
            client.index(i -> i.index(names.stories()).id("s1").document(StoryDocument.of(TestData.story("s1", 1, "A title")))
                    .refresh(Refresh.True));

            Map<String, Property> mapped = client.indices().getMapping(m -> m.index(names.stories())).get(stories).mappings().properties();
            assertThat(mapped.get("copies").object().properties()).containsKey("site");
            assertThat(mapped.get("keywords").isKeyword()).as("a new field is still added").isTrue();
            assertThat(client.count(c -> c.index(names.stories()).query(q -> q.term(t -> t.field("copies.site").value("www.globalresearch.ca"))))
                    .count()).isEqualTo(1);
        }
    }
}
