package dev.newsroom.embedded.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ZipUnpackerTest {

    @TempDir
    Path dir;

    @Test
    void shouldKeepTheExecutableBitsStoredInTheZip() throws IOException {
        Path zip = zip("dist-1.0");

        Path home = ZipUnpacker.unpackOnce(zip, dir.resolve("out"));

        assertThat(home).isEqualTo(dir.resolve("out/dist-1.0"));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(home.resolve("bin/start"))))
                .isEqualTo("rwxr-xr-x");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(home.resolve("config/app.yml"))))
                .isEqualTo("rw-r-----");
        assertThat(home.resolve("config/app.yml")).hasContent("key: value");
    }

    @Test
    void shouldNotUnpackAgainWhenTheDirectoryExists() throws IOException {
        Path zip = zip("dist-1.0");
        Path home = ZipUnpacker.unpackOnce(zip, dir.resolve("out"));
        Files.writeString(home.resolve("config/app.yml"), "changed");

        ZipUnpacker.unpackOnce(zip, dir.resolve("out"));

        assertThat(home.resolve("config/app.yml")).hasContent("changed");
    }

    @Test
    void shouldRemoveAnInterruptedUnpackAndStartOver() throws IOException {
        Path zip = zip("dist-1.0");
        Path halfDone = Files.createDirectories(dir.resolve("out/.unpack-123/dist-1.0/bin"));

        Path home = ZipUnpacker.unpackOnce(zip, dir.resolve("out"));

        assertThat(halfDone.getParent().getParent()).doesNotExist();
        assertThat(home.resolve("bin/start")).isExecutable();
        try (var children = Files.list(dir.resolve("out"))) {
            assertThat(children).containsExactly(home);
        }
    }

    @Test
    void shouldNameTheTopLevelDirectory() throws IOException {
        assertThat(ZipUnpacker.topLevelDirectory(zip("elasticsearch-8.19.21"))).isEqualTo("elasticsearch-8.19.21");
    }

    private Path zip(String top) throws IOException {
        Path zip = dir.resolve(top + ".zip");
        URI uri = URI.create("jar:" + zip.toUri());
        try (FileSystem fs = FileSystems.newFileSystem(uri, Map.of("create", "true", "enablePosixFileAttributes", "true"))) {
            Path bin = Files.createDirectories(fs.getPath(top, "bin"));
            Path start = Files.writeString(bin.resolve("start"), "#!/bin/sh\n");
            Files.setPosixFilePermissions(start, PosixFilePermissions.fromString("rwxr-xr-x"));
            Path config = Files.createDirectories(fs.getPath(top, "config"));
            Path yml = Files.writeString(config.resolve("app.yml"), "key: value");
            Files.setPosixFilePermissions(yml, PosixFilePermissions.fromString("rw-r-----"));
        }
        return zip;
    }
}
