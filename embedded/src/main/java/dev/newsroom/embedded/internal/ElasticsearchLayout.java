package dev.newsroom.embedded.internal;

import dev.newsroom.embedded.ElasticsearchSettings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;

/**
 * Where everything of one embedded Elasticsearch lives, all under {@code <dataDir>/elasticsearch}:
 *
 * <pre>
 * elasticsearch-8.19.21/   the unpacked distribution (ES_HOME), left as shipped
 * config/                  ES_PATH_CONF: elasticsearch.yml written on every start, the rest copied once
 * data/  logs/  tmp/       path.data, path.logs, ES_TMPDIR
 * logs/console.log         standard output and error of the launcher
 * elasticsearch.pid        the pid and port of the running child
 * </pre>
 *
 * @param base {@code <dataDir>/elasticsearch}
 * @param home the unpacked distribution
 * @param config the configuration directory
 * @param data the data directory
 * @param logs the log directory
 * @param tmp the temporary directory
 * @param pidFile the pid file
 * @param consoleLog the launcher's output
 * @param serverLog the log file Elasticsearch writes, named after the cluster
 */
public record ElasticsearchLayout(
        Path base, Path home, Path config, Path data, Path logs, Path tmp, Path pidFile, Path consoleLog,
        Path serverLog) {

    /**
     * The layout for a data directory.
     *
     * @param dataDir the data directory given by the caller
     * @param homeName the name of the distribution's top-level directory
     * @param clusterName the cluster name, which names the server log
     * @return the layout
     */
    public static ElasticsearchLayout of(Path dataDir, String homeName, String clusterName) {
        Path base = dataDir.toAbsolutePath().normalize().resolve("elasticsearch");
        Path logs = base.resolve("logs");
        return new ElasticsearchLayout(base, base.resolve(homeName), base.resolve("config"), base.resolve("data"),
                logs, base.resolve("tmp"), base.resolve("elasticsearch.pid"), logs.resolve("console.log"),
                logs.resolve(clusterName + ".log"));
    }

    /**
     * The file Elasticsearch writes its HTTP address to once it is bound.
     *
     * @return {@code logs/http.ports}
     */
    public Path httpPortsFile() {
        return logs.resolve("http.ports");
    }

    /**
     * Creates the directories, copies the distribution's default configuration files that are
     * missing and writes {@code elasticsearch.yml}. Removes the ports file of an earlier run.
     *
     * @param settings the settings
     * @throws IOException when writing fails
     */
    public void writeConfiguration(ElasticsearchSettings settings) throws IOException {
        for (Path dir : List.of(config, data, logs, tmp)) {
            Files.createDirectories(dir);
        }
        copyMissingDefaults(home.resolve("config"), config);
        Files.writeString(config.resolve("elasticsearch.yml"), yaml(settings), StandardCharsets.UTF_8);
        Files.deleteIfExists(httpPortsFile());
    }

    private String yaml(ElasticsearchSettings settings) {
        StringBuilder extra = new StringBuilder();
        settings.extraSettings().forEach((key, value) ->
                extra.append(key).append(": \"").append(value.replace("\\", "\\\\").replace("\"", "\\\"")).append("\"\n"));
        return String.join("\n",
                "# Written by newsroom on every start of the embedded Elasticsearch; edits here are overwritten.",
                "cluster.name: " + settings.clusterName(),
                "node.name: " + settings.nodeName(),
                "network.host: " + Ports.LOOPBACK,
                "http.port: " + settings.httpPort(),
                "transport.port: 0",
                "discovery.type: single-node",
                "node.portsfile: true",
                "path.data: " + quoted(data),
                "path.logs: " + quoted(logs),
                "xpack.security.enabled: false",
                "action.destructive_requires_name: false",
                "cluster.routing.allocation.disk.threshold_enabled: false",
                "") + extra;
    }

    private static String quoted(Path path) {
        return "\"" + path.toString().replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static void copyMissingDefaults(Path from, Path to) throws IOException {
        try (Stream<Path> defaults = Files.walk(from)) {
            for (Path source : (Iterable<Path>) defaults::iterator) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else if (!Files.exists(target)) {
                    Files.copy(source, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }
}
