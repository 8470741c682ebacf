package dev.newsroom.embedded.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives tests a real Kafka broker and a real Elasticsearch through a {@link TestCluster}
 * parameter, started lazily and once per test JVM, on free ports, with data in a fresh directory
 * under {@code java.io.tmpdir} that the unprivileged Elasticsearch user can enter. Both stop and
 * the directory is deleted when the test run ends.
 *
 * <pre>{@code
 * @ExtendWith(NewsroomClusterExtension.class)
 * class StoryIndexerIT {
 *     @BeforeAll
 *     static void createTopics(TestCluster cluster) { ... }
 *
 *     @Test
 *     void shouldIndexStories(TestCluster cluster) {
 *         String prefix = cluster.uniquePrefix();
 *         cluster.createTopics(3, prefix + "stories");
 *         ... cluster.bootstrapServers() ... cluster.elasticsearchUrl() ...
 *     }
 * }
 * }</pre>
 */
public final class NewsroomClusterExtension implements BeforeAllCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(NewsroomClusterExtension.class);

    /** Creates the extension; JUnit calls this. */
    public NewsroomClusterExtension() {
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        cluster(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return parameterContext.getParameter().getType() == TestCluster.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return cluster(extensionContext);
    }

    private static TestCluster cluster(ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent(ClusterResource.class, key -> new ClusterResource(), ClusterResource.class)
                .cluster();
    }

    /** Owns the cluster and its directory; JUnit closes it when the root context closes. */
    private static final class ClusterResource implements AutoCloseable {
        private final Path dataDir;
        private final TestCluster cluster;

        ClusterResource() {
            Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
            StaleTestClusters.sweep(tmp);
            try {
                dataDir = Files.createTempDirectory(tmp, StaleTestClusters.PREFIX);
                Files.setPosixFilePermissions(dataDir, PosixFilePermissions.fromString("rwxr-xr-x"));
                StaleTestClusters.claim(dataDir);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot create a directory for the test cluster in " + tmp + ".", e);
            }
            cluster = new TestCluster(dataDir);
        }

        TestCluster cluster() {
            return cluster;
        }

        @Override
        public void close() throws IOException {
            cluster.close();
            StaleTestClusters.delete(dataDir);
        }
    }
}
