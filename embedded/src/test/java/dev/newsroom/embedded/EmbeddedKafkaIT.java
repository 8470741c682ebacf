package dev.newsroom.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.newsroom.embedded.internal.Ports;
import java.io.BufferedReader;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedKafkaIT {

    @TempDir
    Path dataDir;

    @Test
    void shouldKeepTopicsAndRecordsWhenRestartedOnTheSameDirectory() throws Exception {
        try (EmbeddedKafka kafka = EmbeddedKafka.start(dataDir, 0)) {
            createTopic(kafka.bootstrapServers(), "articles");
            try (KafkaProducer<String, String> producer = producer(kafka.bootstrapServers())) {
                producer.send(new ProducerRecord<>("articles", "a1", "first article")).get(30, TimeUnit.SECONDS);
            }
        }

        try (EmbeddedKafka kafka = EmbeddedKafka.start(dataDir, 0)) {
            assertThat(readAll(kafka.bootstrapServers(), "articles", 1))
                    .extracting(ConsumerRecord::key, ConsumerRecord::value)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("a1", "first article"));
        }
    }

    @Test
    void shouldRefuseAPortThatIsAlreadyInUseWithOneLine() throws IOException {
        try (ServerSocket squatter = new ServerSocket()) {
            squatter.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0));
            int port = squatter.getLocalPort();

            assertThatThrownBy(() -> EmbeddedKafka.start(dataDir, port))
                    .isInstanceOf(EmbeddedStartException.class)
                    .hasMessage("Kafka port " + port + " on 127.0.0.1 is already in use");
        }
        assertThat(dataDir.resolve("kafka")).doesNotExist();
    }

    @Test
    void shouldTryAnotherControllerPortWhenThePickedOneIsTakenAndTheFixedPortIsFree() throws Exception {
        int port = Ports.pickFreeOutsideEphemeralRange();
        try (ServerSocket squatter = new ServerSocket()) {
            squatter.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0));
            Iterator<Integer> takenFirst = List.of(squatter.getLocalPort()).iterator();
            IntSupplier controllerPorts = () -> takenFirst.hasNext()
                    ? takenFirst.next() : Ports.pickFreeOutsideEphemeralRange();

            try (EmbeddedKafka kafka = EmbeddedKafka.start(dataDir, port, controllerPorts)) {
                assertThat(takenFirst.hasNext()).isFalse();
                assertThat(kafka.bootstrapServers()).isEqualTo("127.0.0.1:" + port);
                createTopic(kafka.bootstrapServers(), "articles");
            }
        }
    }

    @Test
    void shouldRefuseASecondBrokerOnTheSameDirectory() {
        try (EmbeddedKafka running = EmbeddedKafka.start(dataDir, 0)) {
            assertThatThrownBy(() -> EmbeddedKafka.start(dataDir, 0))
                    .isInstanceOf(EmbeddedStartException.class)
                    .hasMessage("Kafka data directory " + running.directory() + " is already used by another broker");
            assertThat(running.bootstrapServers()).isNotBlank();
        }
    }

    @Test
    void shouldRefuseADirectoryThatABrokerInAnotherProcessLocks() throws Exception {
        Path lockFile = Files.createDirectories(dataDir.resolve("kafka/metadata")).resolve(".lock");
        Path holder = Files.writeString(dataDir.resolve("HoldLock.java"), """
                import java.nio.channels.FileChannel;
                import java.nio.file.Files;
import java.nio.file.Path;
                import java.nio.file.StandardOpenOption;
                public class HoldLock {
                    public static void main(String[] args) throws Exception {
                        try (FileChannel channel = FileChannel.open(Path.of(args[0]),
                                StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                                var lock = channel.lock()) {
                            System.out.println("locked");
                            System.in.read();
                        }
                    }
                }
                """);
        Process otherBroker = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                holder.toString(), lockFile.toString()).redirectErrorStream(true).start();
        try (BufferedReader output = otherBroker.inputReader()) {
            assertThat(output.readLine()).isEqualTo("locked");

            assertThatThrownBy(() -> EmbeddedKafka.start(dataDir, 0))
                    .isInstanceOf(EmbeddedStartException.class)
                    .hasMessage("Kafka data directory " + dataDir.resolve("kafka") + " is already used by another broker");
        } finally {
            otherBroker.getOutputStream().close();
            if (!otherBroker.waitFor(10, TimeUnit.SECONDS)) {
                otherBroker.destroyForcibly();
            }
        }
    }

    @Test
    void shouldBeClosableTwice() {
        EmbeddedKafka kafka = EmbeddedKafka.start(dataDir, 0);
        kafka.close();
        kafka.close();
        assertThat(kafka.bootstrapServers()).startsWith("127.0.0.1:");
    }

    @Test
    void shouldRejectAnInvalidPort() {
        assertThatThrownBy(() -> EmbeddedKafka.start(dataDir, 70000))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("port must be between 0 and 65535 (0 picks a free port), but was 70000.");
    }

    private static void createTopic(String bootstrap, String name) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.createTopics(List.of(new NewTopic(name, 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
        }
    }

    private static KafkaProducer<String, String> producer(String bootstrap) {
        return new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all"),
                new StringSerializer(), new StringSerializer());
    }

    private static List<ConsumerRecord<String, String>> readAll(String bootstrap, String topic, int expected) {
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "restart-check",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(Set.of(topic));
            Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
                return records.size() >= expected;
            });
        }
        return records;
    }
}
