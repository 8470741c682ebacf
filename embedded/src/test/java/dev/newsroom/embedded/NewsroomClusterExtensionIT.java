package dev.newsroom.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsroom.embedded.testing.NewsroomClusterExtension;
import dev.newsroom.embedded.testing.TestCluster;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(NewsroomClusterExtension.class)
class NewsroomClusterExtensionIT {

    static TestCluster clusterOfBeforeAll;
    static String prefixOfBeforeAll;

    @BeforeAll
    static void rememberCluster(TestCluster cluster) {
        clusterOfBeforeAll = cluster;
        prefixOfBeforeAll = cluster.uniquePrefix();
    }

    @Test
    void shouldShareOneClusterAcrossTheTestJvm(TestCluster cluster) {
        assertThat(cluster).isSameAs(clusterOfBeforeAll);
        assertThat(cluster.bootstrapServers()).matches("127\\.0\\.0\\.1:\\d+").isEqualTo(cluster.bootstrapServers());
    }

    @Test
    void shouldGiveEveryCallAFreshPrefixValidForTopicsAndIndices(TestCluster cluster) {
        String first = cluster.uniquePrefix();
        String second = cluster.uniquePrefix();

        assertThat(first).isNotEqualTo(second).isNotEqualTo(prefixOfBeforeAll);
        assertThat(Set.of(first, second, prefixOfBeforeAll)).allMatch(prefix -> prefix.matches("[a-z][a-z0-9]*-"));
    }

    @Test
    void shouldCreateTopicsWithTheGivenPartitions(TestCluster cluster) throws Exception {
        String prefix = cluster.uniquePrefix();

        cluster.createTopics(3, prefix + "raw", prefix + "articles");

        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers()))) {
            Map<String, TopicDescription> topics = admin.describeTopics(Set.of(prefix + "raw", prefix + "articles"))
                    .allTopicNames().get(30, TimeUnit.SECONDS);
            assertThat(topics.values()).allSatisfy(topic -> assertThat(topic.partitions()).hasSize(3));
        }
    }

    @Test
    void shouldStartElasticsearchOnFirstUse(TestCluster cluster) throws Exception {
        String url = cluster.elasticsearchUrl();

        HttpResponse<String> health = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(url + "/_cluster/health")).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(cluster.elasticsearchUrl()).isEqualTo(url);
    }
}
