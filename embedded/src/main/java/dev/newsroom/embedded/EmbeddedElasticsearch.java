package dev.newsroom.embedded;

import dev.newsroom.embedded.internal.ConsoleLog;
import dev.newsroom.embedded.internal.ElasticsearchHttp;
import dev.newsroom.embedded.internal.ElasticsearchLayout;
import dev.newsroom.embedded.internal.PidFile;
import dev.newsroom.embedded.internal.Ports;
import dev.newsroom.embedded.internal.ProcessTrees;
import dev.newsroom.embedded.internal.UnprivilegedUser;
import dev.newsroom.embedded.internal.ZipUnpacker;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real Elasticsearch running as a child process on 127.0.0.1, with security off.
 *
 * <p>The distribution zip is unpacked once under {@code <dataDir>/elasticsearch}; configuration,
 * data and logs live beside it (see {@link ElasticsearchSettings#dataDir()}), so a restart on the
 * same directory keeps every index. When this JVM runs as root, Elasticsearch (which refuses to
 * run as root) is started as {@code nobody:nogroup} through {@code setpriv}, its directories are
 * given to that user, every directory above the data directory must be enterable by it, and it
 * must be able to run {@code bin/java} of {@link ElasticsearchSettings#javaHome()}.
 *
 * <p>A JVM killed without closing leaves the child running. A pid file remembers it: the next
 * start on the same data directory reuses it when it still answers on the requested port (or
 * when any port was requested), and otherwise stops it before starting a new one.
 *
 * <p>Nothing global is registered: the caller closes the instance, typically from its own
 * shutdown hook.
 *
 * <pre>{@code
 * ElasticsearchSettings settings = ElasticsearchSettings.builder(Path.of(".newsroom")).httpPort(9200).build();
 * try (EmbeddedElasticsearch elasticsearch = EmbeddedElasticsearch.start(settings)) {
 *     String url = elasticsearch.url(); // "http://127.0.0.1:9200"
 * }
 * }</pre>
 */
public final class EmbeddedElasticsearch implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedElasticsearch.class);
    private static final Duration POLL_INTERVAL = Duration.ofMillis(250);
    private static final List<String> INHERITED_JAVA_VARIABLES = List.of(
            "JAVA_HOME", "JAVA_TOOL_OPTIONS", "_JAVA_OPTIONS", "JAVA_OPTS", "ES_JAVA_OPTS", "ES_JAVA_HOME",
            "ES_PATH_CONF", "ES_TMPDIR");

    private final ElasticsearchSettings settings;
    private final ElasticsearchLayout layout;
    private final ProcessHandle process;
    private final int httpPort;
    private final String version;
    private final AtomicBoolean closed = new AtomicBoolean();

    private EmbeddedElasticsearch(
            ElasticsearchSettings settings, ElasticsearchLayout layout, ProcessHandle process, int httpPort,
            String version) {
        this.settings = settings;
        this.layout = layout;
        this.process = process;
        this.httpPort = httpPort;
        this.version = version;
    }

    /**
     * Starts Elasticsearch with the default settings for a data directory and port.
     *
     * @param dataDir the directory Elasticsearch lives under, as {@code <dataDir>/elasticsearch}
     * @param httpPort the HTTP port on 127.0.0.1, or 0 for any free port
     * @return the running Elasticsearch
     * @throws IllegalArgumentException when a setting is out of range
     * @throws EmbeddedStartException when Elasticsearch cannot start; nothing is left running
     * @see #start(ElasticsearchSettings)
     */
    public static EmbeddedElasticsearch start(Path dataDir, int httpPort) {
        return start(ElasticsearchSettings.builder(dataDir).httpPort(httpPort).build());
    }

    /**
     * Starts Elasticsearch, or reuses the one left running on this data directory by an earlier
     * process, and returns once the cluster reports yellow or green.
     *
     * @param settings the settings
     * @return the running Elasticsearch
     * @throws EmbeddedStartException when the port is in use, the unprivileged user cannot enter
     *     the data directory or run the Java installation, or Elasticsearch exits or is not ready
     *     within the start timeout; nothing is left running
     */
    public static EmbeddedElasticsearch start(ElasticsearchSettings settings) {
        boolean asRoot = UnprivilegedUser.currentUserIsRoot();
        ElasticsearchLayout layout = ElasticsearchLayout.of(settings.dataDir(), homeName(settings.distribution()),
                settings.clusterName());
        try {
            Files.createDirectories(layout.base());
        } catch (IOException e) {
            throw new EmbeddedStartException("Cannot create " + layout.base() + ": " + e, e);
        }
        if (asRoot) {
            UnprivilegedUser.requireTraversable(layout.base().getParent());
            UnprivilegedUser.requireRunnableJava(settings.javaHome());
        }
        PidFile pidFile = new PidFile(layout.pidFile());
        Optional<EmbeddedElasticsearch> leftover = reuseOrStopLeftover(settings, layout, pidFile);
        if (leftover.isPresent()) {
            return leftover.get();
        }
        if (settings.httpPort() != 0) {
            Ports.requireFree(settings.httpPort(), "Elasticsearch HTTP");
        }
        prepare(settings, layout, asRoot);
        return launch(settings, layout, pidFile, asRoot);
    }

    /**
     * The base URL of the HTTP API.
     *
     * @return {@code "http://127.0.0.1:<port>"}
     */
    public String url() {
        return "http://" + Ports.LOOPBACK + ":" + httpPort;
    }

    /**
     * The HTTP port.
     *
     * @return the port, never 0
     */
    public int httpPort() {
        return httpPort;
    }

    /**
     * The version the node reports in {@code GET /_nodes}.
     *
     * @return the version, such as {@code 8.19.21}
     */
    public String version() {
        return version;
    }

    /**
     * The log Elasticsearch writes, {@code <dataDir>/elasticsearch/logs/<cluster name>.log}.
     *
     * @return the log file
     */
    public Path logFile() {
        return layout.serverLog();
    }

    /**
     * The standard output and error of the child process, which also hold errors written
     * before Elasticsearch's own logging starts: {@code <dataDir>/elasticsearch/logs/console.log}.
     *
     * @return the console log file
     */
    public Path consoleLogFile() {
        return layout.consoleLog();
    }

    /**
     * The process id of the child, as written in the pid file.
     *
     * @return the pid
     */
    public long pid() {
        return process.pid();
    }

    /**
     * Stops Elasticsearch: SIGTERM, a wait of up to the stop timeout, then SIGKILL for the
     * launcher and the server it started. Removes the pid file. Calling it again does nothing.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        LOG.info("Stopping Elasticsearch on {} (pid {}).", url(), process.pid());
        boolean clean = ProcessTrees.stop(process, settings.stopTimeout());
        PidFile pidFile = new PidFile(layout.pidFile());
        if (pidFile.read().filter(entry -> entry.pid() == process.pid()).isPresent()) {
            pidFile.delete();
        }
        LOG.info("Stopped Elasticsearch on {} {}; its data stays in {}.", url(),
                clean ? "cleanly" : "by killing it", layout.data());
    }

    private static String homeName(Path distribution) {
        try {
            return ZipUnpacker.topLevelDirectory(distribution);
        } catch (IOException e) {
            throw new EmbeddedStartException("Cannot read the Elasticsearch distribution " + distribution + ": "
                    + e.getMessage(), e);
        }
    }

    private static Optional<EmbeddedElasticsearch> reuseOrStopLeftover(
            ElasticsearchSettings settings, ElasticsearchLayout layout, PidFile pidFile) {
        Optional<PidFile.Entry> entry = pidFile.read();
        Optional<ProcessHandle> running = entry
                .flatMap(e -> ProcessHandle.of(e.pid()))
                .filter(ProcessHandle::isAlive)
                .filter(p -> runsFromHome(p, layout.home()));
        if (running.isEmpty()) {
            pidFile.delete();
            return Optional.empty();
        }
        ProcessHandle process = running.get();
        OptionalInt port = entry.get().httpPort();
        if (port.isPresent() && (settings.httpPort() == 0 || settings.httpPort() == port.getAsInt())) {
            ElasticsearchHttp http = new ElasticsearchHttp(port.getAsInt());
            if (http.healthyClusterName().filter(settings.clusterName()::equals).isPresent()) {
                try {
                    String version = http.nodeVersion();
                    LOG.info("Reusing Elasticsearch {} left running on http://{}:{} (pid {}) by an earlier process.",
                            version, Ports.LOOPBACK, port.getAsInt(), process.pid());
                    return Optional.of(new EmbeddedElasticsearch(settings, layout, process, port.getAsInt(), version));
                } catch (IOException e) {
                    LOG.info("Elasticsearch left running (pid {}) did not report its version; replacing it.",
                            process.pid());
                }
            }
        }
        LOG.info("Stopping Elasticsearch left running (pid {}) by an earlier process on {}.", process.pid(),
                layout.base());
        ProcessTrees.stop(process, settings.stopTimeout());
        pidFile.delete();
        return Optional.empty();
    }

    private static boolean runsFromHome(ProcessHandle process, Path home) {
        String launcher = home.resolve("bin").resolve("elasticsearch").toString();
        for (String argument : ProcessTrees.commandLine(process.pid()).split(" ")) {
            if (argument.equals(launcher) || argument.endsWith("=" + home)) {
                return true;
            }
        }
        return false;
    }

    private static void prepare(ElasticsearchSettings settings, ElasticsearchLayout layout, boolean asRoot) {
        try {
            ZipUnpacker.unpackOnce(settings.distribution(), layout.base());
            layout.writeConfiguration(settings);
            Files.deleteIfExists(layout.consoleLog());
            if (asRoot) {
                UnprivilegedUser.chownRecursively(layout.base());
            }
        } catch (IOException e) {
            throw new EmbeddedStartException("Cannot prepare Elasticsearch in " + layout.base() + ": " + e, e);
        }
    }

    private static EmbeddedElasticsearch launch(
            ElasticsearchSettings settings, ElasticsearchLayout layout, PidFile pidFile, boolean asRoot) {
        List<String> command = new ArrayList<>(asRoot ? UnprivilegedUser.commandPrefix() : List.of());
        command.add(layout.home().resolve("bin").resolve("elasticsearch").toString());
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(layout.base().toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(layout.consoleLog().toFile()));
        Map<String, String> environment = builder.environment();
        INHERITED_JAVA_VARIABLES.forEach(environment::remove);
        environment.put("ES_JAVA_HOME", settings.javaHome().toString());
        environment.put("ES_PATH_CONF", layout.config().toString());
        environment.put("ES_TMPDIR", layout.tmp().toString());
        environment.put("ES_JAVA_OPTS", "-Xms" + settings.heapMegabytes() + "m -Xmx" + settings.heapMegabytes() + "m");

        long started = System.nanoTime();
        Process child;
        try {
            child = builder.start();
        } catch (IOException e) {
            throw new EmbeddedStartException("Cannot run " + String.join(" ", command) + ": " + e.getMessage(), e);
        }
        try {
            pidFile.write(new PidFile.Entry(child.pid(), OptionalInt.empty()));
            int port = awaitReady(child, settings, layout);
            pidFile.write(new PidFile.Entry(child.pid(), OptionalInt.of(port)));
            String version = new ElasticsearchHttp(port).nodeVersion();
            LOG.info("Started Elasticsearch {} on http://{}:{} (pid {}) with data in {} in {} ms.", version,
                    Ports.LOOPBACK, port, child.pid(), layout.data(), (System.nanoTime() - started) / 1_000_000);
            return new EmbeddedElasticsearch(settings, layout, child.toHandle(), port, version);
        } catch (IOException | RuntimeException e) {
            ProcessTrees.stop(child.toHandle(), settings.stopTimeout());
            pidFile.delete();
            if (e instanceof EmbeddedStartException startFailure) {
                throw startFailure;
            }
            throw new EmbeddedStartException("Elasticsearch failed to start: " + e + "; see "
                    + layout.consoleLog(), e);
        }
    }

    private static int awaitReady(Process child, ElasticsearchSettings settings, ElasticsearchLayout layout) {
        long deadline = System.nanoTime() + settings.startTimeout().toNanos();
        int port = settings.httpPort();
        ElasticsearchHttp http = null;
        while (true) {
            if (!child.isAlive()) {
                throw new EmbeddedStartException("Elasticsearch exited with code " + child.exitValue()
                        + " before it was ready" + ConsoleLog.cause(layout.consoleLog()).map(c -> ": " + c).orElse("")
                        + "; see " + layout.consoleLog());
            }
            if (port == 0) {
                port = boundPort(layout.httpPortsFile());
            }
            if (port != 0 && http == null) {
                http = new ElasticsearchHttp(port);
            }
            if (http != null && http.healthyClusterName().filter(settings.clusterName()::equals).isPresent()) {
                return port;
            }
            if (System.nanoTime() - deadline > 0) {
                throw new EmbeddedStartException("Elasticsearch was not ready within " + settings.startTimeout().toSeconds()
                        + " s; see " + layout.consoleLog());
            }
            ProcessTrees.awaitExit(child.toHandle(), POLL_INTERVAL);
        }
    }

    private static int boundPort(Path portsFile) {
        try {
            for (String address : Files.readAllLines(portsFile, StandardCharsets.UTF_8)) {
                int colon = address.lastIndexOf(':');
                if (colon > 0) {
                    return Integer.parseInt(address.substring(colon + 1).strip());
                }
            }
        } catch (IOException | NumberFormatException e) {
            return 0;
        }
        return 0;
    }
}
