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
}
