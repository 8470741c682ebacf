package dev.newsroom.embedded.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PidFileTest {

    @TempDir
    Path dir;

    @Test
    void shouldReadWhatItWrote() throws IOException {
        PidFile pidFile = new PidFile(dir.resolve("es.pid"));

        pidFile.write(new PidFile.Entry(4242, OptionalInt.of(9200)));

        assertThat(pidFile.read()).contains(new PidFile.Entry(4242, OptionalInt.of(9200)));
    }

    @Test
    void shouldReadAPidWithoutPortAsNotYetReady() throws IOException {
        PidFile pidFile = new PidFile(dir.resolve("es.pid"));

        pidFile.write(new PidFile.Entry(4242, OptionalInt.empty()));

        assertThat(pidFile.read()).contains(new PidFile.Entry(4242, OptionalInt.empty()));
    }

    @Test
    void shouldTreatAMissingOrGarbledFileAsAbsent() throws IOException {
        PidFile pidFile = new PidFile(dir.resolve("es.pid"));
        assertThat(pidFile.read()).isEmpty();

        Files.writeString(pidFile.path(), "pid=not-a-number");

        assertThat(pidFile.read()).isEmpty();
        pidFile.delete();
        assertThat(pidFile.path()).doesNotExist();
    }
}
