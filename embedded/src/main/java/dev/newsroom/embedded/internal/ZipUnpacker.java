package dev.newsroom.embedded.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Unpacks a zip that holds one top-level directory, once: into a staging directory first,
 * then renamed into place, so a half-unpacked tree is never taken for a complete one. File
 * permissions stored in the zip (such as the executable bits of {@code bin/}) are kept.
 */
public final class ZipUnpacker {

    private static final Logger LOG = LoggerFactory.getLogger(ZipUnpacker.class);
    private static final String STAGING_PREFIX = ".unpack-";

    private ZipUnpacker() {
    }

    /**
     * The name of the single top-level directory of a zip.
     *
     * @param zip the zip file
     * @return the directory name, such as {@code elasticsearch-8.19.21}
     * @throws IOException when the zip cannot be read or has no single top-level directory
     */
    public static String topLevelDirectory(Path zip) throws IOException {
        String top = null;
        try (ZipFile file = new ZipFile(zip.toFile())) {
            for (Enumeration<? extends ZipEntry> entries = file.entries(); entries.hasMoreElements(); ) {
                String name = entries.nextElement().getName();
                int slash = name.indexOf('/');
                String first = slash < 0 ? name : name.substring(0, slash);
                if (slash < 0 || (top != null && !top.equals(first))) {
                    throw new IOException(zip + " does not hold a single top-level directory.");
                }
                top = first;
            }
        }
        if (top == null) {
            throw new IOException(zip + " is empty.");
        }
        return top;
    }

    /**
     * Unpacks the zip into {@code parent/<top-level directory>} unless that directory already
     * exists. Staging directories left by an interrupted unpack are removed first.
     *
     * @param zip the zip file
     * @param parent the directory to unpack into; created if missing
     * @return the unpacked top-level directory
     * @throws IOException when reading or writing fails
     */
    public static Path unpackOnce(Path zip, Path parent) throws IOException {
        Path target = parent.resolve(topLevelDirectory(zip));
        if (Files.isDirectory(target)) {
            return target;
        }
        Files.createDirectories(parent);
        deleteStaleStaging(parent);
        long started = System.nanoTime();
        Path staging = Files.createTempDirectory(parent, STAGING_PREFIX);
        try {
            copyTree(zip, staging);
            Files.move(staging.resolve(target.getFileName().toString()), target, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            deleteRecursively(staging);
        }
        LOG.info("Unpacked {} into {} in {} ms.", zip, target, (System.nanoTime() - started) / 1_000_000);
        return target;
    }

    private static void copyTree(Path zip, Path destination) throws IOException {
        List<Map.Entry<Path, Set<PosixFilePermission>>> directories = new ArrayList<>();
        try (FileSystem zipFs = FileSystems.newFileSystem(zip, Map.of("enablePosixFileAttributes", "true"));
                Stream<Path> entries = Files.walk(zipFs.getPath("/"))) {
            Path root = zipFs.getPath("/");
            for (Path entry : (Iterable<Path>) entries::iterator) {
                Path target = destination.resolve(root.relativize(entry).toString()).normalize();
                if (!target.startsWith(destination)) {
                    throw new IOException(zip + " has an entry outside its directory: " + entry);
                }
                Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(entry);
                if (Files.isDirectory(entry)) {
                    Files.createDirectories(target);
                    directories.add(Map.entry(target, permissions));
                } else {
                    Files.copy(entry, target);
                    Files.setPosixFilePermissions(target, permissions);
                }
            }
        }
        for (Map.Entry<Path, Set<PosixFilePermission>> directory : directories) {
            Files.setPosixFilePermissions(directory.getKey(), directory.getValue());
        }
    }

    private static void deleteStaleStaging(Path parent) throws IOException {
        try (Stream<Path> children = Files.list(parent)) {
            for (Path child : (Iterable<Path>) children::iterator) {
                if (child.getFileName().toString().startsWith(STAGING_PREFIX)) {
                    LOG.info("Removing {} left by an interrupted unpack.", child);
                    deleteRecursively(child);
                }
            }
        }
    }

    /**
     * Deletes a file or directory tree; a missing path is fine.
     *
     * @param path the path to delete
     * @throws IOException when something cannot be deleted
     */
    public static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(path)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
