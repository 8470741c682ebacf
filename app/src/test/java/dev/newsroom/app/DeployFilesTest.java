package dev.newsroom.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.newsroom.app.internal.TopicProvisioner;
import dev.newsroom.indexer.IndexerConfig;
import dev.newsroom.ingest.IngestConfig;
import dev.newsroom.model.NewsTopics;
import dev.newsroom.model.Topic;
import dev.newsroom.model.config.ConfigSource;
import dev.newsroom.model.config.ElasticsearchConnection;
import dev.newsroom.model.config.KafkaConnection;
import dev.newsroom.model.config.Names;
import dev.newsroom.model.config.Setting;
import dev.newsroom.streams.NewsStreamsConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code deploy/docker-compose.yml} and {@code deploy/k8s/*.yaml}, read as data: images and
 * versions match the build's, every {@code NEWSROOM_*} variable is a real, documented setting,
 * volumes, networks and dependencies resolve, and the topics match {@link NewsTopics}.
 */
class DeployFilesTest {
    private static final Path ROOT = Path.of("..");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final NewsTopics TOPICS = NewsTopics.defaults();
    private static final Set<String> COMPACTED = Set.of(TOPICS.feeds().name(), TOPICS.feedState().name(), TOPICS.stories().name());

    /** Every setting of every process, by environment variable. */
    private static final Map<String, Setting<?>> SETTINGS = Stream.of(
                    KafkaConnection.BOOTSTRAP_SERVERS, ConfigSource.KAFKA_PROPERTIES_FILE,
                    ElasticsearchConnection.URL, ElasticsearchConnection.API_KEY, ElasticsearchConnection.USERNAME,
                    ElasticsearchConnection.PASSWORD, ElasticsearchConnection.CA_CERTIFICATE,
                    Names.TOPIC_PREFIX, Names.INDEX_PREFIX,
                    TopicProvisioner.PARTITIONS, TopicProvisioner.REPLICATION_FACTOR, TopicProvisioner.CONNECT_TIMEOUT,
                    RunCommand.PROGRESS_INTERVAL,
                    IngestConfig.POLL_INTERVAL, IngestConfig.FETCH_TIMEOUT, IngestConfig.FETCH_MAX_BYTES,
                    IngestConfig.FETCH_CONCURRENCY, IngestConfig.ALLOW_PRIVATE_NETWORKS, IngestConfig.GROUP_ID,
                    NewsStreamsConfig.APPLICATION_ID, NewsStreamsConfig.STATE_DIR, NewsStreamsConfig.THREADS,
                    NewsStreamsConfig.PROCESSING_GUARANTEE,
                    IndexerConfig.GROUP_ID, IndexerConfig.BATCH_SIZE, IndexerConfig.FLUSH_INTERVAL,
                    IndexerConfig.MAX_RETRY_BACKOFF, IndexerConfig.SHARDS, IndexerConfig.REPLICAS)
            .collect(Collectors.toMap(Setting::envVar, Function.identity()));

    private static JsonNode compose;
    private static List<JsonNode> k8s;
    private static String parentPom;

    @BeforeAll
    static void load() throws IOException {
        compose = YAML.readTree(ROOT.resolve("deploy/docker-compose.yml").toFile());
        k8s = new ArrayList<>();
        try (Stream<Path> files = Files.list(ROOT.resolve("deploy/k8s"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                YAML.readerFor(JsonNode.class).<JsonNode>readValues(file.toFile()).readAll().stream()
                        .filter(doc -> doc != null && !doc.isNull()).forEach(k8s::add);
            }
        }
        parentPom = Files.readString(ROOT.resolve("pom.xml"));
    }

    private static String pomProperty(String name) {
        Matcher m = Pattern.compile("<" + Pattern.quote(name) + ">([^<]+)</" + Pattern.quote(name) + ">").matcher(parentPom);
        assertThat(m.find()).as("property " + name + " in the parent pom").isTrue();
        return m.group(1).strip();
    }

    private static String newsroomImage() {
        Matcher m = Pattern.compile("<artifactId>newsroom-parent</artifactId>\\s*<version>([^<]+)</version>").matcher(parentPom);
        assertThat(m.find()).isTrue();
        return pomProperty("newsroom.image") + ":" + m.group(1);
    }

    private static Map<String, JsonNode> services() {
        Map<String, JsonNode> services = new HashMap<>();
        compose.get("services").fields().forEachRemaining(e -> services.put(e.getKey(), e.getValue()));
        return services;
    }

    private static List<JsonNode> kind(String kind) {
        return k8s.stream().filter(doc -> doc.path("kind").asText().equals(kind)).toList();
    }

    // ---- images and versions

    @Test
    void shouldRunTheVersionsOfTheBuildInCompose() {
        Map<String, JsonNode> services = services();
        assertThat(services.get("kafka").get("image").asText()).isEqualTo("apache/kafka:" + pomProperty("kafka.version"));
        assertThat(services.get("topics").get("image").asText()).isEqualTo("apache/kafka:" + pomProperty("kafka.version"));
        assertThat(services.get("elasticsearch").get("image").asText())
                .isEqualTo("docker.elastic.co/elasticsearch/elasticsearch:" + pomProperty("elasticsearch.version"));
        assertThat(services.get("kibana").get("image").asText()).isEqualTo("docker.elastic.co/kibana/kibana:" + pomProperty("elasticsearch.version"));
        for (String service : List.of("ingest", "streams", "indexer", "setup")) {
            assertThat(services.get(service).get("image").asText()).as(service).isEqualTo(newsroomImage());
        }
        assertThat(pomProperty("kafka.version")).startsWith("4.3.");
        assertThat(pomProperty("elasticsearch.version")).startsWith("8.19.");
    }

    @Test
    void shouldRunTheVersionsOfTheBuildOnKubernetes() {
        assertThat(kind("Kafka")).singleElement().satisfies(k -> assertThat(k.at("/spec/kafka/version").asText()).isEqualTo(pomProperty("kafka.version")));
        assertThat(kind("Elasticsearch")).singleElement().satisfies(e -> assertThat(e.at("/spec/version").asText()).isEqualTo(pomProperty("elasticsearch.version")));
        assertThat(kind("Kibana")).singleElement().satisfies(k -> assertThat(k.at("/spec/version").asText()).isEqualTo(pomProperty("elasticsearch.version")));
        List<JsonNode> containers = containers();
        assertThat(containers).hasSize(4);
        containers.forEach(c -> assertThat(c.get("image").asText()).as(c.get("name").asText()).isEqualTo(newsroomImage()));
    }

    private static List<JsonNode> containers() {
        List<JsonNode> containers = new ArrayList<>();
        for (JsonNode doc : k8s) {
            doc.at("/spec/template/spec/containers").forEach(containers::add);
        }
        return containers;
    }

    @Test
    void shouldRunTheThreeServicesWithTheirCommands() {
        Map<String, JsonNode> services = services();
        for (String service : List.of("ingest", "streams", "indexer")) {
            assertThat(services.get(service).get("command").get(0).asText()).isEqualTo(service);
            assertThat(kind("Deployment")).anySatisfy(d -> {
                assertThat(d.at("/metadata/name").asText()).isEqualTo("newsroom-" + service);
                assertThat(d.at("/spec/template/spec/containers/0/args/0").asText()).isEqualTo(service);
            });
        }
        assertThat(services.get("setup").get("command").get(0).asText())
                .contains("newsroom kibana import --url http://kibana:5601");
    }

    // ---- settings

    @Test
    void shouldUseOnlyRealSettingsInCompose() {
        Map<String, Set<String>> used = new HashMap<>();
        services().forEach((name, service) -> used.put(name, newsroomVariables(service.path("environment"))));
        used.values().stream().flatMap(Set::stream).forEach(v -> assertThat(SETTINGS).as("compose variable " + v + " is a setting").containsKey(v));
        for (String service : List.of("ingest", "streams", "indexer", "setup")) {
            assertThat(used.get(service)).as(service).contains(KafkaConnection.BOOTSTRAP_SERVERS.envVar());
        }
        assertThat(used.get("indexer")).contains(ElasticsearchConnection.URL.envVar());
        assertThat(used.get("streams")).contains(NewsStreamsConfig.STATE_DIR.envVar());
    }

    private static Set<String> newsroomVariables(JsonNode environment) {
        Set<String> names = new TreeSet<>();
        if (environment.isObject()) {
            environment.fieldNames().forEachRemaining(names::add);
        } else {
            environment.forEach(e -> names.add(e.asText().split("=", 2)[0]));
        }
        names.removeIf(n -> !n.startsWith("NEWSROOM_"));
        return names;
    }

    @Test
    void shouldUseOnlyRealSettingsOnKubernetes() {
        Set<String> configMaps = kind("ConfigMap").stream().map(c -> c.at("/metadata/name").asText()).collect(Collectors.toSet());
        Set<String> used = new TreeSet<>();
        kind("ConfigMap").forEach(c -> used.addAll(newsroomVariables(c.get("data"))));
        for (JsonNode container : containers()) {
            container.path("env").forEach(e -> used.add(e.get("name").asText()));
            container.path("envFrom").forEach(e -> assertThat(configMaps).contains(e.at("/configMapRef/name").asText()));
        }
        used.removeIf(n -> !n.startsWith("NEWSROOM_"));
        used.forEach(v -> assertThat(SETTINGS).as("k8s variable " + v + " is a setting").containsKey(v));
        assertThat(used).contains(KafkaConnection.BOOTSTRAP_SERVERS.envVar(), ElasticsearchConnection.URL.envVar(),
                ElasticsearchConnection.PASSWORD.envVar(), NewsStreamsConfig.STATE_DIR.envVar());
    }

    @Test
    void shouldDocumentEverySettingTheDeployFilesUse() throws IOException {
        StringBuilder docs = new StringBuilder();
        for (String readme : List.of("README.md", "ingest/README.md", "streams/README.md", "indexer/README.md", "deploy/README.md")) {
            Path file = ROOT.resolve(readme);
            if (Files.exists(file)) {
                docs.append(Files.readString(file));
            }
        }
        Set<String> used = new TreeSet<>();
        services().values().forEach(s -> used.addAll(newsroomVariables(s.path("environment"))));
        kind("ConfigMap").forEach(c -> used.addAll(newsroomVariables(c.get("data"))));
        for (String variable : used) {
            String key = SETTINGS.get(variable).key();
            assertThat(docs.toString()).as("the README documents " + key + " (" + variable + ")").contains("`" + key + "`");
        }
    }

    // ---- compose structure

    @Test
    void shouldReferenceOnlyDefinedVolumesNetworksAndServicesInCompose() {
        Set<String> volumes = names(compose.path("volumes"));
        Set<String> networks = names(compose.path("networks"));
        Map<String, JsonNode> services = services();
        services.forEach((name, service) -> {
            for (JsonNode volume : service.path("volumes")) {
                String source = volume.asText().split(":")[0];
                if (!source.startsWith(".") && !source.startsWith("/")) {
                    assertThat(volumes).as(name + " volume " + source).contains(source);
                }
            }
            service.path("networks").forEach(n -> assertThat(networks).as(name + " network").contains(n.asText()));
            service.path("depends_on").fields().forEachRemaining(d -> {
                assertThat(services).as(name + " depends on " + d.getKey()).containsKey(d.getKey());
                String condition = d.getValue().path("condition").asText();
                assertThat(condition).isIn("service_started", "service_healthy", "service_completed_successfully");
                if (condition.equals("service_healthy")) {
                    assertThat(services.get(d.getKey()).has("healthcheck")).as(d.getKey() + " has a healthcheck").isTrue();
                }
                if (condition.equals("service_completed_successfully")) {
                    assertThat(services.get(d.getKey()).path("restart").asText()).as(d.getKey() + " runs once").isEqualTo("no");
                }
            });
        });
        for (String infrastructure : List.of("kafka", "elasticsearch", "kibana")) {
            assertThat(services.get(infrastructure).has("healthcheck")).as(infrastructure).isTrue();
        }
        assertThat(services.get("indexer").at("/depends_on/elasticsearch/condition").asText()).isEqualTo("service_healthy");
    }

    private static Set<String> names(JsonNode map) {
        Set<String> names = new TreeSet<>();
        map.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void shouldCreateEveryTopicWithItsCleanupPolicyAndNoAutoCreationInCompose() {
        Map<String, JsonNode> services = services();
        assertThat(services.get("kafka").at("/environment/KAFKA_AUTO_CREATE_TOPICS_ENABLE").asText()).isEqualTo("false");
        String script = services.get("topics").get("command").get(0).asText();
        Map<String, String> created = new HashMap<>();
        Matcher m = Pattern.compile("(?m)^\\s*create (\\S+) (\\S+)\\s*$").matcher(script);
        while (m.find()) {
            created.put(m.group(1), m.group(2));
        }
        assertThat(created).isEqualTo(expectedPolicies());
    }

    private static Map<String, String> expectedPolicies() {
        Map<String, String> expected = new HashMap<>();
        for (Topic<?, ?> topic : List.of(TOPICS.feeds(), TOPICS.feedState(), TOPICS.raw(), TOPICS.articles(), TOPICS.stories(),
                TOPICS.feedStatus(), TOPICS.dlq())) {
            expected.put(topic.name(), COMPACTED.contains(topic.name()) ? "compact" : "delete");
        }
        return expected;
    }

    // ---- kubernetes structure

    @Test
    void shouldDeclareEveryTopicAsAKafkaTopicWithItsCleanupPolicy() {
        String cluster = kind("Kafka").get(0).at("/metadata/name").asText();
        Map<String, String> declared = new HashMap<>();
        for (JsonNode topic : kind("KafkaTopic")) {
            assertThat(topic.at("/metadata/labels/strimzi.io~1cluster").asText()).isEqualTo(cluster);
            declared.put(topic.at("/spec/topicName").asText(), topic.at("/spec/config/cleanup.policy").asText());
        }
        assertThat(declared).isEqualTo(expectedPolicies());
        assertThat(kind("Kafka").get(0).at("/spec/kafka/config/auto.create.topics.enable").asBoolean(true)).isFalse();
    }

    @Test
    void shouldPointTheServicesAtTheOperatorsServicesAndSecrets() {
        String kafka = kind("Kafka").get(0).at("/metadata/name").asText();
        String elasticsearch = kind("Elasticsearch").get(0).at("/metadata/name").asText();
        String kibana = kind("Kibana").get(0).at("/metadata/name").asText();
        JsonNode config = kind("ConfigMap").get(0).get("data");
        assertThat(config.get(KafkaConnection.BOOTSTRAP_SERVERS.envVar()).asText()).isEqualTo(kafka + "-kafka-bootstrap:9092");
        assertThat(config.get(ElasticsearchConnection.URL.envVar()).asText()).isEqualTo("https://" + elasticsearch + "-es-http:9200");
        assertThat(kind("Kibana").get(0).at("/spec/elasticsearchRef/name").asText()).isEqualTo(elasticsearch);
        for (JsonNode container : containers()) {
            container.path("env").forEach(e -> {
                if (e.has("valueFrom")) {
                    assertThat(e.at("/valueFrom/secretKeyRef/name").asText()).isEqualTo(elasticsearch + "-es-elastic-user");
                }
            });
        }
        assertThat(kind("Job")).singleElement().satisfies(job ->
                assertThat(job.at("/spec/template/spec/containers/0/args").toString()).contains("http://" + kibana + "-kb-http:5601"));
    }

    @Test
    void shouldListEveryManifestInTheKustomization() throws IOException {
        Set<String> files;
        try (Stream<Path> list = Files.list(ROOT.resolve("deploy/k8s"))) {
            files = list.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".yaml") && !n.equals("kustomization.yaml"))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
        Set<String> resources = new TreeSet<>();
        kind("Kustomization").get(0).get("resources").forEach(r -> resources.add(r.asText()));
        assertThat(resources).isEqualTo(files);
        for (JsonNode doc : k8s) {
            assertThat(doc.has("apiVersion") && doc.has("kind")).as(doc.toString()).isTrue();
            if (!doc.get("kind").asText().equals("Kustomization")) {
                assertThat(doc.at("/metadata/name").asText()).as(doc.get("kind").asText()).matches("[a-z0-9]([-a-z0-9.]*[a-z0-9])?");
            }
        }
    }
}
