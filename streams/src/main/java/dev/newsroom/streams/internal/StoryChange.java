package dev.newsroom.streams.internal;

import dev.newsroom.model.Article;
import dev.newsroom.model.Story;

/** What the story assigner emits: a copy to (re)index, a story to (re)index, or a story absorbed by a merge. */
public sealed interface StoryChange permits StoryChange.CopyChanged, StoryChange.StoryChanged, StoryChange.StoryAbsorbed {
    String key();

    record CopyChanged(Article article) implements StoryChange {
        public String key() {
            return article.id();
        }
    }

    record StoryChanged(Story story) implements StoryChange {
        public String key() {
            return story.id();
        }
    }

    /** The story {@code storyId} merged into {@code survivorId}: a tombstone on the stories topic. */
    record StoryAbsorbed(String storyId, String survivorId) implements StoryChange {
        public String key() {
            return storyId;
        }
    }
}
