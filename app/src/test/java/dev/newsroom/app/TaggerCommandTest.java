package dev.newsroom.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsroom.streams.tag.TopicModel;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code newsroom tagger train}: a model from a JSON Lines file, and its input errors. */
class TaggerCommandTest {
    @TempDir
    Path dir;

    private record Run(int code, String out, String err) {}

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = Newsroom.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int code = cli.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void shouldTrainAModelThatLoadsAndSeparatesTheClasses() throws IOException {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            lines.add("{\"title\": \"Match " + i + "\", \"text\": \"the striker scored at the stadium\", \"topic\": \"medtop:20000822\"}");
            lines.add("{\"title\": \"Results " + i + "\", \"text\": \"revenue rose and shares gained\", \"topic\": \"medtop:04000000\"}");
        }
        lines.add("{\"title\": \"Cup final\", \"text\": \"The striker scored in the football match at the stadium.\"}");
        Path input = Files.write(dir.resolve("train.jsonl"), lines);
        Path model = dir.resolve("model.tsv.gz");

        Run run = run("tagger", "train", input.toString(), "--output", model.toString(), "--epochs", "5");

        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).contains("on 21 articles", "20 labelled in the file, 1 labelled by the taxonomy rules, 0 skipped");
        TopicModel loaded = TopicModel.load(model);
        assertThat(loaded.classes()).containsExactly("medtop:04000000", "medtop:15000000");
        assertThat(loaded.predict("", "the striker scored").get("medtop:15000000")).isGreaterThan(0.7);
    }

    @Test
    void shouldExitTwoWithOneLineForBadInput() throws IOException {
        Path input = Files.writeString(dir.resolve("train.jsonl"), "{\"title\": \"x\", \"text\": \"y\", \"topic\": \"medtop:1\"}\n");

        Run unknown = run("tagger", "train", input.toString(), "--output", dir.resolve("m.gz").toString());
        Run missing = run("tagger", "train", dir.resolve("none.jsonl").toString());

        assertThat(unknown.code()).isEqualTo(Newsroom.BAD_INPUT);
        assertThat(unknown.err().strip()).isEqualTo("newsroom tagger train: " + input + " line 1: topic 'medtop:1' is not an active IPTC Media Topic");
        assertThat(missing.code()).isEqualTo(Newsroom.BAD_INPUT);
        assertThat(missing.err()).contains("No such file: ").hasLineCount(1);
        assertThat(Files.exists(dir.resolve("m.gz"))).isFalse();
    }
}
