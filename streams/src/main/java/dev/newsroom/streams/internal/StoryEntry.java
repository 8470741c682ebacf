package dev.newsroom.streams.internal;

import dev.newsroom.model.Article;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A story as the story assigner remembers it.
 *
 * <p>With its members it keeps each copy as last emitted, without its text (its <em>head</em>): all
 * that publishing the story needs from a copy that did not change (the canonical copy and the
 * listed copies, the tags, the attributions). A story of n copies is then published from one
 * value instead of n article entries; a member without a head (state written before heads were
 * kept, or a copy that just joined) is read from its entry.
 *
 * @param id        the stable story id
 * @param revision  the last revision emitted
 * @param createdAt when it was founded (epoch millis); the older story survives a merge
 * @param members   article ids of its copies
 * @param heads     article id → that copy as last emitted, text empty; members without one are not in it
 */
public record StoryEntry(String id, long revision, long createdAt, List<String> members, Map<String, Article> heads) {
    public StoryEntry {
        members = List.copyOf(members);
        heads = heads == null ? Map.of() : Map.copyOf(heads);
    }

    /** A story whose members' heads are not known. */
    public StoryEntry(String id, long revision, long createdAt, List<String> members) {
        this(id, revision, createdAt, members, Map.of());
    }

    /** This story without the member {@code articleId}. */
    public StoryEntry without(String articleId) {
        List<String> rest = members.stream().filter(m -> !m.equals(articleId)).toList();
        Map<String, Article> restHeads = new LinkedHashMap<>(heads);
        restHeads.remove(articleId);
        return new StoryEntry(id, revision, createdAt, rest, restHeads);
    }

    /** A copy as a story entry keeps it: the article without its text. */
    public static Article head(Article a) {
        return a.text().isEmpty() ? a : new Article(a.id(), a.storyId(), a.canonical(), a.similarity(), a.url(), a.site(), a.title(), "",
                a.feedUrl(), a.publishedAt(), a.fetchedAt(), a.topics(), a.regions(), a.countries(), a.language(), a.attribution(),
                a.joined(), a.keywords());
    }
}
