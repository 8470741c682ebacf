package dev.newsroom.streams.internal;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.newsroom.model.Article;
import dev.newsroom.model.JoinReason;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * An article as the story assigner remembers it: the copy as last emitted ({@link #article()}), its
 * fingerprint, its story, why it is in that story, and when it was last seen (record time, epoch
 * millis; retention counts from there).
 *
 * <p>An entry read from the {@code story-articles} store keeps its copy's text as the stored UTF-8
 * bytes until {@link #article()} first asks for it. Publishing a story reads every copy, but needs
 * the text of the canonical copy and of the copies it re-emits only; the others are read through
 * {@link #head()}, and an entry written back unchanged carries its bytes over without decoding them.
 * Decoding every member's text (a long {@code String} built from UTF-8, through UTF-16 for the curly
 * quotes and dashes of real news) was the largest single cost of publishing big stories. The text is
 * decoded at most once per entry object; entries live on the one assignment thread and are not
 * shared between threads.
 */
public final class ArticleEntry {
    private final Article head;
    /** The stored value the text is a slice of (read only, never copied), or null for a whole copy. */
    private final byte[] stored;
    private final int textOffset;
    private final int textLength;
    private final Fingerprint fingerprint;
    private final String storyId;
    private final JoinReason joined;
    private final long seenAt;
    private Article article;

    /** An entry of a whole copy. */
    @JsonCreator
    public ArticleEntry(@JsonProperty("article") Article article, @JsonProperty("fingerprint") Fingerprint fingerprint,
                        @JsonProperty("storyId") String storyId, @JsonProperty("joined") JoinReason joined,
                        @JsonProperty("seenAt") long seenAt) {
        this(article, null, 0, 0, fingerprint, storyId, joined, seenAt);
        this.article = article;
    }

    private ArticleEntry(Article head, byte[] stored, int textOffset, int textLength, Fingerprint fingerprint, String storyId,
                         JoinReason joined, long seenAt) {
        this.head = head;
        this.stored = stored;
        this.textOffset = textOffset;
        this.textLength = textLength;
        this.fingerprint = fingerprint;
        this.storyId = storyId;
        this.joined = joined;
        this.seenAt = seenAt;
    }

    /**
     * An entry whose copy's text is still the UTF-8 bytes it was stored as, {@code textLength} bytes at {@code textOffset} of
     * the {@code stored} value (kept, not copied: the value is not changed after it was read); {@code head} is the copy
     * with an empty text.
     */
    static ArticleEntry withEncodedText(Article head, byte[] stored, int textOffset, int textLength, Fingerprint fingerprint,
                                       String storyId, JoinReason joined, long seenAt) {
        return new ArticleEntry(head, stored, textOffset, textLength, fingerprint, storyId, joined, seenAt);
    }

    /** The copy as last emitted, its text included (decoded on first use). */
    @JsonProperty("article")
    public Article article() {
        if (article == null) {
            article = withText(head, new String(stored, textOffset, textLength, StandardCharsets.UTF_8));
        }
        return article;
    }

    /**
     * The copy as last emitted, for every field but its text: the text may be empty here. Use it to read ids, sites,
     * times, tags, attribution and the story fields without decoding the text.
     */
    public Article head() {
        return article != null ? article : head;
    }

    /** Whether the copy's text is still the stored bytes, not decoded: the store then writes those back as they are. */
    boolean textEncoded() {
        return article == null;
    }

    /** The stored value that holds the text's bytes ({@link #textEncoded} only). */
    byte[] stored() {
        return stored;
    }

    int textOffset() {
        return textOffset;
    }

    int textLength() {
        return textLength;
    }

    @JsonProperty("fingerprint")
    public Fingerprint fingerprint() {
        return fingerprint;
    }

    @JsonProperty("storyId")
    public String storyId() {
        return storyId;
    }

    @JsonProperty("joined")
    public JoinReason joined() {
        return joined;
    }

    @JsonProperty("seenAt")
    public long seenAt() {
        return seenAt;
    }

    /** This entry in another story; the copy and its text as they are. */
    public ArticleEntry withStory(String story, JoinReason reason) {
        ArticleEntry moved = new ArticleEntry(head, stored, textOffset, textLength, fingerprint, story, reason, seenAt);
        moved.article = article;
        return moved;
    }

    /** This entry with the copy as emitted now. */
    public ArticleEntry withArticle(Article emitted) {
        return new ArticleEntry(emitted, fingerprint, storyId, joined, seenAt);
    }

    private static Article withText(Article a, String text) {
        return new Article(a.id(), a.storyId(), a.canonical(), a.similarity(), a.url(), a.site(), a.title(), text, a.feedUrl(),
                a.publishedAt(), a.fetchedAt(), a.topics(), a.regions(), a.countries(), a.language(), a.attribution(), a.joined(),
                a.keywords());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ArticleEntry e && seenAt == e.seenAt && article().equals(e.article()) && fingerprint.equals(e.fingerprint)
                && Objects.equals(storyId, e.storyId) && Objects.equals(joined, e.joined);
    }

    @Override
    public int hashCode() {
        return Objects.hash(article(), fingerprint, storyId, joined, seenAt);
    }

    @Override
    public String toString() {
        return "ArticleEntry[article=" + head().id() + ", storyId=" + storyId + ", joined=" + joined + ", seenAt=" + seenAt + "]";
    }
}
