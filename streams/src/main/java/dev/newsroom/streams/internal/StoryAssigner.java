package dev.newsroom.streams.internal;

import com.dynatrace.hash4j.hashing.Hashing;
import dev.newsroom.model.Article;
import dev.newsroom.model.Attribution;
import dev.newsroom.model.JoinReason;
import dev.newsroom.model.Story;
import dev.newsroom.model.StoryCopy;
import dev.newsroom.streams.tag.StoryTags;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Folds each article into the story of its best verified match, or founds a new story.
 *
 * <ul>
 *   <li>Candidates come from the LSH buckets; each is verified ({@link CandidateVerifier}). A page with a specific
 *       title ({@link CandidateVerifier#specificTitle}) also finds the copies that carry the same title through the title
 *       index (kept in the bucket store under {@code title:} keys, rebuilt with it); where the text does not match, it
 *       matches them by title ({@link MatchRule#SAME_TITLE}, {@link CandidateVerifier#verifyTitle}) only if the title
 *       names one story ({@link #namesOneStory}).</li>
 *   <li>The article joins the story of its best match (highest similarity, then lowest article id).</li>
 *   <li>If it also matches copies in other stories ({@link CandidateVerifier#bridges}: any verified match
 *       with {@code merge-on-any-match}, the default, else near-duplicates by Jaccard only), it bridges
 *       them: they merge into the oldest story, whose id survives; the others are absorbed.</li>
 *   <li>Container matches ({@link CandidateVerifier#contains}: a page holding a copy and another story's
 *       worth of text) are one-way: a page may join the story of a copy it contains (a copy wrapped in a
 *       long page), a copy never joins a page that contains it (the page may hold another story), and a
 *       page merges the stories of two copies it contains only when those copies overlap
 *       ({@link CandidateVerifier#overlapping}: two parts of one story, not two stories).</li>
 *   <li>The canonical copy is the earliest-published copy that another copy's attribution points to,
 *       else the earliest-published copy (ties: lowest article id).</li>
 *   <li>Every change of a story bumps its revision; a re-delivered article (same id) updates its copy
 *       in place and never founds a second one.</li>
 * </ul>
 */
public final class StoryAssigner {
    /** At most this many copies of one story, among those an article matched, in one LSH bucket. */
    static final int COPIES_PER_BUCKET = 8;
    private final DedupState state;
    private final CandidateVerifier verifier;
    private final LshBands bands;
    private final int maxBucketSize;
    /** Prefix of the title index's keys in the bucket store (LSH bucket keys start with the band number). */
    private static final String TITLE_KEY_PREFIX = "title:";

    public StoryAssigner(DedupState state, CandidateVerifier verifier, LshBands bands, int maxBucketSize) {
        this.state = state;
        this.verifier = verifier;
        this.bands = bands;
        this.maxBucketSize = maxBucketSize;
    }

    /** The story id an article founds: {@code s-} and the article id's hash. */
    public static String storyIdOf(String articleId) {
        return "s-" + (articleId.startsWith("a-") ? articleId.substring(2) : articleId);
    }

    /**
     * Copies by publication, then id: every publication sorts all of a story's copies (in the order of the last one,
     * plus the new copy), so one plain comparator rather than a chain of key extractors.
     */
    private static final Comparator<ArticleEntry> PUBLICATION_ORDER = (x, y) -> {
        int byTime = x.head().effectivePublishedAt().compareTo(y.head().effectivePublishedAt());
        return byTime != 0 ? byTime : x.head().id().compareTo(y.head().id());
    };

    /** A verified match; {@code container} when the article is a page that contains the candidate ({@link CandidateVerifier#contains}). */
    private record Match(ArticleEntry candidate, Similarity similarity, boolean container) {}

    /**
     * Assigns an article seen at {@code now} (epoch millis) and returns what changed, stories
     * before their copies.
     */
    public List<StoryChange> assign(Article article, Fingerprint fingerprint, long now) {
        ArticleEntry known = state.article(article.id());
        if (known != null) {
            return redelivered(known, article, fingerprint, now);
        }
        List<String> keys = keys(article, fingerprint);
        List<Match> matches = verifiedMatches(article, fingerprint, keys);
        List<StoryChange> changes = new ArrayList<>();
        StoryEntry story;
        JoinReason reason;
        if (matches.isEmpty()) {
            story = new StoryEntry(storyIdOf(article.id()), 0, now, List.of());
            reason = JoinReason.founded(false);
        } else {
            Match best = matches.get(0);
            MatchRule rule = best.similarity().rule();
            reason = new JoinReason(best.candidate().head().id(), best.similarity().jaccard(), best.similarity().containment(), false,
                    rule == null ? "" : rule.name().toLowerCase(java.util.Locale.ROOT));
            story = merge(best, matches, fingerprint, changes);
        }
        List<String> members = new ArrayList<>(story.members());
        members.add(article.id());
        state.putArticle(new ArticleEntry(article, fingerprint, story.id(), reason, now));
        String storyId = story.id();
        index(article.id(), keys, matches.stream().map(m -> m.candidate().head().id())
                .filter(id -> storyId.equals(state.article(id).storyId())).collect(Collectors.toSet()));
        StoryEntry joined = new StoryEntry(story.id(), story.revision(), story.createdAt(), members, story.inOrder(), story.attributions());
        List<StoryChange> appended = publishAppended(joined, article.id());
        changes.addAll(appended != null ? appended : publish(joined, article.id()));
        return changes;
    }

    /** The verified matches among the articles in the index entries {@code keys} ({@link #keys}), best first. */
    private List<Match> verifiedMatches(Article article, Fingerprint fingerprint, List<String> keys) {
        TreeSet<String> candidates = new TreeSet<>();
        List<String> titled = List.of();
        for (String key : keys) {
            List<String> bucket = state.bucket(key);
            candidates.addAll(bucket);
            if (key.startsWith(TITLE_KEY_PREFIX)) {
                titled = bucket;
            }
        }
        candidates.remove(article.id());
        List<Match> matches = new ArrayList<>();
        List<ArticleEntry> sameTitle = new ArrayList<>();
        for (String id : candidates) {
            ArticleEntry candidate = state.article(id);
            if (candidate != null) {
                Optional<Similarity> verified = verifier.verify(fingerprint, candidate.fingerprint());
                verified.ifPresent(s -> {
                    // a copy never joins a page that contains it; a page may join the story of a copy it contains
                    if (!verifier.contains(s, candidate.fingerprint(), fingerprint)) {
                        matches.add(new Match(candidate, s, verifier.contains(s, fingerprint, candidate.fingerprint())));
                    }
                });
                if (verified.isEmpty() && titled.contains(id)) {
                    sameTitle.add(candidate);
                }
            }
        }
        if (!sameTitle.isEmpty() && namesOneStory(article, titled, sameTitle)) {
            for (ArticleEntry candidate : sameTitle) {
                verifier.verifyTitle(fingerprint, article.text(), candidate.fingerprint(), candidate.article().text())
                        .ifPresent(s -> matches.add(new Match(candidate, s, false)));
            }
        }
        matches.sort(Comparator.comparingDouble((Match m) -> -m.similarity().score())
                .thenComparing(m -> m.candidate().head().id()));
        return matches;
    }

    /**
     * Whether a title names one story, so that a page whose text cannot tell may join it by title
     * ({@link MatchRule#SAME_TITLE}): every other copy with the title is in one story (two write-throughs under one
     * headline that the text keeps apart leave it ambiguous), and no other page of the article's own site carries it
     * without matching it by text (a site's generic or repeated title: a section, a widget, a daily feature).
     */
    private boolean namesOneStory(Article article, List<String> titled, List<ArticleEntry> sameTitle) {
        Set<String> stories = new HashSet<>();
        for (String id : titled) {
            ArticleEntry e = state.article(id);
            if (e != null && !id.equals(article.id())) {
                stories.add(e.storyId());
            }
        }
        return stories.size() == 1 && sameTitle.stream().noneMatch(c -> Objects.equals(c.head().site(), article.site()));
    }

    /** The story the article joins: its best match's, with every story it bridges merged in. */
    private StoryEntry merge(Match best, List<Match> matches, Fingerprint fingerprint, List<StoryChange> changes) {
        Map<String, StoryEntry> bridged = new LinkedHashMap<>();
        StoryEntry bestStory = state.story(best.candidate().storyId());
        bridged.put(bestStory.id(), bestStory);
        for (Match m : matches) {
            if (!bridged.containsKey(m.candidate().storyId()) && (verifier.bridges(m.similarity(), fingerprint, m.candidate().fingerprint())
                    || (m.container() && m != best && verifier.overlapping(m.candidate().fingerprint(), best.candidate().fingerprint())))) {
                StoryEntry other = state.story(m.candidate().storyId());
                if (other != null) {
                    bridged.put(other.id(), other);
                }
            }
        }
        if (bridged.size() == 1) {
            return bestStory;
        }
        StoryEntry survivor = bridged.values().stream()
                .min(Comparator.comparingLong(StoryEntry::createdAt).thenComparing(StoryEntry::id)).orElseThrow();
        List<String> members = new ArrayList<>(survivor.members());
        long revision = survivor.revision();
        for (StoryEntry absorbed : bridged.values()) {
            if (absorbed == survivor) {
                continue;
            }
            revision = Math.max(revision, absorbed.revision());
            for (String id : absorbed.members()) {
                ArticleEntry e = state.article(id);
                if (e != null) {
                    state.putArticle(e.withStory(survivor.id(), e.joined()));
                    members.add(id);
                }
            }
            state.deleteStory(absorbed.id());
            changes.add(new StoryChange.StoryAbsorbed(absorbed.id(), survivor.id()));
        }
        return new StoryEntry(survivor.id(), revision, survivor.createdAt(), members);
    }

    private List<StoryChange> redelivered(ArticleEntry known, Article article, Fingerprint fingerprint, long now) {
        Article before = known.article();
        Article incoming = article.inStory(before.storyId(), before.canonical(), before.similarity(), before.joined());
        if (incoming.equals(before)) {
            indexIfMissing(known);
            return List.of();
        }
        unindex(known);
        state.putArticle(new ArticleEntry(article, fingerprint, known.storyId(), known.joined(), now));
        index(article.id(), keys(article, fingerprint), Set.of());
        StoryEntry story = state.story(known.storyId());
        return publish(story != null ? story : new StoryEntry(known.storyId(), 0, now, List.of(article.id())), article.id());
    }

    /**
     * Recomputes the story's canonical copy and similarities, bumps its revision, and emits the story
     * and every copy that changed. A copy's similarity to a canonical copy that stays canonical is
     * kept from its last emission unless the copy itself changed ({@code touched}) or moved in from
     * another story.
     */
    private List<StoryChange> publish(StoryEntry story, String touched) {
        List<ArticleEntry> copies = new ArrayList<>();
        for (String id : story.members()) {
            ArticleEntry e = state.article(id);
            if (e != null) {
                copies.add(e);
            }
        }
        copies.sort(PUBLICATION_ORDER);
        Optional<ArticleEntry> attributed = attributedOriginal(copies);
        ArticleEntry canonical = attributed.orElse(copies.get(0));
        boolean byAttribution = attributed.isPresent();
        boolean sameCanonical = canonical.head().canonical() && canonical.head().storyId().equals(story.id())
                && !canonical.head().id().equals(touched);
        StoryEntry next = new StoryEntry(story.id(), story.revision() + 1, story.createdAt(),
                copies.stream().map(c -> c.head().id()).toList(), copies.size(),
                StoryEntry.counting(copies.stream().map(c -> c.head().attribution()).toList()));
        state.putStory(next);

        List<StoryChange> copyChanges = new ArrayList<>();
        List<StoryCopy> storyCopies = new ArrayList<>();
        for (ArticleEntry c : copies) {
            boolean isCanonical = c == canonical;
            Article before = c.head();
            boolean unchanged = sameCanonical && before.storyId().equals(story.id()) && !before.id().equals(touched);
            double similarity = isCanonical ? 1.0
                    : unchanged ? before.similarity() : round(verifier.similarity(c.fingerprint(), canonical.fingerprint()).score());
            JoinReason reason = c.joined().withCanonicalByAttribution(byAttribution);
            // compared without the text (which inStory keeps): only the copies re-emitted decode theirs
            Article emitted = before.inStory(story.id(), isCanonical, similarity, reason);
            if (!emitted.equals(before) || before.id().equals(touched)) {
                emitted = c.article().inStory(story.id(), isCanonical, similarity, reason);
                state.putArticle(new ArticleEntry(emitted, c.fingerprint(), story.id(), reason, c.seenAt()));
                copyChanges.add(new StoryChange.CopyChanged(emitted));
            }
            storyCopies.add(storyCopy(emitted, reason));
        }
        StoryCopy canonicalCopy = storyCopies.get(copies.indexOf(canonical));
        List<StoryChange> changes = new ArrayList<>();
        changes.add(storyChanged(next, canonical, canonicalCopy, listed(copies, canonical), listed(storyCopies, canonicalCopy),
                storyCopies.size()));
        changes.addAll(copyChanges);
        return changes;
    }

    /**
     * The publication of a story that a new copy ({@code added}, the last member) joined without changing
     * what the story record shows, read from the listed copies only; null when that cannot be told from them
     * (the caller then publishes from every copy, {@link #publish}). It holds when the story already lists
     * {@link Story#MAX_LISTED_COPIES} copies, all of them among its first {@link StoryEntry#inOrder} members,
     * the canonical copy among them; the new copy publishes after all of them; and no attribution changes the
     * canonical copy: one that points to the new copy counts only if the canonical copy is already the attributed
     * original (which the new copy publishes after), and one the new copy carries only if two copies already carry
     * it (every copy it points to is then pointed to by another copy already). The story record is then the last
     * one with one copy more, and only the new copy is emitted, as {@link #publish} would do it.
     */
    private List<StoryChange> publishAppended(StoryEntry story, String added) {
        int listed = Story.MAX_LISTED_COPIES;
        if (story.inOrder() < listed || story.attributions() == null) {
            return null;
        }
        ArticleEntry entry = state.article(added);
        Article copy = entry.head();
        List<ArticleEntry> prefix = new ArrayList<>(listed + 1);
        ArticleEntry canonical = null;
        for (String id : story.members().subList(0, listed)) {
            ArticleEntry e = state.article(id);
            if (e == null || e.head().canonical() && canonical != null) {
                return null;
            }
            if (e.head().canonical()) {
                canonical = e;
            }
            prefix.add(e);
        }
        if (canonical == null || !canonical.storyId().equals(story.id()) || PUBLICATION_ORDER.compare(entry, prefix.get(listed - 1)) <= 0
                || copy.attribution() != null && story.copiesCarrying(copy.attribution()) < 2) {
            return null;
        }
        boolean byAttribution = canonical.joined().canonicalByAttribution();
        for (StoryEntry.Attributed a : story.attributions()) {
            if (!byAttribution && AttributionExtractor.pointsTo(a.attribution(), copy.url(), copy.site())) {
                return null;
            }
        }
        double similarity = round(verifier.similarity(entry.fingerprint(), canonical.fingerprint()).score());
        JoinReason reason = entry.joined().withCanonicalByAttribution(byAttribution);
        Article emitted = entry.article().inStory(story.id(), false, similarity, reason);
        state.putArticle(new ArticleEntry(emitted, entry.fingerprint(), story.id(), reason, entry.seenAt()));
        StoryEntry next = new StoryEntry(story.id(), story.revision() + 1, story.createdAt(), story.members(), story.inOrder(),
                copy.attribution() == null ? story.attributions() : StoryEntry.counted(story.attributions(), copy.attribution(), 1));
        state.putStory(next);

        prefix.add(entry);  // publishes after the others: listed() leaves it out, as publish() would
        List<ArticleEntry> listedEntries = listed(prefix, canonical);
        List<StoryCopy> listedCopies = listedEntries.stream().map(e -> storyCopy(e.head(), e.joined().withCanonicalByAttribution(byAttribution)))
                .toList();
        return List.of(storyChanged(next, canonical, listedCopies.get(0), listedEntries, listedCopies, story.members().size()),
                new StoryChange.CopyChanged(emitted));
    }

    private static StoryCopy storyCopy(Article emitted, JoinReason reason) {
        return new StoryCopy(emitted.id(), emitted.url(), emitted.site(), emitted.title(), emitted.publishedAt(), emitted.similarity(), reason);
    }

    /** The story record: the canonical copy's title and text, the listed copies, and the tags merged from them. */
    private static StoryChange storyChanged(StoryEntry story, ArticleEntry canonical, StoryCopy canonicalCopy,
                                            List<ArticleEntry> listedEntries, List<StoryCopy> listedCopies, int copies) {
        Article head = canonical.article();
        // tags are merged from the copies the record lists, so that a story of thousands of copies costs a bounded merge
        StoryTags tags = StoryTags.merge(head, listedEntries.stream().map(ArticleEntry::head).toList());
        return new StoryChange.StoryChanged(new Story(story.id(), story.revision(), canonicalCopy, listedCopies, head.title(),
                head.text(), head.effectivePublishedAt(), tags.topics(), tags.regions(), tags.countries(), tags.language(), tags.keywords(),
                copies));
    }

    /**
     * The copies a story record lists: all of them, or for a story copied more than
     * {@link Story#MAX_LISTED_COPIES} times the canonical and the earliest published others (the
     * copies come sorted by publication). Every copy's own article record still names the story.
     * The story's tags are merged from the same copies ({@link StoryTags}).
     */
    static <T> List<T> listed(List<T> copies, T canonical) {
        if (copies.size() <= Story.MAX_LISTED_COPIES) {
            return copies;
        }
        List<T> listed = new ArrayList<>(Story.MAX_LISTED_COPIES);
        listed.add(canonical);
        for (T c : copies) {
            if (listed.size() == Story.MAX_LISTED_COPIES) {
                break;
            }
            if (c != canonical) {
                listed.add(c);
            }
        }
        return listed;
    }

    private static double round(double similarity) {
        return Math.round(similarity * 1000) / 1000.0;
    }

    /**
     * The earliest-published copy that another copy's attribution points to, if any; {@code copies}
     * are sorted by publication. Few copies carry an attribution, so each copy is checked against
     * those few only.
     */
    private static Optional<ArticleEntry> attributedOriginal(List<ArticleEntry> copies) {
        List<Article> attributing = copies.stream().map(ArticleEntry::head).filter(a -> a.attribution() != null).toList();
        if (attributing.isEmpty()) {
            return Optional.empty();
        }
        for (ArticleEntry candidate : copies) {
            Article c = candidate.head();
            for (Article other : attributing) {
                if (other != c && AttributionExtractor.pointsTo(other.attribution(), c.url(), c.site())) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }

    /** The index keys of an article: its LSH bucket keys, and its title's key if it has a specific title. */
    private List<String> keys(Article article, Fingerprint fingerprint) {
        List<String> keys = new ArrayList<>(bands.keys(fingerprint.signature()));
        String title = verifier.specificTitle(article.title(), fingerprint);
        if (!title.isEmpty()) {
            keys.add(titleKey(title));
        }
        return keys;
    }

    /** The key of a title's entry in the bucket index: {@code title:} and a hash of its words. */
    static String titleKey(String title) {
        return TITLE_KEY_PREFIX + HexFormat.of().toHexDigits(Hashing.komihash5_0().hashCharsToLong(title));
    }

    /**
     * Adds an article to its index entries (LSH buckets and title), the most recent last. An entry
     * keeps at most {@value #COPIES_PER_BUCKET} copies of one story that the article matched
     * ({@code sameStory}): the oldest of them gives way. A story copied by hundreds of sites would
     * otherwise fill its buckets up to {@code maxBucketSize}, and every further copy would read,
     * verify and rewrite them all; the newest copies find the story just as well.
     */
    private void index(String articleId, List<String> keys, Set<String> sameStory) {
        for (String key : keys) {
            List<String> bucket = new ArrayList<>(state.bucket(key));
            bucket.remove(articleId);
            if (!sameStory.isEmpty()) {
                int copies = 0;
                for (String id : bucket) {
                    copies += sameStory.contains(id) ? 1 : 0;
                }
                for (Iterator<String> it = bucket.iterator(); it.hasNext() && copies >= COPIES_PER_BUCKET; ) {
                    if (sameStory.contains(it.next())) {
                        it.remove();
                        copies--;
                    }
                }
            }
            bucket.add(articleId);
            while (bucket.size() > maxBucketSize) {
                bucket.remove(0);
            }
            state.putBucket(key, bucket);
        }
    }

    /**
     * Puts a known article back into its buckets if it is missing from one. The bucket index is
     * not logged: after a crash under at-least-once its last writes may be lost while the article's
     * entry is restored from its changelog, and the article then comes again from its input.
     */
    private void indexIfMissing(ArticleEntry entry) {
        String id = entry.head().id();
        List<String> keys = keys(entry.head(), entry.fingerprint());
        if (keys.stream().anyMatch(key -> !state.bucket(key).contains(id))) {
            index(id, keys, Set.of());
        }
    }

    /** Adds an article already in the state to its buckets (and its title's), e.g. when the bucket index is rebuilt. */
    public void reindex(ArticleEntry entry) {
        index(entry.head().id(), keys(entry.head(), entry.fingerprint()), Set.of());
    }

    private void unindex(ArticleEntry entry) {
        for (String key : keys(entry.head(), entry.fingerprint())) {
            List<String> bucket = new ArrayList<>(state.bucket(key));
            if (bucket.remove(entry.head().id())) {
                state.putBucket(key, bucket);
            }
        }
    }

    /**
     * The story's record as the state holds it now, for a story whose latest change was never sent (the
     * task restarted between the change and the sending, ADR 14): a new revision, and any copy that changed.
     * Empty if the story is gone (its last copies expired).
     */
    public List<StoryChange> republish(String storyId) {
        StoryEntry story = state.story(storyId);
        return story == null || story.members().isEmpty() ? List.of() : publish(story, null);
    }

    /** Forgets an article (retention): out of its buckets and its story. The story stays as last emitted. */
    public void expire(String articleId) {
        ArticleEntry entry = state.article(articleId);
        if (entry == null) {
            return;
        }
        unindex(entry);
        state.deleteArticle(articleId);
        StoryEntry story = state.story(entry.storyId());
        if (story != null) {
            List<String> members = new ArrayList<>(story.members());
            int at = members.indexOf(articleId);
            if (at >= 0) {
                members.remove(at);
            }
            Attribution attribution = entry.head().attribution();
            if (members.isEmpty()) {
                state.deleteStory(story.id());
            } else {
                state.putStory(new StoryEntry(story.id(), story.revision(), story.createdAt(), members,
                        at >= 0 && at < story.inOrder() ? story.inOrder() - 1 : story.inOrder(),
                        attribution == null || story.attributions() == null ? story.attributions()
                                : StoryEntry.counted(story.attributions(), attribution, -1)));
            }
        }
    }
}
