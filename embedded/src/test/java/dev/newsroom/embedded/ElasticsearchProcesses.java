package dev.newsroom.embedded;

import dev.newsroom.embedded.internal.ProcessTrees;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;

/** What the Elasticsearch tests look at from outside: processes and directory permissions. */
final class ElasticsearchProcesses {

    private ElasticsearchProcesses() {
    }

    /**
     * The Elasticsearch server JVMs (not the launchers) running from a data directory.
     */
    static List<Long> serversUnder(Path dataDir) {
        String base = dataDir.toAbsolutePath().normalize().resolve("elasticsearch").toString();
        return ProcessHandle.allProcesses()
                .map(ProcessHandle::pid)
                .filter(pid -> {
                    String commandLine = ProcessTrees.commandLine(pid);
                    return commandLine.contains(base) && commandLine.contains("org.elasticsearch.server");
                })
                .toList();
    }

    /** Lets the unprivileged user that Elasticsearch runs as (when tests run as root) enter a directory. */
    static Path traversable(Path dir) throws IOException {
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        return dir;
    }
}
