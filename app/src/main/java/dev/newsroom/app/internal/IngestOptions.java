package dev.newsroom.app.internal;

import dev.newsroom.ingest.IngestConfig;
import java.util.Map;
import picocli.CommandLine.Option;

/** The ingest flags that {@code newsroom ingest} and {@code newsroom run} share. */
public final class IngestOptions {
    @Option(names = "--allow-private-networks", description = "Allow feeds on loopback and private addresses.")
    boolean allowPrivateNetworks;

    @Option(names = "--poll-interval", paramLabel = "DURATION", description = "How often each feed is polled (default 5m).")
    String pollInterval;

    /** Adds the given flags to {@code flags}, by setting key. */
    public Map<String, String> putInto(Map<String, String> flags) {
        if (allowPrivateNetworks) {
            flags.put(IngestConfig.ALLOW_PRIVATE_NETWORKS.key(), "true");
        }
        ConnectionOptions.put(flags, IngestConfig.POLL_INTERVAL.key(), pollInterval);
        return flags;
    }
}
