package dev.newsroom.streams.internal;

import dev.newsroom.model.Attribution;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A story as the story assigner remembers it.
 *
 * @param id           the stable story id
 * @param revision     the last revision emitted
 * @param createdAt    when it was founded (epoch millis); the older story survives a merge
 * @param members      article ids of its copies
 * @param inOrder      how many of the first members are in publication order, with every later member
 *                     published after them (0: not known). A story record lists copies of this prefix
 *                     only, so a copy that publishes after it need not read the others ({@link StoryAssigner}).
 * @param attributions the attributions its copies carry, each with how many copies carry it; null when not
 *                     known (a story stored in the earlier layout, or just merged)
 */
public record StoryEntry(String id, long revision, long createdAt, List<String> members, int inOrder, List<Attributed> attributions) {
    /** An attribution and how many of a story's copies carry it. */
    public record Attributed(Attribution attribution, int copies) {}

    public StoryEntry {
        members = List.copyOf(members);
        attributions = attributions == null ? null : List.copyOf(attributions);
    }

    /** A story whose copies' order and attributions are not known: its next publication reads every copy. */
    public StoryEntry(String id, long revision, long createdAt, List<String> members) {
        this(id, revision, createdAt, members, 0, null);
    }

    /** How many copies carry {@code attribution}; 0 also when not known. */
    int copiesCarrying(Attribution attribution) {
        if (attributions != null) {
            for (Attributed a : attributions) {
                if (a.attribution().equals(attribution)) {
                    return a.copies();
                }
            }
        }
        return 0;
    }

    /** The attributions among {@code carried} (one per copy, null for none), each with how many copies carry it. */
    static List<Attributed> counting(List<Attribution> carried) {
        Map<Attribution, Integer> counts = new LinkedHashMap<>();
        for (Attribution a : carried) {
            if (a != null) {
                counts.merge(a, 1, Integer::sum);
            }
        }
        return counts.entrySet().stream().map(e -> new Attributed(e.getKey(), e.getValue())).toList();
    }

    /** {@code attributions} with one copy more ({@code +1}) or fewer ({@code -1}) carrying {@code attribution}. */
    static List<Attributed> counted(List<Attributed> attributions, Attribution attribution, int change) {
        List<Attributed> counted = new ArrayList<>(attributions.size() + 1);
        boolean found = false;
        for (Attributed a : attributions) {
            if (a.attribution().equals(attribution)) {
                found = true;
                if (a.copies() + change > 0) {
                    counted.add(new Attributed(attribution, a.copies() + change));
                }
            } else {
                counted.add(a);
            }
        }
        if (!found && change > 0) {
            counted.add(new Attributed(attribution, change));
        }
        return counted;
    }
}
