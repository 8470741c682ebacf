package dev.newsroom.embedded.internal;

import dev.newsroom.embedded.EmbeddedStartException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ThreadLocalRandom;

/** Loopback ports: checking that one is free and picking a free one. */
public final class Ports {

    /** The only address the embedded servers listen on. */
    public static final String LOOPBACK = "127.0.0.1";

    private static final int UNPRIVILEGED_RANGE_START = 10000;
    private static final int DEFAULT_EPHEMERAL_RANGE_START = 32768;

    private Ports() {
    }

    /**
     * Checks that a port is a valid TCP port or 0.
     *
     * @param port the port to check
     * @param name the setting name used in the message
     * @return the port
     * @throws IllegalArgumentException when the port is outside 0..65535
     */
    public static int requireValid(int port, String name) {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException(
                    name + " must be between 0 and 65535 (0 picks a free port), but was " + port + ".");
        }
        return port;
    }

    /**
     * Fails when something already listens on the given loopback port.
     *
     * @param port the port to check, not 0
     * @param what the server the port is for, for the message ("Kafka", "Elasticsearch HTTP")
     * @throws EmbeddedStartException when the port is in use
     */
    public static void requireFree(int port, String what) {
        if (!isFree(port)) {
            throw new EmbeddedStartException(what + " port " + port + " on " + LOOPBACK + " is already in use");
        }
    }

    /**
     * Tells whether the given loopback port can be bound now.
     *
     * @param port the port
     * @return true when nothing listens on it
     */
    public static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(InetAddress.getByName(LOOPBACK), port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Picks a loopback port that is free at this moment and that the operating system will not
     * hand out on its own: below the ephemeral range that {@code bind(0)} and outgoing
     * connections draw from, so that nothing else takes it before the server binds it. Falls
     * back to {@link #pickFree()} when that range leaves no room.
     *
     * @return a free port
     */
    public static int pickFreeOutsideEphemeralRange() {
        int high = ephemeralRangeStart() - 1;
        if (high - UNPRIVILEGED_RANGE_START >= 1000) {
            for (int attempt = 0; attempt < 100; attempt++) {
                int port = ThreadLocalRandom.current().nextInt(UNPRIVILEGED_RANGE_START, high + 1);
                if (isFree(port)) {
                    return port;
                }
            }
        }
        return pickFree();
    }

    private static int ephemeralRangeStart() {
        try {
            // Read a line: /proc files report size 0, which trips up Files.readString.
            try (BufferedReader reader = Files.newBufferedReader(Path.of("/proc/sys/net/ipv4/ip_local_port_range"))) {
                return Integer.parseInt(reader.readLine().strip().split("\\s+")[0]);
            }
        } catch (IOException | RuntimeException e) {
            return DEFAULT_EPHEMERAL_RANGE_START;
        }
    }

    /**
     * Asks the operating system for a loopback port that is free at this moment.
     *
     * @return a free port
     */
    public static int pickFree() {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(InetAddress.getByName(LOOPBACK), 0));
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free port on " + LOOPBACK + ".", e);
        }
    }
}
