package dev.newsroom.streams.tag;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsroom.model.TopicTag;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TopicTaggerTest {
    private static final TopicTagger TAGGER = TopicTagger.defaults();

    /** The seed page's title, body (tag lines and footer left out) and its tag lines as hints. */
    private record Seed(String title, String text, List<String> hints) {}

    private static Seed seed() throws IOException {
        try (InputStream in = TopicTaggerTest.class.getResourceAsStream("/seed/globalresearch-landdestroyer.txt")) {
            List<String> paragraphs = new ArrayList<>();
            for (String p : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String plain = p.replaceAll("\\[([^\\]]*)\\]\\(#\\)", "$1").strip();
                if (!plain.isEmpty()) {
                    paragraphs.add(plain);
                }
            }
            List<String> hints = new ArrayList<>();
            List<String> body = new ArrayList<>();
            boolean inBody = false;
            for (String p : paragraphs.subList(1, paragraphs.size())) {
                if (p.startsWith("Region:") || p.startsWith("Theme:") || p.startsWith("In-depth Report:")) {
                    for (String value : p.substring(p.indexOf(':') + 1).split(",")) {
                        hints.add(p.substring(0, p.indexOf(':') + 1) + " " + value.strip());
                    }
                    inBody = p.startsWith("In-depth Report:");
                } else if (p.startsWith("The original source of this article is")) {
                    break;
                } else if (inBody) {
                    body.add(p);
                }
            }
            return new Seed(paragraphs.get(0), String.join("\n\n", body), hints);
        }
    }

    private static List<String> codes(List<TopicTag> tags) {
        return tags.stream().map(TopicTag::code).toList();
    }

    @Test
    void shouldTagTheSeedArticleWithConflictTerrorismAndInternationalRelations() throws IOException {
        Seed seed = seed();
        assertThat(seed.hints()).contains("Theme: Terrorism", "Theme: US NATO War Agenda", "In-depth Report: SYRIA");

        List<TopicTag> tags = TAGGER.topics(seed.title(), seed.text(), seed.hints());

        assertThat(codes(tags)).contains("medtop:16000000", "medtop:20000056", "medtop:20000053", "medtop:11000000", "medtop:20000638");
        assertThat(tags.get(0).code()).isEqualTo("medtop:16000000");
        assertThat(tags.get(0).label()).isEqualTo("conflict, war and peace");
    }

    @Test
    void shouldTagTheSeedArticleBodyAloneWithoutItsTagLines() throws IOException {
        Seed seed = seed();

        List<TopicTag> tags = TAGGER.topics(seed.title(), seed.text(), List.of());

        assertThat(codes(tags)).contains("medtop:16000000", "medtop:20000053", "medtop:11000000");
    }

    @Test
    void shouldGiveAtMostFiveTopicsBestFirstWithScoresWithinZeroAndOne() throws IOException {
        Seed seed = seed();

        List<TopicTag> tags = TAGGER.topics(seed.title(), seed.text() + " " + seed.text(), seed.hints());

        assertThat(tags).hasSizeBetween(1, 5);
        assertThat(tags).allSatisfy(t -> assertThat(t.score()).isBetween(0.0, 1.0));
        assertThat(tags).extracting(TopicTag::score).isSortedAccordingTo((a, b) -> Double.compare(b, a));
    }

    @Test
    void shouldRankATopLevelTopicAboveItsOwnSubtopic() {
        List<TopicTag> tags = TAGGER.topics("Earthquake and tsunami", "The earthquake triggered a tsunami; rescuers searched "
                + "flattened villages after the quake and the flooding that followed.", List.of());

        assertThat(codes(tags)).startsWith("medtop:03000000", "medtop:20000148");
    }

    @Test
    void shouldLetTheLeadOfTheTextOutweighTheSameWordsFurtherDown() {
        String vote = "Voters went to the polls in the election. ";
        String match = "Fans watched the football match at the stadium. ";
        String filler = "It was a day like any other in the town. ".repeat(8);

        List<TopicTag> voteFirst = TAGGER.topics("", vote + filler + match, List.of());
        List<TopicTag> matchFirst = TAGGER.topics("", match + filler + vote, List.of());

        assertThat(voteFirst.get(0).code()).isEqualTo("medtop:11000000");
        assertThat(matchFirst.get(0).code()).isEqualTo("medtop:15000000");
    }

    @Test
    void shouldNotCountANegativeTermAsEvidence() {
        String war = "The war between the two armies went on; troops crossed the border and the war widened.";
        String priceWar = "The price war between the two supermarkets went on; the price war widened as shoppers crossed town.";

        assertThat(codes(TAGGER.topics("", war, List.of()))).contains("medtop:16000000");
        assertThat(codes(TAGGER.topics("", priceWar, List.of()))).doesNotContain("medtop:16000000");
    }

    @Test
    void shouldTellLabourThePartyFromLabourTheWorkforce() {
        String party = "The Labour party leader told Labour MPs that the Labour government would win the election.";

        assertThat(codes(TAGGER.topics("", party, List.of()))).first().isEqualTo("medtop:11000000");
        assertThat(codes(TAGGER.topics("", party, List.of()))).doesNotContain("medtop:09000000");
    }

    @Test
    void shouldMapSiteTagsToTopicsAndKeepTheRestAsUnmatched() {
        List<String> hints = List.of("Theme: Terrorism", "In-depth Report: SYRIA", "Sport", "Region: Middle East & North Africa");

        assertThat(TAGGER.hintTopics("Theme: Terrorism")).contains("medtop:20000053");
        assertThat(TAGGER.hintTopics("Sport")).containsExactly("medtop:15000000");
        assertThat(TAGGER.unmatchedHints(hints)).containsExactly("In-depth Report: SYRIA", "Region: Middle East & North Africa");
    }

    @Test
    void shouldLetASiteTagDecideATopicTheTextBarelyShows() {
        String text = "Officials met on Tuesday to discuss the plan.";

        assertThat(TAGGER.topics("Plan discussed", text, List.of())).isEmpty();
        assertThat(codes(TAGGER.topics("Plan discussed", text, List.of("Health")))).containsExactly("medtop:07000000");
    }

    @Test
    void shouldGiveAShortItemASecondTopLevelTopicWithItsOwnEvidence() {
        List<TopicTag> tags = TAGGER.topics("Nuclear talks resume as warplanes gather",
                "Negotiators met in Geneva while airstrikes continued and troops massed on the border.", List.of());
        List<String> topLevel = tags.subList(0, Math.min(3, tags.size())).stream()
                .map(t -> Vocabulary.shipped().topLevel(t.code())).distinct().toList();

        assertThat(topLevel).containsExactlyInAnyOrder("medtop:16000000", "medtop:11000000");
    }

    @Test
    void shouldNotReportATopLevelTopicWithFarLessEvidenceThanTheBest() {
        String match = "The striker scored twice as the champions beat their rivals in the league match at the stadium; "
                + "the goalkeeper and the midfielder were the players of the season, the coach said. ";

        List<TopicTag> tags = TAGGER.topics("Champions win the league title", match + "Tickets cost more this season.", List.of());

        assertThat(codes(tags)).first().isEqualTo("medtop:15000000");
        assertThat(codes(tags)).doesNotContain("medtop:04000000");
    }

    @Test
    void shouldTagNothingInAnEmptyArticle() {
        assertThat(TAGGER.topics(null, null, null)).isEmpty();
        assertThat(TAGGER.topics("", "", List.of())).isEmpty();
    }

    @Test
    void shouldFoldPluralsTheSameWayInPhrasesAndText() {
        assertThat(Tokens.of("Airstrikes hit al-Qaeda's crashes; countries' taxes")).containsExactly(
                "airstrike", "hit", "al", "qaeda", "crash", "country", "tax");
        assertThat(Tokens.fold("isis")).isEqualTo("isis");
        assertThat(Tokens.fold("mars")).isEqualTo("mars");
    }
}
