package dev.newsroom.embedded.internal;

import dev.newsroom.embedded.EmbeddedStartException;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The unprivileged user that Elasticsearch runs as when this JVM runs as root (Elasticsearch
 * refuses to start as root): {@code nobody:nogroup}, switched to with {@code setpriv}.
 */
public final class UnprivilegedUser {

    /** The user name. */
    public static final String USER = "nobody";
    /** The group name. */
    public static final String GROUP = "nogroup";

    private UnprivilegedUser() {
    }

    /**
     * Tells whether this JVM runs as root.
     *
     * @return true when the effective user id is 0
     */
    public static boolean currentUserIsRoot() {
        try {
            return Integer.valueOf(0).equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return "root".equals(System.getProperty("user.name"));
        }
    }

    /**
     * The command prefix that runs the rest of a command line as the unprivileged user.
     *
     * @return {@code setpriv --reuid=nobody --regid=nogroup --clear-groups}
     */
    public static List<String> commandPrefix() {
        return List.of("setpriv", "--reuid=" + USER, "--regid=" + GROUP, "--clear-groups");
    }

    /**
     * Fails unless the unprivileged user can enter the directory and every directory above it.
     *
     * @param directory an existing directory
     * @throws EmbeddedStartException naming the first directory the user cannot enter
     */
    public static void requireTraversable(Path directory) {
        requireTraversable(directory, "", "use a data directory outside it or make it traversable (chmod o+x)");
    }

    /**
     * Fails unless the unprivileged user can run {@code bin/java} of a Java installation: enter
     * every directory down to {@code bin} and execute {@code java}. Without this check
     * Elasticsearch's launcher exits with code 126 and no message of its own.
     *
     * @param javaHome an existing Java installation
     * @throws EmbeddedStartException naming the first directory the user cannot enter, or the
     *     {@code java} the user cannot execute
     */
    public static void requireRunnableJava(Path javaHome) {
        Path home = realPath(javaHome);
        Path java = home.resolve("bin").resolve("java");
        requireTraversable(java.getParent(), " on the way to the Java installation " + home,
                "use a Java installation (javaHome) outside it or make it traversable (chmod o+x)");
        PosixFileAttributes attributes = attributes(java);
        if (!canEnter(attributes)) {
            throw new EmbeddedStartException("Elasticsearch runs as user " + USER + ", who cannot execute " + java
                    + " (" + describe(attributes) + "); use a Java installation (javaHome) that " + USER
                    + " can run or make it executable (chmod o+x)");
        }
    }

    private static void requireTraversable(Path directory, String context, String advice) {
        for (Path dir = directory.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
            PosixFileAttributes attributes = attributes(dir);
            if (!canEnter(attributes)) {
                throw new EmbeddedStartException("Elasticsearch runs as user " + USER + ", who cannot enter "
                        + dir + " (" + describe(attributes) + ")" + context + "; " + advice);
            }
        }
    }

    private static Path realPath(Path path) {
        try {
            return path.toRealPath();
        } catch (IOException e) {
            return path.toAbsolutePath().normalize();
        }
    }

    private static PosixFileAttributes attributes(Path path) {
        try {
            return Files.readAttributes(path, PosixFileAttributes.class);
        } catch (IOException e) {
            throw new EmbeddedStartException("Cannot read the permissions of " + path + ": " + e.getMessage(), e);
        }
    }

    private static String describe(PosixFileAttributes attributes) {
        return PosixFilePermissions.toString(attributes.permissions()) + " " + attributes.owner().getName() + ":"
                + attributes.group().getName();
    }

    private static boolean canEnter(PosixFileAttributes attributes) {
        Set<PosixFilePermission> permissions = attributes.permissions();
        if (USER.equals(attributes.owner().getName())) {
            return permissions.contains(PosixFilePermission.OWNER_EXECUTE);
        }
        if (GROUP.equals(attributes.group().getName())) {
            return permissions.contains(PosixFilePermission.GROUP_EXECUTE);
        }
        return permissions.contains(PosixFilePermission.OTHERS_EXECUTE);
    }

    /**
     * Gives a directory tree to the unprivileged user, changing only what is owned by someone
     * else. Symbolic links are not followed.
     *
     * @param root the top of the tree
     * @throws IOException when an owner cannot be changed
     */
    public static void chownRecursively(Path root) throws IOException {
        UserPrincipalLookupService lookup = FileSystems.getDefault().getUserPrincipalLookupService();
        UserPrincipal user = lookup.lookupPrincipalByName(USER);
        GroupPrincipal group = lookup.lookupPrincipalByGroupName(GROUP);
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : (Iterable<Path>) paths::iterator) {
                PosixFileAttributeView view =
                        Files.getFileAttributeView(path, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
                PosixFileAttributes attributes = view.readAttributes();
                if (!attributes.owner().equals(user)) {
                    view.setOwner(user);
                }
                if (!attributes.group().equals(group)) {
                    view.setGroup(group);
                }
            }
        }
    }
}
