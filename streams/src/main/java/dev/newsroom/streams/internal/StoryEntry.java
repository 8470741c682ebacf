package dev.newsroom.streams.internal;

import java.util.List;

/**
 * A story as the story assigner remembers it.
 *
 * @param id        the stable story id
 * @param revision  the last revision emitted
 * @param createdAt when it was founded (epoch millis); the older story survives a merge
 * @param members   article ids of its copies
 */
public record StoryEntry(String id, long revision, long createdAt, List<String> members) {
    public StoryEntry {
        members = List.copyOf(members);
    }
}
