package dev.newsroom.streams.internal;

import dev.newsroom.model.Article;
import dev.newsroom.streams.DedupParameters;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Learns each site's boilerplate, fingerprints the article and lets the {@link StoryAssigner}
 * place it; forwards what changed: a copy's record at once, a story's record at once or, with a
 * story interval, the latest record of each story changed within the interval at its end (ADR 14).
 * Once a minute of stream time it forgets articles older than the retention window, every six
 * hours boilerplate lines not seen within it.
 */
final class StoryAssignmentProcessor implements Processor<String, Article, String, StoryChange> {
    private static final Duration EXPIRY_INTERVAL = Duration.ofMinutes(1);
    /** Forgetting boilerplate lines scans their whole store, so it runs less often. */
    private static final Duration BOILERPLATE_EXPIRY_INTERVAL = Duration.ofHours(6);
    /** Articles re-indexed between writes to the bucket store when it is rebuilt. */
    private static final int REBUILD_BATCH = 1_000;
    private static final Logger log = LoggerFactory.getLogger(StoryAssignmentProcessor.class);
    private final DedupParameters parameters;
    private final Duration storyInterval;
    /** The latest change of each story changed since the last sending, by story id. */
    private final Map<String, StoryChange> pendingChanges = new HashMap<>();
    private KeyValueStore<String, String> pending;
    private final MinHasher minHasher;
    private final Boilerplate boilerplate;
    private ProcessorContext<String, StoryChange> context;
    private StoreBackedState state;
    private KeyValueStore<String, LineCount> lines;
    private KeyValueStore<String, String> expiry;
    private StoryAssigner assigner;

    StoryAssignmentProcessor(DedupParameters parameters, Duration storyInterval) {
        this.parameters = parameters;
        this.storyInterval = storyInterval;
        this.minHasher = new MinHasher(parameters.shingleSize(), parameters.components());
        this.boilerplate = new Boilerplate(parameters.boilerplatePatterns());
    }

    @Override
    public void init(ProcessorContext<String, StoryChange> context) {
        this.context = context;
        this.state = new StoreBackedState(context.getStateStore(StoryAssignment.ARTICLES), context.getStateStore(StoryAssignment.STORIES),
                context.getStateStore(StoryAssignment.BUCKETS));
        this.lines = context.getStateStore(StoryAssignment.BOILERPLATE);
        this.expiry = context.getStateStore(StoryAssignment.EXPIRY);
        this.pending = context.getStateStore(StoryAssignment.PENDING);
        this.assigner = new StoryAssigner(state, new CandidateVerifier(minHasher, parameters),
                new LshBands(minHasher, parameters.bands(), parameters.rows()), parameters.maxBucketSize());
        KeyValueStore<String, StoreBackedState.Bucket> buckets = context.getStateStore(StoryAssignment.BUCKETS);
        KeyValueStore<String, ArticleEntry> articles = context.getStateStore(StoryAssignment.ARTICLES);
        if (isEmpty(buckets) && !isEmpty(articles)) {
            rebuildBuckets(articles);
        }
        context.schedule(EXPIRY_INTERVAL, PunctuationType.STREAM_TIME, this::expireArticles);
        context.schedule(BOILERPLATE_EXPIRY_INTERVAL, PunctuationType.STREAM_TIME, this::expireBoilerplate);
        if (!storyInterval.isZero()) {
            context.schedule(storyInterval, PunctuationType.WALL_CLOCK_TIME, now -> sendPendingStories());
        }
    }

    private static boolean isEmpty(KeyValueStore<String, ?> store) {
        try (KeyValueIterator<String, ?> it = store.all()) {
            return !it.hasNext();
        }
    }

    /**
     * Rebuilds the LSH bucket index (not logged) from the articles (logged): after the task's
     * state was restored from its changelogs (a new instance, a crash under exactly-once, which
     * wipes the task's stores, or the first start of this version). Articles go in in the order
     * they were seen, as they went in first, so buckets that overflow keep the same articles.
     */
    private void rebuildBuckets(KeyValueStore<String, ArticleEntry> articles) {
        long start = System.nanoTime();
        List<Map.Entry<Long, String>> seen = new java.util.ArrayList<>();
        try (KeyValueIterator<String, ArticleEntry> it = articles.all()) {
            it.forEachRemaining(kv -> seen.add(Map.entry(kv.value.seenAt(), kv.key)));
        }
        seen.sort(Map.Entry.<Long, String>comparingByKey().thenComparing(Map.Entry.comparingByValue()));
        int done = 0;
        for (Map.Entry<Long, String> e : seen) {
            ArticleEntry entry = state.article(e.getValue());
            if (entry != null) {
                assigner.reindex(entry);
            }
            if (++done % REBUILD_BATCH == 0) {
                state.flush();
            }
        }
        state.flush();
        log.info("Rebuilt the LSH bucket index of {} articles from {} in {} ms.", seen.size(), StoryAssignment.ARTICLES,
                (System.nanoTime() - start) / 1_000_000);
    }

    @Override
    public void process(Record<String, Article> record) {
        Article article = record.value();
        List<StoryChange> changes;
        try {
            Boilerplate.Page page = Boilerplate.page(article.site(), article.title(), article.text());
            Map<String, LineCount> learned = state.article(article.id()) == null ? learnBoilerplate(page, record.timestamp()) : Map.of();
            changes = assigner.assign(article, fingerprint(page, learned), record.timestamp());
            state.flush();
        } finally {
            state.discard(); // an article that failed (it goes to the dead-letter topic) leaves no half-written story
        }
        // A story's records carry the task's stream time, not the time of the copy that changed them: copies arrive out
        // of time order, and a story's records should not go back in time on its topic.
        long storyTime = Math.max(record.timestamp(), context.currentStreamTimeMs());
        for (StoryChange change : changes) {
            if (change instanceof StoryChange.CopyChanged || storyInterval.isZero()) {
                Record<String, StoryChange> out = record.withKey(change.key()).withValue(change);
                context.forward(change instanceof StoryChange.CopyChanged ? out : out.withTimestamp(storyTime));
            } else {
                pendingChanges.put(change.key(), change);
                pending.put(change.key(), change instanceof StoryChange.StoryAbsorbed a ? a.survivorId() : "");
            }
        }
        expiry.put(StoryAssignment.expiryKey(record.timestamp(), article.id()), article.id());
    }

    /**
     * Sends the latest record of each story changed since the last sending, stamped with the task's stream
     * time, and forgets them. The ids are kept in a store with a changelog, written in the same transaction
     * as the changes, so a story whose change was committed but whose record was not yet sent when the task
     * stopped is sent after the restart: its record is then built again from the state ({@link
     * StoryAssigner#republish}), with a new revision.
     */
    private void sendPendingStories() {
        List<org.apache.kafka.streams.KeyValue<String, String>> ids = new java.util.ArrayList<>();
        try (KeyValueIterator<String, String> it = pending.all()) {
            it.forEachRemaining(ids::add);
        }
        if (ids.isEmpty()) {
            return;
        }
        long time = Math.max(0, context.currentStreamTimeMs());
        try {
            for (var id : ids) {
                StoryChange change = pendingChanges.remove(id.key);
                List<StoryChange> changes = change != null ? List.of(change)
                        : !id.value.isEmpty() ? List.of(new StoryChange.StoryAbsorbed(id.key, id.value)) : assigner.republish(id.key);
                for (StoryChange c : changes) {
                    context.forward(new Record<>(c.key(), c, time));
                }
                pending.delete(id.key);
            }
            state.flush();
        } finally {
            state.discard();
        }
    }

    /** Counts the lines of the article's text in its site's boilerplate store; returns the counts written. */
    private Map<String, LineCount> learnBoilerplate(Boilerplate.Page page, long now) {
        Map<String, LineCount> written = new HashMap<>();
        for (String key : Boilerplate.learnableLineKeys(page.textLines())) {
            LineCount count = lines.get(key);
            LineCount next = count == null ? new LineCount(1, now) : new LineCount(count.articles() + 1, now);
            lines.put(key, next);
            written.put(key, next);
        }
        return written;
    }

    /** The fingerprint of the article's page without its boilerplate lines; {@code learned} holds the counts it just wrote. */
    private Fingerprint fingerprint(Boilerplate.Page page, Map<String, LineCount> learned) {
        Boilerplate.Kept kept = boilerplate.fingerprintLines(page.lines(),
                key -> isLearned(learned.containsKey(key) ? learned.get(key) : lines.get(key)));
        return minHasher.fingerprint(kept.text(), kept.words());
    }

    private boolean isLearned(LineCount count) {
        return count != null && count.articles() >= parameters.boilerplateMinArticles();
    }

    private void expireArticles(long streamTime) {
        long cutoff = streamTime - parameters.retention().toMillis();
        List<org.apache.kafka.streams.KeyValue<String, String>> due = new java.util.ArrayList<>();
        try (KeyValueIterator<String, String> it = expiry.range(StoryAssignment.expiryKey(0, ""), StoryAssignment.expiryKey(cutoff, ""))) {
            it.forEachRemaining(due::add);
        }
        for (var entry : due) {
            expiry.delete(entry.key);
            ArticleEntry article = state.article(entry.value);
            if (article != null && article.seenAt() < cutoff) {
                assigner.expire(entry.value);
            }
            state.flush();
        }
    }

    private void expireBoilerplate(long streamTime) {
        long cutoff = streamTime - parameters.retention().toMillis();
        List<String> stale = new java.util.ArrayList<>();
        try (KeyValueIterator<String, LineCount> it = lines.all()) {
            it.forEachRemaining(kv -> {
                if (kv.value.lastSeen() < cutoff) {
                    stale.add(kv.key);
                }
            });
        }
        stale.forEach(lines::delete);
    }

    /** How many articles of a site held a line, and when the last one was seen. */
    record LineCount(long articles, long lastSeen) {}
}
