package dev.newsroom.embedded;

import dev.newsroom.embedded.internal.Ports;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * How to run the embedded Elasticsearch. Every value is checked when the record is built, with
 * a message that names the setting and the accepted range.
 *
 * <p>Build one with {@link #builder(Path)}; the defaults are those of {@code newsroom run}.
 *
 * @param dataDir the directory Elasticsearch lives under, as {@code <dataDir>/elasticsearch}:
 *     the unpacked distribution, configuration, data, logs, temporary files and pid file
 * @param httpPort the HTTP port on 127.0.0.1, 0..65535, where 0 lets Elasticsearch pick a free one
 * @param heapMegabytes the Java heap of Elasticsearch in MiB, 256..31744
 * @param startTimeout how long to wait for the cluster to report yellow or green, positive
 * @param stopTimeout how long to wait for a clean stop before killing the process, positive
 * @param clusterName the cluster name (letters, digits, {@code . _ -}); also names the log file
 * @param nodeName the node name (letters, digits, {@code . _ -})
 * @param distribution the Elasticsearch zip ({@code org.elasticsearch.distribution.integ-test-zip})
 * @param javaHome the Java installation that runs Elasticsearch (the zip bundles none)
 * @param extraSettings more {@code elasticsearch.yml} settings (e.g. {@code thread_pool.write.queue_size}),
 *     by key; none by default. Keys newsroom manages itself (ports, paths, security, discovery,
 *     names) are refused
 */
public record ElasticsearchSettings(
        Path dataDir,
        int httpPort,
        int heapMegabytes,
        Duration startTimeout,
        Duration stopTimeout,
        String clusterName,
        String nodeName,
        Path distribution,
        Path javaHome,
        Map<String, String> extraSettings) {

    /** The system property naming the distribution zip; Maven's failsafe configuration sets it. */
    public static final String DISTRIBUTION_PROPERTY = "newsroom.elasticsearch.zip";
    /** The Elasticsearch version the default distribution path points at. */
    public static final String DEFAULT_VERSION = "8.19.21";
    /** Default HTTP port. */
    public static final int DEFAULT_HTTP_PORT = 9200;
    /** Default heap: 512 MiB. */
    public static final int DEFAULT_HEAP_MEGABYTES = 512;
    /** Smallest accepted heap: 256 MiB. */
    public static final int MIN_HEAP_MEGABYTES = 256;
    /** Largest accepted heap: 31744 MiB, below the limit of compressed object pointers. */
    public static final int MAX_HEAP_MEGABYTES = 31744;
    /** Default start timeout: 120 seconds. */
    public static final Duration DEFAULT_START_TIMEOUT = Duration.ofSeconds(120);
    /** Default stop timeout: 30 seconds. */
    public static final Duration DEFAULT_STOP_TIMEOUT = Duration.ofSeconds(30);
    /** Default cluster name. */
    public static final String DEFAULT_CLUSTER_NAME = "newsroom";
    /** Default node name. */
    public static final String DEFAULT_NODE_NAME = "newsroom-1";

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
    private static final Pattern SETTING_KEY = Pattern.compile("[a-z0-9_]+(\\.[a-z0-9_]+)*");
    /** The settings newsroom writes itself; an extra setting may not replace them. */
    private static final Set<String> MANAGED_KEYS = Set.of("cluster.name", "node.name", "network.host", "http.port",
            "transport.port", "discovery.type", "node.portsfile", "path.data", "path.logs", "xpack.security.enabled");

    /**
     * Checks every setting against the ranges given above.
     *
     * @param dataDir the directory Elasticsearch lives under
     * @param httpPort the HTTP port, 0..65535
     * @param heapMegabytes the heap in MiB, 256..31744
     * @param startTimeout the start timeout, positive
     * @param stopTimeout the stop timeout, positive
     * @param clusterName the cluster name
     * @param nodeName the node name
     * @param distribution the Elasticsearch zip, an existing file
     * @param javaHome the Java installation, with an executable {@code bin/java}
     * @throws IllegalArgumentException naming the first setting out of range
     */
    public ElasticsearchSettings {
        if (dataDir == null) {
            throw new IllegalArgumentException("dataDir must be set.");
        }
        Ports.requireValid(httpPort, "httpPort");
        if (heapMegabytes < MIN_HEAP_MEGABYTES || heapMegabytes > MAX_HEAP_MEGABYTES) {
            throw new IllegalArgumentException("heapMegabytes must be between " + MIN_HEAP_MEGABYTES + " and "
                    + MAX_HEAP_MEGABYTES + ", but was " + heapMegabytes + ".");
        }
        requirePositive(startTimeout, "startTimeout");
        requirePositive(stopTimeout, "stopTimeout");
        requireName(clusterName, "clusterName");
        requireName(nodeName, "nodeName");
        if (distribution == null || !Files.isRegularFile(distribution)) {
            throw new IllegalArgumentException("distribution " + distribution + " is not a file; set the system property "
                    + DISTRIBUTION_PROPERTY + " or call distribution(Path) with the Elasticsearch zip.");
        }
        if (javaHome == null || !Files.isExecutable(javaHome.resolve("bin").resolve("java"))) {
            throw new IllegalArgumentException("javaHome " + javaHome + " has no executable bin/java.");
        }
        extraSettings = extraSettings == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(extraSettings));
        extraSettings.forEach((key, value) -> {
            if (!SETTING_KEY.matcher(key).matches()) {
                throw new IllegalArgumentException("extraSettings key '" + key + "' is not an Elasticsearch setting name.");
            }
            if (MANAGED_KEYS.contains(key)) {
                throw new IllegalArgumentException("extraSettings may not set " + key + ": newsroom manages it (see the other settings).");
            }
            if (value == null || value.contains("\n") || value.contains("\r")) {
                throw new IllegalArgumentException("extraSettings value of " + key + " must be one line of text.");
            }
        });
    }

    /**
     * Starts a builder with every default.
     *
     * @param dataDir the directory Elasticsearch lives under, as {@code <dataDir>/elasticsearch}
     * @return the builder
     */
    public static Builder builder(Path dataDir) {
        return new Builder(dataDir);
    }

    /**
     * The distribution used when none is given: the path in the system property {@value
     * #DISTRIBUTION_PROPERTY}, else the zip of version {@value #DEFAULT_VERSION} in the local
     * Maven repository under the user's home.
     *
     * @return the path, which may not exist
     */
    public static Path defaultDistribution() {
        String configured = System.getProperty(DISTRIBUTION_PROPERTY);
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        return Path.of(System.getProperty("user.home"), ".m2", "repository", "org", "elasticsearch", "distribution",
                "integ-test-zip", "elasticsearch", DEFAULT_VERSION, "elasticsearch-" + DEFAULT_VERSION + ".zip");
    }

    private static void requirePositive(Duration value, String name) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, but was " + value + ".");
        }
    }

    private static void requireName(String value, String name) {
        if (value == null || !NAME.matcher(value).matches()) {
            throw new IllegalArgumentException(name + " must be letters, digits, '.', '_' or '-', but was '"
                    + value + "'.");
        }
    }

    /** Collects settings; {@link #build()} checks them. */
    public static final class Builder {
        private final Path dataDir;
        private int httpPort = DEFAULT_HTTP_PORT;
        private int heapMegabytes = DEFAULT_HEAP_MEGABYTES;
        private Duration startTimeout = DEFAULT_START_TIMEOUT;
        private Duration stopTimeout = DEFAULT_STOP_TIMEOUT;
        private String clusterName = DEFAULT_CLUSTER_NAME;
        private String nodeName = DEFAULT_NODE_NAME;
        private Path distribution;
        private Path javaHome = Path.of(System.getProperty("java.home"));
        private Map<String, String> extraSettings = Map.of();

        private Builder(Path dataDir) {
            this.dataDir = dataDir;
        }

        /**
         * The HTTP port on 127.0.0.1. Default {@value ElasticsearchSettings#DEFAULT_HTTP_PORT};
         * 0 lets Elasticsearch pick a free port. Range 0..65535.
         *
         * @param port the port
         * @return this builder
         */
        public Builder httpPort(int port) {
            this.httpPort = port;
            return this;
        }

        /**
         * The heap in MiB. Default {@value ElasticsearchSettings#DEFAULT_HEAP_MEGABYTES}; range
         * {@value ElasticsearchSettings#MIN_HEAP_MEGABYTES}..{@value
         * ElasticsearchSettings#MAX_HEAP_MEGABYTES}.
         *
         * @param megabytes the heap size
         * @return this builder
         */
        public Builder heapMegabytes(int megabytes) {
            this.heapMegabytes = megabytes;
            return this;
        }

        /**
         * How long to wait until the cluster is yellow or green. Default 120 seconds; positive.
         *
         * @param timeout the timeout
         * @return this builder
         */
        public Builder startTimeout(Duration timeout) {
            this.startTimeout = timeout;
            return this;
        }

        /**
         * How long a stop waits after SIGTERM before it kills the process. Default 30 seconds;
         * positive.
         *
         * @param timeout the timeout
         * @return this builder
         */
        public Builder stopTimeout(Duration timeout) {
            this.stopTimeout = timeout;
            return this;
        }

        /**
         * The cluster name. Default {@value ElasticsearchSettings#DEFAULT_CLUSTER_NAME}.
         *
         * @param name letters, digits, {@code . _ -}
         * @return this builder
         */
        public Builder clusterName(String name) {
            this.clusterName = name;
            return this;
        }

        /**
         * The node name. Default {@value ElasticsearchSettings#DEFAULT_NODE_NAME}.
         *
         * @param name letters, digits, {@code . _ -}
         * @return this builder
         */
        public Builder nodeName(String name) {
            this.nodeName = name;
            return this;
        }

        /**
         * The Elasticsearch zip. Default {@link ElasticsearchSettings#defaultDistribution()}.
         *
         * @param zip an existing zip file
         * @return this builder
         */
        public Builder distribution(Path zip) {
            this.distribution = zip;
            return this;
        }

        /**
         * More {@code elasticsearch.yml} settings, added to those newsroom writes. Default: none.
         *
         * @param settings setting values by key, e.g. {@code thread_pool.write.queue_size=1}
         * @return this builder
         */
        public Builder extraSettings(Map<String, String> settings) {
            this.extraSettings = new TreeMap<>(settings);
            return this;
        }

        /**
         * The Java installation that runs Elasticsearch. Default: the one running this JVM.
         *
         * @param home a directory with {@code bin/java}
         * @return this builder
         */
        public Builder javaHome(Path home) {
            this.javaHome = home;
            return this;
        }

        /**
         * Checks the settings.
         *
         * @return the settings
         * @throws IllegalArgumentException naming the first setting out of range
         */
        public ElasticsearchSettings build() {
            return new ElasticsearchSettings(dataDir, httpPort, heapMegabytes, startTimeout, stopTimeout,
                    clusterName, nodeName, Objects.requireNonNullElseGet(distribution,
                            ElasticsearchSettings::defaultDistribution), javaHome, extraSettings);
        }
    }
}
