package dev.newsroom.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.newsroom.model.serde.Json;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged app as {@code ./newsroom} runs it ({@code target/newsroom-app.jar} and
 * {@code target/lib/*}, not the test class path): a dependency left out of the package, such as
 * the YAML reader of the tagger's taxonomy, fails here and not only in production.
 */
class PackagedAppIT {
    @TempDir
    Path dir;

    @Test
    void shouldTagFromThePackagedJarAndItsLibraries() throws Exception {
        Path jar = Path.of("target", "newsroom-app.jar");
        assertThat(jar).as("the app is packaged before integration tests").exists();
        Path input = Files.writeString(dir.resolve("in.jsonl"),
                "{\"id\":\"a\",\"title\":\"Syrian border\",\"text\":\"Turkey and Syria closed the border after the army fired on rebels near Aleppo.\"}\n");
        Path output = dir.resolve("out.jsonl");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classPath = jar + File.pathSeparator + Path.of("target", "lib") + File.separator + "*";

        Process process = new ProcessBuilder(java, "-cp", classPath, Newsroom.class.getName(),
                "tag", "--input", input.toString(), "--output", output.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("log.txt").toFile()).start();

        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(Files.readString(dir.resolve("log.txt"))).isZero();
        List<String> lines = Files.readAllLines(output, StandardCharsets.UTF_8);
        assertThat(lines).hasSize(1);
        JsonNode tags = Json.mapper().readTree(lines.get(0));
        assertThat(tags.path("topics").get(0).path("code").asText()).isEqualTo("medtop:16000000");
        assertThat(tags.path("countries").toString()).contains("SY", "TR");
    }
}
