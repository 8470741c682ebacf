package dev.newsroom.streams.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsroom.model.Article;
import dev.newsroom.model.Attribution;
import dev.newsroom.model.config.ConfigSource;
import dev.newsroom.streams.DedupParameters;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The assigner over plain maps: the rules of story formation without Kafka. */
class StoryAssignerTest {
    private static final Instant T0 = Instant.parse("2018-07-15T08:00:00Z");
    private final DedupParameters parameters = DedupParameters.defaults();
    private final MinHasher minHasher = new MinHasher(parameters.shingleSize(), parameters.components());
    private final MapState state = new MapState();
    private final StoryAssigner assigner = new StoryAssigner(state, new CandidateVerifier(minHasher, parameters),
            new LshBands(minHasher, parameters.bands(), parameters.rows()), parameters.maxBucketSize());

    static class MapState implements DedupState {
        final Map<String, ArticleEntry> articles = new HashMap<>();
        final Map<String, StoryEntry> stories = new HashMap<>();
        final Map<String, List<String>> buckets = new HashMap<>();

        public ArticleEntry article(String id) { return articles.get(id); }
        public void putArticle(ArticleEntry e) { articles.put(e.article().id(), e); }
        public void deleteArticle(String id) { articles.remove(id); }
        public StoryEntry story(String id) { return stories.get(id); }
        public void putStory(StoryEntry s) { stories.put(s.id(), s); }
        public void deleteStory(String id) { stories.remove(id); }
        public List<String> bucket(String key) { return buckets.getOrDefault(key, List.of()); }
        public void putBucket(String key, List<String> ids) { buckets.put(key, List.copyOf(ids)); }
    }

    /** Articles kept as the store keeps them: written as bytes, and every read decodes an entry afresh (its text only when used). */
    static final class StoredState extends MapState {
        private final org.apache.kafka.common.serialization.Serde<ArticleEntry> serde = StoreSerdes.articles();
        private final Map<String, byte[]> stored = new HashMap<>();

        @Override
        public ArticleEntry article(String id) {
            byte[] bytes = stored.get(id);
            return bytes == null ? null : serde.deserializer().deserialize("story-articles", bytes);
        }

        @Override
        public void putArticle(ArticleEntry e) {
            stored.put(e.head().id(), serde.serializer().serialize("story-articles", e));
        }

        @Override
        public void deleteArticle(String id) {
            stored.remove(id);
        }
    }

    private static Article article(String id, String site, Instant published, Attribution attribution) {
        return new Article(id, StoryAssigner.storyIdOf(id), true, 1.0, "https://" + site + "/" + id, site, id, "text",
                "", published, published, null, null, null, "en", attribution, null);
    }

    private List<StoryChange> assign(Article a, String text) {
        return assigner.assign(a, minHasher.fingerprint(text), a.fetchedAt().toEpochMilli());
    }

    @Test
    void shouldFoundAStoryThenJoinItWithACopy() {
        String text = CandidateVerifierTest.words(1, 400);
        assign(article("a-1", "a.org", T0, null), text);

        List<StoryChange> changes = assign(article("a-2", "b.org", T0.plusSeconds(60), null), "Header\n" + text);

        assertThat(changes.get(0)).isInstanceOfSatisfying(StoryChange.StoryChanged.class, s -> {
            assertThat(s.story().id()).isEqualTo("s-1");
            assertThat(s.story().revision()).isEqualTo(2);
            assertThat(s.story().copies()).hasSize(2);
        });
        assertThat(state.article("a-2").joined().matchedArticleId()).isEqualTo("a-1");
    }

    @Test
    void shouldPreferTheAttributedOriginalOverAnEarlierCopy() {
        String text = CandidateVerifierTest.words(2, 400);
        assign(article("a-1", "republisher.org", T0, new Attribution("Original Blog", "")), text);

        assign(article("a-2", "originalblog.com", T0.plusSeconds(3600), null), text);

        assertThat(state.article("a-2").article().canonical()).isTrue();
        assertThat(state.article("a-1").article().canonical()).isFalse();
        assertThat(state.article("a-1").joined().canonicalByAttribution()).isTrue();
    }

    @Test
    void shouldEmitNothingForAnIdenticalRedelivery() {
        String text = CandidateVerifierTest.words(3, 400);
        Article a = article("a-1", "a.org", T0, null);
        assign(a, text);

        assertThat(assign(a, text)).isEmpty();
        assertThat(state.stories).hasSize(1);
    }

    @Test
    void shouldPutAnIdenticalRedeliveryBackIntoTheBucketsItIsMissingFrom() {
        String text = CandidateVerifierTest.words(5, 400);
        Article a = article("a-1", "a.org", T0, null);
        assign(a, text);
        Map<String, List<String>> indexed = new HashMap<>(state.buckets);
        state.buckets.clear(); // the unlogged bucket store lost its last writes in a crash

        assertThat(assign(a, text)).isEmpty();

        assertThat(state.buckets).isEqualTo(indexed);
        assign(article("a-2", "b.org", T0.plusSeconds(60), null), "Header\n" + text);
        assertThat(state.article("a-2").storyId()).isEqualTo("s-1");
    }

    @Test
    void shouldListAtMostTwoHundredCopiesOfAStoryButCountThemAll() {
        String text = CandidateVerifierTest.words(6, 400);
        List<StoryChange> last = List.of();
        for (int i = 0; i < 230; i++) {
            Article a = article("a-" + i, "site" + i + ".org", T0.plusSeconds(i), null);
            // the 20 latest copies name another country: tags are merged from the listed copies, the earliest 200
            a = new Article(a.id(), a.storyId(), true, 1.0, a.url(), a.site(), a.title(), a.text(), "", a.publishedAt(), a.fetchedAt(),
                    null, null, List.of(i < 210 ? "SY" : "TR"), "en", null, null);
            last = assign(a, "Header " + i + "\n" + text);
            if (i == 199) {
                assertThat(((StoryChange.StoryChanged) last.get(0)).story().countries()).containsExactly("SY");
            }
        }

        assertThat(last.get(0)).isInstanceOfSatisfying(StoryChange.StoryChanged.class, s -> {
            assertThat(s.story().countries()).as("tags of the listed copies only").containsExactly("SY");
            assertThat(s.story().copyCount()).isEqualTo(230);
            assertThat(s.story().copies()).hasSize(dev.newsroom.model.Story.MAX_LISTED_COPIES)
                    .extracting(dev.newsroom.model.StoryCopy::articleId).startsWith("a-0", "a-1").doesNotContain("a-229");
            assertThat(s.story().canonical().articleId()).isEqualTo("a-0");
        });
        assertThat(state.article("a-229").storyId()).isEqualTo("s-0");
    }

    /** A story of 201 copies, then one published after all of them: which copy the story record names canonical. */
    private String canonicalAfterALateCopy(Attribution carried, String lateSite, Attribution lateCarries) {
        String text = CandidateVerifierTest.words(8, 400);
        for (int i = 0; i < 201; i++) {
            assign(article("a-" + i, "site" + i + ".org", T0.plusSeconds(i), i % 2 == 0 ? carried : null), "Header " + i + "\n" + text);
        }
        assertThat(state.story("s-0").inOrder()).as("copies known in publication order").isEqualTo(dev.newsroom.model.Story.MAX_LISTED_COPIES);
        List<StoryChange> published = assign(article("a-late", lateSite, T0.plusSeconds(5_000), lateCarries), "Late\n" + text);
        return ((StoryChange.StoryChanged) published.get(0)).story().canonical().articleId();
    }

    @Test
    void shouldMakeACopyPublishedAfterHundredsTheOriginalWhenOthersNameIt() {
        assertThat(canonicalAfterALateCopy(new Attribution("latesource", ""), "latesource.example", null)).isEqualTo("a-late");
    }

    @Test
    void shouldMakeAnEarlierCopyTheOriginalWhenACopyPublishedAfterHundredsNamesIt() {
        assertThat(canonicalAfterALateCopy(null, "late.org", new Attribution("", "https://site5.org/a-5"))).isEqualTo("a-5");
    }

    @Test
    void shouldKeepTheCanonicalCopyWhenACopyPublishedAfterHundredsNamesNoneOfThem() {
        assertThat(canonicalAfterALateCopy(new Attribution("elsewhere", ""), "late.org", new Attribution("elsewhere", ""))).isEqualTo("a-0");
    }

    /** Counts the entries read; can forget every story's order and attributions, so that each publication reads every copy. */
    static final class CountingState extends MapState {
        private final boolean forgetOrder;
        int reads;

        CountingState(boolean forgetOrder) {
            this.forgetOrder = forgetOrder;
        }

        @Override
        public ArticleEntry article(String id) {
            reads++;
            return super.article(id);
        }

        @Override
        public StoryEntry story(String id) {
            StoryEntry s = super.story(id);
            return s == null || !forgetOrder ? s : new StoryEntry(s.id(), s.revision(), s.createdAt(), s.members());
        }
    }

    @Test
    void shouldPublishAStoryOfHundredsOfCopiesFromItsListedCopiesAsFromEveryCopy() {
        CountingState listedOnly = new CountingState(false);
        CountingState everyCopy = new CountingState(true);
        CandidateVerifier verifier = new CandidateVerifier(minHasher, parameters);
        LshBands lsh = new LshBands(minHasher, parameters.bands(), parameters.rows());
        StoryAssigner fast = new StoryAssigner(listedOnly, verifier, lsh, parameters.maxBucketSize());
        StoryAssigner full = new StoryAssigner(everyCopy, verifier, lsh, parameters.maxBucketSize());
        java.util.Random random = new java.util.Random(11);
        String[] originals = {CandidateVerifierTest.words(21, 300), CandidateVerifierTest.words(22, 300)};
        // the first story's copies name a source that only appears late, after hundreds of copies: the last of a story's
        // copies, published after every listed one, can still become its canonical copy by attribution; later still,
        // copies name the earliest copy by its URL, which makes that one the original
        String[] originalSites = {"latesource.example", "wire.example"};
        List<String> seen = new java.util.ArrayList<>();
        Map<String, Article> last = new HashMap<>();
        Map<String, Integer> originalOf = new HashMap<>();
        List<Integer> lateCopyReads = new java.util.ArrayList<>();
        int published = 0;
        for (int i = 0; i < 600; i++) {
            int kind = random.nextInt(100);
            if (kind < 3 && !seen.isEmpty()) {  // an expiry
                String id = seen.remove(random.nextInt(seen.size()));
                fast.expire(id);
                full.expire(id);
                continue;
            }
            int o = random.nextInt(10) == 0 ? 1 : 0;
            Article a;
            long now;
            if (kind < 6 && !seen.isEmpty()) {  // a re-delivery with a new title
                Article before = last.get(seen.get(random.nextInt(seen.size())));
                a = new Article(before.id(), before.storyId(), true, 1.0, before.url(), before.site(), before.title() + " (updated)",
                        before.text(), "", before.publishedAt(), before.fetchedAt(), null, null, before.countries(), "en",
                        before.attribution(), null);
                now = before.fetchedAt().toEpochMilli() + 1;
            } else {
                // mostly later than every copy in (the path that reads only the listed copies), sometimes earlier than all
                Instant at = kind < 16 ? T0.minusSeconds(random.nextInt(1_000_000)) : T0.plusSeconds(60L * i);
                String site = kind < 20 && (o == 1 || i > 350) ? originalSites[o] : "site" + random.nextInt(60) + ".org";
                int original = o;
                Article earliest = seen.stream().filter(id -> originalOf.get(id) == original).map(last::get)
                        .min(java.util.Comparator.comparing(Article::publishedAt)).orElse(null);
                Attribution source = kind < 35 ? new Attribution(originalSites[o].split("\\.")[0], "")
                        : kind < 40 && i > 480 && earliest != null ? new Attribution("", earliest.url()) : null;
                String id = "a-" + i;
                a = new Article(id, StoryAssigner.storyIdOf(id), true, 1.0, "https://" + site + "/" + id, site, id,
                        "Header " + i + "\n" + originals[o] + "\nFooter " + (i % 7), "", at, at, null, null,
                        List.of(random.nextBoolean() ? "SY" : "TR"), "en", source, null);
                now = at.toEpochMilli();
                seen.add(id);
                originalOf.put(id, o);
            }
            last.put(a.id(), a);
            Fingerprint f = minHasher.fingerprint(a.text());
            List<StoryChange> expected = full.assign(a, f, now);
            int readBefore = listedOnly.reads;
            assertThat(fast.assign(a, f, now)).as("changes after article %d", i).isEqualTo(expected);
            int members = listedOnly.story(listedOnly.article(a.id()).storyId()).members().size();
            if (kind >= 40 && members > 300) {  // a new copy, published after every other, naming no source
                lateCopyReads.add(listedOnly.reads - readBefore);
            }
            published += expected.size();
        }
        assertThat(listedOnly.stories.values()).as("a story of hundreds of copies").anyMatch(st -> st.members().size() > 450);
        assertThat(published).isGreaterThan(1000);
        // the listed copies and the candidates, however many copies the story has (300 to 500 here)
        assertThat(lateCopyReads).as("entries read to publish a late copy").hasSizeGreaterThan(50)
                .allMatch(reads -> reads <= dev.newsroom.model.Story.MAX_LISTED_COPIES + 60);
    }

    @Test
    void shouldKeepOnlyTheNewestCopiesOfAStoryInABucket() {
        String text = CandidateVerifierTest.words(8, 400);
        for (int i = 0; i < 30; i++) {
            assign(article("a-" + i, "site" + i + ".org", T0.plusSeconds(i), null), "Header " + i + "\n" + text);
        }
        LshBands lsh = new LshBands(minHasher, parameters.bands(), parameters.rows());

        assertThat(state.buckets.values()).allSatisfy(b -> assertThat(b).hasSizeLessThanOrEqualTo(StoryAssigner.COPIES_PER_BUCKET));
        assertThat(lsh.keys(state.article("a-29").fingerprint().signature())).allSatisfy(key -> assertThat(state.bucket(key)).contains("a-29"));
        assertThat(state.bucket(lsh.keys(state.article("a-0").fingerprint().signature()).get(0))).doesNotContain("a-0");
        assign(article("a-30", "late.org", T0.plusSeconds(30), null), text);
        assertThat(state.article("a-30").storyId()).isEqualTo("s-0");
        assertThat(state.story("s-0").members()).hasSize(31);
    }

    @Test
    void shouldRebuildTheSameBucketsFromTheArticles() {
        for (int i = 0; i < 6; i++) {
            assign(article("a-" + i, "s" + i + ".org", T0.plusSeconds(i), null), CandidateVerifierTest.words(10 + i % 3, 300));
        }
        Map<String, List<String>> built = new HashMap<>(state.buckets);
        state.buckets.clear();

        state.articles.values().stream().sorted(java.util.Comparator.comparingLong(ArticleEntry::seenAt)).forEach(assigner::reindex);

        assertThat(state.buckets).isEqualTo(built);
    }

    @Test
    void shouldForgetAnExpiredArticleSoThatALaterCopyStartsAnotherStory() {
        String text = CandidateVerifierTest.words(4, 400);
        assign(article("a-1", "a.org", T0, null), text);

        assigner.expire("a-1");
        assign(article("a-2", "b.org", T0, null), text);

        assertThat(state.article("a-2").storyId()).isEqualTo("s-2");
        assertThat(state.buckets.values()).allSatisfy(ids -> assertThat(ids).doesNotContain("a-1"));
    }
    /** An assigner over a fresh state with merge-on-any-match on, fed the texts in order; returns its state. */
    private MapState assignMergingOnAnyMatch(String[][] articles) {
        return assignWith(DedupParameters.from(ConfigSource.ofFlags(Map.of(DedupParameters.MERGE_ON_ANY_MATCH.key(), "true"))), articles);
    }

    /** An assigner over a fresh state with these parameters, fed the texts in order; returns its state. */
    private MapState assignWith(DedupParameters mergeAll, String[][] articles) {
        MapState merged = new MapState();
        StoryAssigner assignerMergingAll = new StoryAssigner(merged, new CandidateVerifier(minHasher, mergeAll),
                new LshBands(minHasher, mergeAll.bands(), mergeAll.rows()), mergeAll.maxBucketSize());
        for (String[] a : articles) {
            assignerMergingAll.assign(article(a[0], a[0] + ".org", T0, null), minHasher.fingerprint(a[1]), T0.toEpochMilli());
        }
        return merged;
    }

    @Test
    void shouldNotMergeTwoStoriesThroughAPageThatHoldsBothInEitherArrivalOrder() {
        String first = CandidateVerifierTest.words(30, 300);
        String second = CandidateVerifierTest.words(31, 300);
        // holds both whole (containment 1, length ratio 3) but is a near-duplicate of neither (Jaccard about 0.33): a container
        String both = first + "\n" + second + "\n" + CandidateVerifierTest.words(32, 300);
        assign(article("a-1", "a.org", T0, null), first);
        assign(article("a-2", "b.org", T0, null), second);
        assign(article("a-3", "c.org", T0, null), both);
        assertThat(state.stories).as("by default the page joins one of them and merges none").hasSize(2);

        MapState pageLast = assignMergingOnAnyMatch(new String[][] {{"a-1", first}, {"a-2", second}, {"a-3", both}});
        assertThat(pageLast.article("a-1").storyId()).isNotEqualTo(pageLast.article("a-2").storyId());

        MapState pageFirst = assignMergingOnAnyMatch(new String[][] {{"a-3", both}, {"a-1", first}, {"a-2", second}});
        assertThat(pageFirst.article("a-1").storyId()).isNotEqualTo(pageFirst.article("a-2").storyId());
        assertThat(pageFirst.article("a-1").storyId()).as("a copy does not join the page that contains it").isNotEqualTo("s-3");
    }

    @Test
    void shouldMergeTwoVersionsThroughACopyOfEachWhenMergingOnAnyMatch() {
        String headline = "Trump declares good start to Putin summit in Finland\n";
        String top = CandidateVerifierTest.words(40, 200);
        String bottom = CandidateVerifierTest.words(41, 200);
        // two trimmed versions under one headline that share no text, and a version holding half of each:
        // the same headline and 50% of its text in each, so it is a copy of both (a container of neither)
        String firstVersion = headline + top + "\n" + CandidateVerifierTest.words(42, 200);
        String secondVersion = headline + bottom + "\n" + CandidateVerifierTest.words(43, 200);
        String bridge = headline + top + "\n" + bottom;
        DedupParameters nearDuplicatesOnly = DedupParameters.from(ConfigSource.ofFlags(Map.of(DedupParameters.MERGE_ON_ANY_MATCH.key(), "false")));
        MapState notMerged = assignWith(nearDuplicatesOnly, new String[][] {{"a-1", firstVersion}, {"a-2", secondVersion}, {"a-3", bridge}});
        assertThat(notMerged.article("a-1").storyId()).as("without merge-on-any-match only near-duplicates merge stories")
                .isNotEqualTo(notMerged.article("a-2").storyId());

        // 50% of the text is at the edge of the default headline containment (50%): 40% as when this test was written
        DedupParameters headline40 = DedupParameters.from(ConfigSource.ofFlags(Map.of(DedupParameters.HEADLINE_CONTAINMENT_PERCENT.key(), "40")));
        MapState merged = assignWith(headline40, new String[][] {{"a-1", firstVersion}, {"a-2", secondVersion}, {"a-3", bridge}});
        assertThat(merged.stories).containsOnlyKeys("s-1");
        assertThat(merged.article("a-2").storyId()).isEqualTo("s-1");
    }

    @Test
    void shouldLetAPageJoinTheStoryOfACopyItContainsButNotTheCopyThePage() {
        String story = CandidateVerifierTest.words(70, 300);
        // the copy wrapped in a page more than three times its length: 30% of the page is the copy
        String page = CandidateVerifierTest.words(71, 400) + "\n" + story + "\n" + CandidateVerifierTest.words(72, 300);

        assign(article("a-1", "a.org", T0, null), story);
        assign(article("a-2", "b.org", T0, null), page);
        assertThat(state.article("a-2").storyId()).as("the page joins the copy it wraps").isEqualTo("s-1");
        assertThat(state.article("a-2").joined().rule()).isEqualTo("copy");

        MapState pageFirst = assignWith(parameters, new String[][] {{"a-2", page}, {"a-1", story}});
        assertThat(pageFirst.article("a-1").storyId()).as("the copy does not join a page that may hold another story").isEqualTo("s-1");
    }

    @Test
    void shouldMergeTheStoriesOfTwoPartsOfOneStoryThatAPageHoldsButNotOfTwoStories() {
        String story = CandidateVerifierTest.words(73, 750);
        List<String> words = List.of(story.split(" "));
        String top = String.join(" ", words.subList(0, 500));
        String bottom = String.join(" ", words.subList(250, 750));  // half of it in the top: neither a copy nor a version of it
        String page = story + "\n" + CandidateVerifierTest.words(74, 700);
        String other = CandidateVerifierTest.words(75, 500);

        assign(article("a-1", "a.org", T0, null), top);
        assign(article("a-2", "b.org", T0, null), bottom);
        assertThat(state.stories).hasSize(2);
        assign(article("a-3", "c.org", T0, null), page);
        assertThat(state.stories).as("the page holds both parts of one story").containsOnlyKeys("s-1");
        assertThat(state.article("a-2").storyId()).isEqualTo("s-1");

        MapState twoStories = assignWith(parameters, new String[][] {{"a-1", top}, {"a-4", other}, {"a-3", top + "\n" + other + "\n"
                + CandidateVerifierTest.words(76, 500)}});
        assertThat(twoStories.article("a-1").storyId()).as("a page holding two stories merges neither").isNotEqualTo(twoStories.article("a-4").storyId());
        MapState strict = assignWith(DedupParameters.from(ConfigSource.ofFlags(Map.of(DedupParameters.CONTAINER_OVERLAP_PERCENT.key(), "101"))),
                new String[][] {{"a-1", top}, {"a-2", bottom}, {"a-3", page}});
        assertThat(strict.article("a-1").storyId()).as("with the overlap rule off").isNotEqualTo(strict.article("a-2").storyId());
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "entries kept as the store keeps them: {0}")
    @org.junit.jupiter.params.provider.ValueSource(booleans = {false, true})
    void shouldPublishEveryStoryAsComputedFromScratch(boolean asStored) {
        MapState state = asStored ? new StoredState() : new MapState();
        StoryAssigner assigner = new StoryAssigner(state, new CandidateVerifier(minHasher, parameters),
                new LshBands(minHasher, parameters.bands(), parameters.rows()), parameters.maxBucketSize());
        java.util.Random random = new java.util.Random(7);
        List<String> texts = new java.util.ArrayList<>();
        List<Article> seen = new java.util.ArrayList<>();
        Map<String, String> textOf = new HashMap<>();
        int changes = 0;
        for (int i = 0; i < 400; i++) {
            int kind = random.nextInt(10);
            Article a;
            String text;
            if (kind < 3 || texts.isEmpty()) {  // an original
                texts.add(CandidateVerifierTest.words(1000 + texts.size(), 300));
                text = texts.get(texts.size() - 1);
                a = tagged("a-" + i, "site" + random.nextInt(40) + ".org", T0.plusSeconds(600L * i), null, text, random);
            } else if (kind < 8) {  // a copy, sometimes published before the copies already in, sometimes naming a source
                String original = texts.get(random.nextInt(texts.size()));
                text = "Header " + i + "\n" + original + "\nFooter";
                Attribution source = kind == 7 && !seen.isEmpty() ? new Attribution("", seen.get(random.nextInt(seen.size())).url()) : null;
                a = tagged("a-" + i, "site" + random.nextInt(40) + ".org", T0.plusSeconds(600L * i - random.nextInt(3) * 86_400L), source, text,
                        random);
            } else if (kind == 8) {  // a page with two originals: may bridge two stories
                text = texts.get(random.nextInt(texts.size())) + "\n" + texts.get(random.nextInt(texts.size()));
                a = tagged("a-" + i, "site" + random.nextInt(40) + ".org", T0.plusSeconds(600L * i), null, text, random);
            } else {  // a re-delivery with a new title, or an expiry
                Article before = seen.get(random.nextInt(seen.size()));
                if (random.nextBoolean()) {
                    assigner.expire(before.id());
                    continue;
                }
                ArticleEntry e = state.article(before.id());
                if (e == null) {
                    continue;
                }
                a = new Article(before.id(), before.storyId(), true, 1.0, before.url(), before.site(), before.title() + " (updated)",
                        textOf.get(before.id()), "", before.publishedAt(), before.fetchedAt(), before.topics(), before.regions(),
                        before.countries(), "en", before.attribution(), null);
                List<StoryChange> published = assigner.assign(a, e.fingerprint(), a.fetchedAt().toEpochMilli() + 1);
                assertTextsKept(published, state, textOf);
                changes += published.size();
                assertPublishedAsFromScratch(state, state.article(a.id()).storyId());
                continue;
            }
            seen.add(a);
            textOf.put(a.id(), text);
            Fingerprint f = minHasher.fingerprint(text);
            List<StoryChange> published = assigner.assign(a, f, a.fetchedAt().toEpochMilli());
            assertTextsKept(published, state, textOf);
            changes += published.size();
            assertPublishedAsFromScratch(state, state.article(a.id()).storyId());
        }
        assertThat(state.stories.values()).as("some stories grew").anyMatch(st -> st.members().size() > 5);
        assertThat(changes).isGreaterThan(800);
    }

    /** Every copy emitted, every story's text and every copy in the state carry the text the article came with. */
    private static void assertTextsKept(List<StoryChange> published, MapState state, Map<String, String> textOf) {
        for (StoryChange change : published) {
            if (change instanceof StoryChange.CopyChanged c) {
                assertThat(c.article().text()).as("text of emitted copy %s", c.article().id()).isEqualTo(textOf.get(c.article().id()));
            } else if (change instanceof StoryChange.StoryChanged s) {
                assertThat(s.story().text()).as("text of story %s", s.story().id()).isEqualTo(textOf.get(s.story().canonical().articleId()));
                for (String member : state.story(s.story().id()).members()) {
                    assertThat(state.article(member).article().text()).as("stored text of %s", member).isEqualTo(textOf.get(member));
                }
            }
        }
    }

    /** The story's copies as computed from scratch by the rules: canonical flag, similarity to the canonical copy, attribution. */
    private void assertPublishedAsFromScratch(MapState state, String storyId) {
        CandidateVerifier verifier = new CandidateVerifier(minHasher, parameters);
        StoryEntry story = state.story(storyId);
        List<ArticleEntry> copies = story.members().stream().map(state::article)
                .sorted(java.util.Comparator.comparing((ArticleEntry e) -> e.article().effectivePublishedAt()).thenComparing(e -> e.article().id()))
                .toList();
        java.util.Optional<ArticleEntry> attributed = copies.stream().filter(c -> copies.stream().anyMatch(o -> o != c
                && o.article().attribution() != null && AttributionExtractor.pointsTo(o.article().attribution(), c.article().url(), c.article().site())))
                .findFirst();
        ArticleEntry canonical = attributed.orElse(copies.get(0));
        for (ArticleEntry c : copies) {
            double similarity = c == canonical ? 1.0 : Math.round(verifier.similarity(c.fingerprint(), canonical.fingerprint()).score() * 1000) / 1000.0;
            assertThat(c.article().storyId()).isEqualTo(storyId);
            assertThat(c.article().canonical()).as("canonical flag of %s", c.article().id()).isEqualTo(c == canonical);
            assertThat(c.article().similarity()).as("similarity of %s", c.article().id()).isEqualTo(similarity);
            assertThat(c.article().joined().canonicalByAttribution()).as("attribution of %s", c.article().id()).isEqualTo(attributed.isPresent());
        }
    }

    private static Article tagged(String id, String site, Instant published, Attribution attribution, String text, java.util.Random random) {
        List<dev.newsroom.model.TopicTag> topics = List.of(new dev.newsroom.model.TopicTag("medtop:0" + (1 + random.nextInt(3)) + "000000", "topic",
                Math.round(random.nextDouble() * 100) / 100.0));
        List<String> countries = random.nextBoolean() ? List.of("SY", "TR") : List.of("US");
        return new Article(id, StoryAssigner.storyIdOf(id), true, 1.0, "https://" + site + "/" + id, site, id, text, "", published, published,
                topics, List.of("Middle East"), countries, random.nextBoolean() ? "en" : "", attribution, null, List.of("k" + random.nextInt(5)));
    }

    private static final String HEADLINE = "Trump, Putin sit down a bit late for closely watched summit";

    /** An article with a title, fingerprinted as the processor does: the title first, then the text. */
    private void assignTitled(String id, String site, String title, String text) {
        Instant at = T0.plusSeconds(Long.parseLong(id.substring(2)));
        Article a = new Article(id, StoryAssigner.storyIdOf(id), true, 1.0, "https://" + site + "/" + id, site, title, text,
                "", at, at, null, null, null, "en", null, null);
        assigner.assign(a, minHasher.fingerprint(title + "\n" + text), at.toEpochMilli());
    }

    /** A photo gallery: captions that each end with a photo credit, none of the article's text. */
    static String gallery(long seed, int captions) {
        StringBuilder text = new StringBuilder("Associated Press Monday, July 16, 2018");
        for (int i = 0; i < captions; i++) {
            text.append("\n\nCredit: The Associated Press\n\n").append(CandidateVerifierTest.words(seed * 100 + i, 30))
                    .append(" (AP Photo/Pablo Martinez Monsivais)");
        }
        return text.toString();
    }

    @Test
    void shouldJoinAPhotoGalleryToTheStoryWhoseHeadlineItCarriesInEitherOrder() {
        String article = CandidateVerifierTest.words(90, 600);
        assignTitled("a-1", "bangordailynews.com", HEADLINE, article);
        assignTitled("a-2", "bostonherald.com", HEADLINE + " | Boston Herald", gallery(91, 8));

        assertThat(state.article("a-2").storyId()).isEqualTo("s-1");
        assertThat(state.article("a-2").joined().rule()).isEqualTo("same_title");
        assertThat(state.article("a-2").joined().matchedArticleId()).isEqualTo("a-1");

        MapState reversed = new MapState();
        StoryAssigner galleryFirst = new StoryAssigner(reversed, new CandidateVerifier(minHasher, parameters),
                new LshBands(minHasher, parameters.bands(), parameters.rows()), parameters.maxBucketSize());
        Article g = new Article("a-3", "s-3", true, 1.0, "https://bostonherald.com/a-3", "bostonherald.com", HEADLINE, gallery(91, 8),
                "", T0, T0, null, null, null, "en", null, null);
        Article a = new Article("a-4", "s-4", true, 1.0, "https://bangordailynews.com/a-4", "bangordailynews.com", HEADLINE, article,
                "", T0.plusSeconds(60), T0.plusSeconds(60), null, null, null, "en", null, null);
        galleryFirst.assign(g, minHasher.fingerprint(HEADLINE + "\n" + g.text()), T0.toEpochMilli());
        galleryFirst.assign(a, minHasher.fingerprint(HEADLINE + "\n" + article), T0.plusSeconds(60).toEpochMilli());
        assertThat(reversed.article("a-4").storyId()).as("the article after the gallery").isEqualTo("s-3");
        assertThat(reversed.article("a-4").joined().rule()).isEqualTo("same_title");
    }

    @Test
    void shouldJoinAnExcerptManyTimesShorterThanItsPageUnderTheSameTitle() {
        String page = CandidateVerifierTest.words(92, 1200);
        assignTitled("a-1", "latimes.com", HEADLINE, page);
        // the first 100 words and a "read more": 12x shorter, beyond the length ratio of the containment rules
        assignTitled("a-2", "yahoo.com", HEADLINE, String.join(" ", List.of(page.split(" ")).subList(0, 100)) + " Read more");

        assertThat(state.article("a-2").storyId()).isEqualTo("s-1");
        assertThat(state.article("a-2").joined().rule()).isEqualTo("same_title");
    }

    @Test
    void shouldNotJoinByATitleOfFewerThanTheMinimumWords() {
        assignTitled("a-1", "bangordailynews.com", "Trump meets Putin in Helsinki", CandidateVerifierTest.words(93, 600));
        assignTitled("a-2", "bostonherald.com", "Trump meets Putin in Helsinki", gallery(94, 8));

        assertThat(state.article("a-2").storyId()).as("a five-word title is not specific enough").isEqualTo("s-2");
    }

    @Test
    void shouldNotJoinByATitleThatThePagesOwnSiteRepeats() {
        String title = "Pictures of the day from around the world in photos";
        assignTitled("a-1", "news.org", title, CandidateVerifierTest.words(95, 600));
        assignTitled("a-2", "photos.org", title, gallery(96, 8));
        // the site's next gallery under the same title is another gallery, not this story
        assignTitled("a-3", "photos.org", title, gallery(97, 8));

        assertThat(state.article("a-2").storyId()).isEqualTo("s-1");
        assertThat(state.article("a-3").storyId()).as("a title the site repeats on a page it does not match").isEqualTo("s-3");
    }

    @Test
    void shouldNotJoinByATitleThatSeveralStoriesCarry() {
        // two write-throughs under one headline whose texts keep them apart
        assignTitled("a-1", "nytimes.com", HEADLINE, CandidateVerifierTest.words(98, 600));
        assignTitled("a-2", "dispatch.com", HEADLINE, CandidateVerifierTest.words(99, 600));
        assertThat(state.article("a-2").storyId()).isEqualTo("s-2");

        assignTitled("a-3", "bostonherald.com", HEADLINE, gallery(100, 8));

        assertThat(state.article("a-3").storyId()).as("an ambiguous title joins nothing").isEqualTo("s-3");
    }

    @Test
    void shouldNotJoinAnAggregatorPageThatHoldsASnippetUnderTheSameTitle() {
        String article = CandidateVerifierTest.words(101, 600);
        assignTitled("a-1", "apnews.com", HEADLINE, article);
        // a digest of many stories, one of them a 60-word snippet of this one: the text tells it is another page
        String digest = CandidateVerifierTest.words(102, 800) + " " + String.join(" ", List.of(article.split(" ")).subList(0, 60)) + " "
                + CandidateVerifierTest.words(103, 800);
        assignTitled("a-2", "news.example", HEADLINE, digest);

        assertThat(state.article("a-2").storyId()).isEqualTo("s-2");
    }

    @Test
    void shouldNotJoinTwoArticlesOfTheSameTitleWhoseTextsDiffer() {
        assignTitled("a-1", "a.org", HEADLINE, CandidateVerifierTest.words(104, 600));
        assignTitled("a-2", "b.org", HEADLINE, CandidateVerifierTest.words(105, 600));

        assertThat(state.article("a-2").storyId()).as("full texts tell two articles apart whatever their titles").isEqualTo("s-2");
    }
}
