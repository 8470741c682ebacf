package dev.newsroom.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.newsroom.model.serde.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code newsroom dedup} over JSON Lines: the seed case in both arrival orders, and its input errors. */
class DedupCommandTest {
    @TempDir
    Path dir;

    private static List<String> seedParagraphs() throws IOException {
        try (InputStream in = DedupCommandTest.class.getResourceAsStream("/seed/globalresearch-landdestroyer.txt")) {
            List<String> out = new ArrayList<>();
            for (String p : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String plain = p.replaceAll("\\[([^\\]]*)\\]\\(#\\)", "$1").strip();
                if (!plain.isEmpty()) {
                    out.add(plain);
                }
            }
            return out;
        }
    }

    private static String line(String id, String url, String site, String title, List<String> paragraphs, String published) {
        return Json.mapper().createObjectNode().put("id", id).put("url", url).put("site", site).put("title", title)
                .put("text", String.join("\n\n", paragraphs)).put("published_at", published).toString();
    }

    /** Land Destroyer's original and Global Research's copy, as input lines. */
    private static Map<String, String> seedLines() throws IOException {
        List<String> p = seedParagraphs();
        int start = 0;
        int end = p.size();
        for (int i = 0; i < p.size(); i++) {
            if (p.get(i).startsWith("In-depth Report:")) {
                start = i + 1;
            }
            if (p.get(i).startsWith("The original source of this article is")) {
                end = i;
            }
        }
        Map<String, String> lines = new LinkedHashMap<>();
        lines.put("ld", line("ld", "https://landdestroyer.blogspot.com/2015/11/us-turkey.html", "landdestroyer.blogspot.com",
                p.get(0), p.subList(start, end), "2015-11-28T10:00:00Z"));
        lines.put("gr", line("gr", "https://www.globalresearch.ca/us-turkey/5492341", "globalresearch.ca",
                p.get(0), p.subList(1, p.size()), "2015-11-28T09:00:00Z"));
        return lines;
    }

    private Map<String, JsonNode> dedup(List<String> lines) throws IOException {
        Path input = dir.resolve("in.jsonl");
        Path output = dir.resolve("out.jsonl");
        Files.write(input, lines);
        StringWriter err = new StringWriter();
        CommandLine cli = Newsroom.commandLine();
        cli.setErr(new PrintWriter(err, true));
        int code = cli.execute("dedup", "--input", input.toString(), "--output", output.toString());
        assertThat(code).as(err.toString()).isZero();
        Map<String, JsonNode> results = new LinkedHashMap<>();
        for (String l : Files.readAllLines(output)) {
            JsonNode node = Json.mapper().readTree(l);
            results.put(node.get("id").asText(), node);
        }
        return results;
    }

    @Test
    void shouldFoldTheGlobalResearchCopyIntoLandDestroyersStory() throws IOException {
        Map<String, String> seed = seedLines();

        Map<String, JsonNode> out = dedup(List.of(seed.get("ld"), seed.get("gr")));

        assertThat(out.keySet()).containsExactly("ld", "gr");
        assertThat(out.get("gr").get("story_id").asText()).isEqualTo(out.get("ld").get("story_id").asText()).startsWith("s-");
        assertThat(out.get("gr").get("canonical_id").asText()).isEqualTo("ld");
        assertThat(out.get("ld").get("canonical").asBoolean()).isTrue();
        assertThat(out.get("gr").get("canonical").asBoolean()).isFalse();
        assertThat(out.get("gr").get("similarity").asDouble()).isBetween(0.7, 1.0);
    }

    @Test
    void shouldMakeLandDestroyerCanonicalWhenItArrivesSecond() throws IOException {
        Map<String, String> seed = seedLines();

        Map<String, JsonNode> out = dedup(List.of(seed.get("gr"), seed.get("ld")));

        assertThat(out.keySet()).containsExactly("gr", "ld");
        assertThat(out.get("ld").get("story_id").asText()).isEqualTo(out.get("gr").get("story_id").asText());
        assertThat(out.get("ld").get("canonical_id").asText()).isEqualTo("ld");
        assertThat(out.get("gr").get("canonical_id").asText()).isEqualTo("ld");
        assertThat(out.get("ld").get("canonical").asBoolean()).isTrue();
    }

    @Test
    void shouldReportAnArticleWithoutTextOnItsLine() throws IOException {
        Map<String, JsonNode> out = dedup(List.of("{\"id\":\"empty\",\"site\":\"x.org\",\"title\":\"t\",\"text\":\"\"}"));

        assertThat(out.get("empty").get("error").asText()).contains("has no text");
        assertThat(out.get("empty").has("story_id")).isFalse();
    }

    @Test
    void shouldExitTwoNamingTheLineThatIsNotAnArticle() throws IOException {
        Path input = dir.resolve("bad.jsonl");
        Files.writeString(input, "{\"id\":\"a\",\"text\":\"x\"}\nnot json\n");
        StringWriter err = new StringWriter();
        CommandLine cli = Newsroom.commandLine();
        cli.setErr(new PrintWriter(err, true));

        int code = cli.execute("dedup", "--input", input.toString(), "--output", dir.resolve("out.jsonl").toString());

        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).startsWith("newsroom dedup: " + input + " line 2 is not an article");
    }
}
