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
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code newsroom tag} over JSON Lines: the seed case, feed categories, language, and bad input. */
class TagCommandTest {
    @TempDir
    Path dir;

    private record Result(int exitCode, String err) {}

    private Result tag(List<String> lines) throws IOException {
        Path input = dir.resolve("in.jsonl");
        Files.write(input, lines, StandardCharsets.UTF_8);
        StringWriter err = new StringWriter();
        CommandLine cli = Newsroom.commandLine();
        cli.setErr(new PrintWriter(err, true));
        int code = cli.execute("tag", "--input", input.toString(), "--output", dir.resolve("out.jsonl").toString());
        return new Result(code, err.toString());
    }

    private List<JsonNode> output() throws IOException {
        List<JsonNode> out = new ArrayList<>();
        for (String line : Files.readAllLines(dir.resolve("out.jsonl"), StandardCharsets.UTF_8)) {
            out.add(Json.mapper().readTree(line));
        }
        return out;
    }

    private static String seedPage() throws IOException {
        try (InputStream in = TagCommandTest.class.getResourceAsStream("/seed/globalresearch-landdestroyer.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replaceAll("\\[([^\\]]*)\\]\\(#\\)", "$1");
        }
    }

    private static List<String> values(JsonNode array, String field) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(field == null ? n.asText() : n.path(field).asText()));
        return out;
    }

    @Test
    void shouldTagTheSeedArticleWithConflictTerrorismPoliticsTheMiddleEastAndItsCountries() throws IOException {
        String line = Json.mapper().createObjectNode().put("id", "gr").put("url", "https://www.globalresearch.ca/us-turkey/5492186")
                .put("title", "US-Turkey Edging Up to Syrian Border").put("text", seedPage()).toString();

        Result result = tag(List.of(line));

        assertThat(result.exitCode()).as(result.err()).isZero();
        JsonNode tags = output().get(0);
        assertThat(tags.path("id").asText()).isEqualTo("gr");
        List<String> codes = values(tags.path("topics"), "code");
        assertThat(codes).contains("medtop:16000000", "medtop:20000053").containsAnyOf("medtop:11000000", "medtop:20000638");
        tags.path("topics").forEach(t -> assertThat(t.path("score").asDouble()).isBetween(0.0, 1.0));
        assertThat(tags.path("topics").get(0).path("label").asText()).isNotBlank();
        assertThat(values(tags.path("regions"), null)).first().isEqualTo("Middle East & North Africa");
        assertThat(values(tags.path("countries"), null)).contains("SY", "TR", "US", "RU");
        assertThat(tags.path("language").asText()).isEqualTo("en");
    }

    @Test
    void shouldMapFeedCategoriesAndKeepTheRestAsKeywords() throws IOException {
        String line = Json.mapper().createObjectNode().put("id", "c").put("site", "example.org")
                .put("title", "Results of the weekend").put("text", "The results of the weekend are in, and they are mixed for everyone involved.")
                .set("categories", Json.mapper().createArrayNode().add("Sport").add("Europe").add("Weekend Reads")).toString();

        assertThat(tag(List.of(line)).exitCode()).isZero();

        JsonNode tags = output().get(0);
        assertThat(values(tags.path("topics"), "code")).first().isEqualTo("medtop:15000000");
        assertThat(values(tags.path("regions"), null)).contains("Europe");
        assertThat(values(tags.path("keywords"), null)).containsExactly("Weekend Reads");
    }

    @Test
    void shouldDetectTheLanguageAndReportAnArticleWithoutTextOnItsOwnLine() throws IOException {
        String german = Json.mapper().createObjectNode().put("id", "de").put("site", "example.de").put("title", "Regierung in Berlin")
                .put("text", "Die Bundesregierung hat am Mittwoch in Berlin einen neuen Haushalt beschlossen, der im Bundestag umstritten ist.")
                .toString();
        String empty = Json.mapper().createObjectNode().put("id", "empty").put("site", "example.org").put("title", "Nothing").toString();

        assertThat(tag(List.of(german, empty)).exitCode()).isZero();

        List<JsonNode> out = output();
        assertThat(out.get(0).path("language").asText()).isEqualTo("de");
        assertThat(values(out.get(0).path("countries"), null)).contains("DE");
        assertThat(out.get(1).path("id").asText()).isEqualTo("empty");
        assertThat(out.get(1).path("error").asText()).contains("has no text");
    }

    @Test
    void shouldExitTwoNamingTheLineThatIsNotAnArticle() throws IOException {
        Result result = tag(List.of("{\"id\":\"a\",\"text\":\"x\"}", "not json"));

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("line 2").hasLineCount(1);
    }

    @Test
    void shouldExitTwoWithOneLineForATaxonomyThatIsNotOne() throws IOException {
        Path input = dir.resolve("in.jsonl");
        Files.writeString(input, "{\"id\":\"a\",\"text\":\"x\"}\n");
        Path taxonomy = Files.writeString(dir.resolve("taxonomy.yaml"), "topics:\n  - code: medtop:99999999\n    phrases: {war: 3}\n");
        StringWriter err = new StringWriter();
        CommandLine cli = Newsroom.commandLine();
        cli.setErr(new PrintWriter(err, true));

        int code = cli.execute("tag", "--input", input.toString(), "--output", dir.resolve("out.jsonl").toString(),
                "--taxonomy", taxonomy.toString());
        int withoutTaxonomy = cli.execute("tag", "--input", input.toString(), "--output", dir.resolve("out.jsonl").toString(),
                "--model", dir.resolve("model.tsv.gz").toString());

        assertThat(code).isEqualTo(2);
        assertThat(withoutTaxonomy).isEqualTo(2);
        assertThat(err.toString()).contains("taxonomy.yaml").contains("--model needs --taxonomy").hasLineCount(2);
    }
}
