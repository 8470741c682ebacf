package dev.newsroom.embedded.internal;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Properties;

/**
 * The file that remembers which child process runs for a data directory, and on which HTTP
 * port, so that a later start can find a child left running by a JVM that was killed.
 *
 * @param path where the file lives
 */
public record PidFile(Path path) {

    /**
     * What the file holds.
     *
     * @param pid the process id of the child
     * @param httpPort the HTTP port, once the child was ready
     */
    public record Entry(long pid, OptionalInt httpPort) {
    }

    /**
     * Reads the file.
     *
     * @return the entry, or empty when the file is missing or unreadable
     */
    public Optional<Entry> read() {
        if (!Files.isRegularFile(path)) {
            return Optional.empty();
        }
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            properties.load(reader);
            long pid = Long.parseLong(properties.getProperty("pid", "").strip());
            String port = properties.getProperty("httpPort", "").strip();
            return Optional.of(new Entry(pid, port.isEmpty() ? OptionalInt.empty() : OptionalInt.of(Integer.parseInt(port))));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /**
     * Replaces the file atomically.
     *
     * @param entry what to write
     * @throws IOException when writing fails
     */
    public void write(Entry entry) throws IOException {
        Properties properties = new Properties();
        properties.setProperty("pid", Long.toString(entry.pid()));
        entry.httpPort().ifPresent(port -> properties.setProperty("httpPort", Integer.toString(port)));
        Path temp = path.resolveSibling(path.getFileName() + ".tmp");
        try (Writer writer = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
            properties.store(writer, "Written by newsroom; the child process running for this data directory.");
        }
        Files.move(temp, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Deletes the file if it exists. */
    public void delete() {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
