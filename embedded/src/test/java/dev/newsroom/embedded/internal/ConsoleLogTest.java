package dev.newsroom.embedded.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConsoleLogTest {

    @TempDir
    Path dir;

    @Test
    void shouldPickTheFirstErrorLine() throws IOException {
        Path log = Files.writeString(dir.resolve("console.log"), String.join("\n",
                "[INFO ] starting",
                "ERROR: [1] bootstrap checks failed",
                "ERROR: Elasticsearch did not exit normally - check the logs",
                ""));

        assertThat(ConsoleLog.cause(log)).contains("ERROR: [1] bootstrap checks failed");
    }

    @Test
    void shouldFallBackToTheLastLine() throws IOException {
        Path log = Files.writeString(dir.resolve("console.log"), "could not find java in ES_JAVA_HOME at /x/bin/java\n\n");

        assertThat(ConsoleLog.cause(log)).contains("could not find java in ES_JAVA_HOME at /x/bin/java");
    }

    @Test
    void shouldSayNothingWithoutOutput() {
        assertThat(ConsoleLog.cause(dir.resolve("missing.log"))).isEmpty();
    }
}
