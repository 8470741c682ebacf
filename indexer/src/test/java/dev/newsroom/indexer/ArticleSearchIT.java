package dev.newsroom.indexer;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.Refresh;
import dev.newsroom.embedded.testing.NewsroomClusterExtension;
import dev.newsroom.embedded.testing.TestCluster;
import dev.newsroom.indexer.internal.Documents.ArticleDocument;
import dev.newsroom.indexer.internal.Documents.StoryDocument;
import dev.newsroom.model.Article;
import dev.newsroom.model.IndexNames;
import dev.newsroom.model.Story;
import dev.newsroom.model.config.ElasticsearchConnection;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(NewsroomClusterExtension.class)
class ArticleSearchIT {
    private static ElasticsearchClient client;
    private static IndexNames indices;
    private static ArticleSearch search;

    @BeforeAll
    static void indexAFewDocuments(TestCluster cluster) throws Exception {
        client = ElasticsearchClients.create(ElasticsearchConnection.of(URI.create(cluster.elasticsearchUrl())));
        indices = IndexNames.withPrefix(cluster.uniquePrefix());
        search = new ArticleSearch(client, indices);
        IndexTemplates.install(client, indices);
        Story syria = TestData.story("s1", 1, "Turkey downs Russian jet over Syria");
        index(indices.stories(), "s1", StoryDocument.of(syria));
        for (Article a : List.of(
                TestData.article("a1", "s1", "landdestroyer.blogspot.com", "Turkey downs Russian jet", "A Russian warplane fell."),
                TestData.article("a2", "s1", "www.globalresearch.ca", "Turkey downs Russian jet", "A Russian warplane fell."),
                new Article("a3", "s3", true, 1.0, "https://example.org/a3", "example.org", "Budget", "The budget passed.",
                        "", Instant.parse("2020-05-01T00:00:00Z"), TestData.FETCHED, List.of(), List.of(), List.of("GB"), "en"))) {
            index(indices.articles(), a.id(), ArticleDocument.of(a));
        }
    }

    @AfterAll
    static void closeClient() throws Exception {
        client.close();
    }

    @Test
    void shouldFindAStoryByAWordAndListItsCopiesSites() throws Exception {
        List<SearchHit> hits = search.search(SearchRequest.of("russian jet"));

        assertThat(hits).extracting(SearchHit::id).containsExactly("s1");
        assertThat(hits.get(0).copyCount()).isEqualTo(2);
        assertThat(hits.get(0).sites()).containsExactly("landdestroyer.blogspot.com", "www.globalresearch.ca");
        assertThat(hits.get(0).publishedAt()).isEqualTo(TestData.PUBLISHED);
    }

    @Test
    void shouldFilterArticlesBySiteCountryTopicAndTime() throws Exception {
        SearchRequest.Kind articles = SearchRequest.Kind.ARTICLES;

        assertThat(ids(new SearchRequest("", articles, null, null, "WWW.GLOBALRESEARCH.CA", null, null, 20))).containsExactly("a2");
        assertThat(ids(new SearchRequest("", articles, null, "gb", null, null, null, 20))).containsExactly("a3");
        assertThat(ids(new SearchRequest("", articles, "Terrorism", null, null, null, null, 20))).containsExactlyInAnyOrder("a1", "a2");
        assertThat(ids(new SearchRequest("", articles, "medtop:20000564", null, null, null, null, 20))).hasSize(2);
        assertThat(ids(new SearchRequest("", articles, null, null, null, Instant.parse("2020-01-01T00:00:00Z"), null, 20)))
                .containsExactly("a3");
    }

    @Test
    void shouldListEverythingNewestFirstWithoutWords() throws Exception {
        assertThat(ids(new SearchRequest("", SearchRequest.Kind.ARTICLES, null, null, null, null, null, 20)).get(0)).isEqualTo("a3");
    }

    @Test
    void shouldFilterStoriesByTheSitesOfTheirCopiesWhichAreKeptButNotIndexed() throws Exception {
        SearchRequest.Kind stories = SearchRequest.Kind.STORIES;
        String copySite = "www.globalresearch.ca";

        assertThat(ids(new SearchRequest("", stories, null, null, copySite, null, null, 20))).containsExactly("s1");
        assertThat(client.count(c -> c.index(indices.stories()).query(q -> q.term(t -> t.field("copies.site").value(copySite))))
                .count()).as("copies are not indexed").isZero();
        assertThat(search.storyById("s1").orElseThrow().get("copies")).asList().hasSize(2);
    }

    @Test
    void shouldGetAStoryById() throws Exception {
        assertThat(search.storyById("s1").orElseThrow()).containsEntry("title", "Turkey downs Russian jet over Syria");
        assertThat(search.storyById("nope")).isEmpty();
    }

    @Test
    void shouldFindNothingWithoutErrorWhenTheIndexDoesNotExist(TestCluster cluster) throws Exception {
        ArticleSearch empty = new ArticleSearch(client, IndexNames.withPrefix(cluster.uniquePrefix()));

        assertThat(empty.search(SearchRequest.of("anything"))).isEmpty();
        assertThat(empty.storyById("s1")).isEmpty();
    }

    private static List<String> ids(SearchRequest request) throws Exception {
        return search.search(request).stream().map(SearchHit::id).toList();
    }

    private static void index(String index, String id, Object document) throws Exception {
        client.index(i -> i.index(index).id(id).document(document).refresh(Refresh.True));
    }
}
