package dev.newsroom.streams.tag;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.newsroom.model.TopicTag;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TopicModelTest {
    private static final String SPORT = "medtop:15000000";
    private static final String ECONOMY = "medtop:04000000";

    @TempDir
    Path dir;

    /** Two made-up classes whose words do not overlap, so a trained model must separate them. */
    private static List<TopicModel.Example> examples() {
        List<TopicModel.Example> out = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            out.add(new TopicModel.Example("Match report " + i, "the striker scored and the keeper saved, fans sang in the stadium", SPORT));
            out.add(new TopicModel.Example("Results " + i, "quarterly revenue rose and the shares gained, investors cheered the dividend", ECONOMY));
        }
        return out;
    }

    @Test
    void shouldLearnToSeparateTwoClasses() {
        TopicModel model = TopicModel.train(examples(), 2, 5, 1);

        assertThat(model.classes()).containsExactly(ECONOMY, SPORT);
        assertThat(model.predict("", "the striker scored twice").get(SPORT)).isGreaterThan(0.8);
        assertThat(model.predict("", "shares gained on revenue").get(ECONOMY)).isGreaterThan(0.8);
    }

    @Test
    void shouldScoreLogTermFrequenciesWithTitleWordsTwiceNormalised() throws IOException {
        Path file = dir.resolve("two-words.tsv.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write(("newsroom-topic-model 1\n" + ECONOMY + "\t" + SPORT + "\n0\t0\nmarket\t1\t0\nstriker\t0\t1\n")
                    .getBytes(StandardCharsets.UTF_8));
        }
        TopicModel model = TopicModel.load(file);

        // "market" once in the title counts 2, "striker" 4 times in the text; unknown words count nothing
        double market = 1 + Math.log(2);
        double striker = 1 + Math.log(4);
        double norm = Math.sqrt(market * market + striker * striker);
        double economy = 1 / (1 + Math.exp((striker - market) / norm));
        Map<String, Double> p = model.predict("Market", "striker the striker scored, striker and striker again");

        assertThat(p.get(ECONOMY)).isCloseTo(economy, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(p.get(SPORT)).isCloseTo(1 - economy, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(model.predict("", "nothing the model knows").get(ECONOMY)).isEqualTo(0.5);
    }

    @Test
    void shouldPredictTheSameAfterSavingAndLoading() throws IOException {
        TopicModel model = TopicModel.train(examples(), 2, 5, 1);
        Path file = dir.resolve("model.tsv.gz");

        model.save(file);
        TopicModel loaded = TopicModel.load(file);

        assertThat(loaded.classes()).isEqualTo(model.classes());
        assertThat(loaded.vocabularySize()).isEqualTo(model.vocabularySize());
        Map<String, Double> before = model.predict("Keeper saves", "the keeper saved in the stadium while shares gained");
        Map<String, Double> after = loaded.predict("Keeper saves", "the keeper saved in the stadium while shares gained");
        before.forEach((code, p) -> assertThat(after.get(code)).isCloseTo(p, org.assertj.core.data.Offset.offset(1e-3)));
    }

    @Test
    void shouldLetAModelTurnTheBestTopicWhenTheRulesAreClose() throws IOException {
        TopicModel model = TopicModel.train(examples(), 2, 5, 1);
        Path file = dir.resolve("model.tsv.gz");
        model.save(file);
        Path taxonomy = dir.resolve("taxonomy.yaml");
        Files.writeString(taxonomy, "topics:\n  - code: medtop:15000000\n    phrases: {match: 3}\n"
                + "  - code: medtop:04000000\n    phrases: {revenue: 2.5}\n");
        String text = "The match: quarterly revenue rose, shares gained and investors cheered the dividend.";

        List<TopicTag> rulesOnly = TopicTagger.load(taxonomy, null).topics("", text, List.of());
        List<TopicTag> withModel = TopicTagger.load(taxonomy, file).topics("", text, List.of());

        assertThat(rulesOnly.get(0).code()).isEqualTo(SPORT);
        assertThat(withModel.get(0).code()).isEqualTo(ECONOMY);
        assertThat(TopicTagger.load(taxonomy, file).hasModel()).isTrue();
    }

    @Test
    void shouldNameFileAndLineOfABrokenModel() throws IOException {
        Path notGzip = dir.resolve("plain.txt");
        Files.writeString(notGzip, "hello");
        Path badRow = dir.resolve("bad.tsv.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(badRow))) {
            out.write("newsroom-topic-model 1\nmedtop:04000000\tmedtop:15000000\n0.1\t0.2\nword\t0.5\n".getBytes(StandardCharsets.UTF_8));
        }

        assertThatThrownBy(() -> TopicModel.load(notGzip)).isInstanceOf(TagFileException.class).hasMessageStartingWith("model " + notGzip + ": line 1: ");
        assertThatThrownBy(() -> TopicModel.load(badRow)).hasMessage("model " + badRow + ": line 4: expected 2 weights, found 1");
    }

    @Test
    void shouldLabelUnlabelledLinesByTheRulesAndCountThem() throws IOException {
        Path file = dir.resolve("train.jsonl");
        Files.writeString(file, String.join("\n",
                "{\"title\": \"Cup final\", \"text\": \"The striker scored in the football match at the stadium.\"}",
                "{\"title\": \"Budget\", \"text\": \"anything\", \"topic\": \"medtop:20000344\"}",
                "{\"title\": \"Minutes\", \"text\": \"Nothing to see here.\", \"topics\": [{\"code\": \"medtop:16000000\"}]}",
                "{\"title\": \"Note\", \"text\": \"Nothing to see here.\"}", ""));

        TopicTraining.Data data = TopicTraining.read(file, TopicTagger.defaults());

        assertThat(data.labelled()).isEqualTo(2);
        assertThat(data.weaklyLabelled()).isEqualTo(1);
        assertThat(data.skipped()).isEqualTo(1);
        assertThat(data.examples()).extracting(TopicModel.Example::topLevelCode).containsExactly(SPORT, ECONOMY, "medtop:16000000");
    }

    @Test
    void shouldRefuseAnUnknownTopicInTrainingData() throws IOException {
        Path file = dir.resolve("train.jsonl");
        Files.writeString(file, "{\"title\": \"x\", \"text\": \"y\"}\n{\"title\": \"x\", \"text\": \"y\", \"topic\": \"sport\"}\n");

        assertThatThrownBy(() -> TopicTraining.read(file, TopicTagger.defaults()))
                .hasMessage(file + " line 2: topic 'sport' is not an active IPTC Media Topic");
    }
}
