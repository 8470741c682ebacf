package dev.newsroom.embedded.internal;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.newsroom.embedded.EmbeddedStartException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UnprivilegedUserTest {

    @TempDir
    Path dir;

    @Test
    void shouldAcceptDirectoriesEveryoneCanEnter() throws IOException {
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path data = Files.createDirectories(dir.resolve("a/b"));

        assertThatCode(() -> UnprivilegedUser.requireTraversable(data)).doesNotThrowAnyException();
    }

    @Test
    void shouldNameTheFirstDirectoryNobodyCannotEnter() throws IOException {
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path closed = Files.createDirectory(dir.resolve("closed"));
        Path data = Files.createDirectories(closed.resolve("data"));
        Files.setPosixFilePermissions(closed, PosixFilePermissions.fromString("rwx------"));

        assertThatThrownBy(() -> UnprivilegedUser.requireTraversable(data))
                .isInstanceOf(EmbeddedStartException.class)
                .hasMessageStartingWith("Elasticsearch runs as user nobody, who cannot enter " + closed + " (rwx------ ")
                .hasMessageEndingWith("); use a data directory outside it or make it traversable (chmod o+x)");
    }

    @Test
    void shouldAcceptAJavaInstallationNobodyCanRun() throws IOException {
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path javaHome = fakeJavaHome(dir.resolve("jdk"), "rwxr-xr-x");

        assertThatCode(() -> UnprivilegedUser.requireRunnableJava(javaHome)).doesNotThrowAnyException();
    }

    @Test
    void shouldNameTheDirectoryAboveJavaHomeThatNobodyCannotEnter() throws IOException {
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path closed = Files.createDirectory(dir.resolve("closed"));
        Path javaHome = fakeJavaHome(closed.resolve("jdk"), "rwxr-xr-x");
        Files.setPosixFilePermissions(closed, PosixFilePermissions.fromString("rwx------"));

        assertThatThrownBy(() -> UnprivilegedUser.requireRunnableJava(javaHome))
                .isInstanceOf(EmbeddedStartException.class)
                .hasMessageStartingWith("Elasticsearch runs as user nobody, who cannot enter " + closed + " (rwx------ ")
                .hasMessageEndingWith(") on the way to the Java installation " + javaHome
                        + "; use a Java installation (javaHome) outside it or make it traversable (chmod o+x)")
                .hasMessageNotContaining("\n");
    }

    @Test
    void shouldNameAJavaThatNobodyCannotExecute() throws IOException {
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path javaHome = fakeJavaHome(dir.resolve("jdk"), "rwxr-x---");

        assertThatThrownBy(() -> UnprivilegedUser.requireRunnableJava(javaHome))
                .isInstanceOf(EmbeddedStartException.class)
                .hasMessageStartingWith("Elasticsearch runs as user nobody, who cannot execute "
                        + javaHome.resolve("bin/java") + " (rwxr-x--- ")
                .hasMessageNotContaining("\n");
    }

    private static Path fakeJavaHome(Path home, String javaPermissions) throws IOException {
        Path bin = Files.createDirectories(home.resolve("bin"));
        for (Path created = bin; !created.equals(home.getParent()); created = created.getParent()) {
            Files.setPosixFilePermissions(created, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        Path java = Files.writeString(bin.resolve("java"), "#!/bin/sh\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString(javaPermissions));
        return home;
    }
}
