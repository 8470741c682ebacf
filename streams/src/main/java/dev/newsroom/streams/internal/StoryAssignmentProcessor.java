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

/**
 * Learns each site's boilerplate, fingerprints the article and lets the {@link StoryAssigner}
 * place it; forwards what changed. Once a minute of stream time it forgets articles older than
 * the retention window, every six hours boilerplate lines not seen within it.
 */
final class StoryAssignmentProcessor implements Processor<String, Article, String, StoryChange> {
    private static final Duration EXPIRY_INTERVAL = Duration.ofMinutes(1);
    /** Forgetting boilerplate lines scans their whole store, so it runs less often. */
    private static final Duration BOILERPLATE_EXPIRY_INTERVAL = Duration.ofHours(6);
    private final DedupParameters parameters;
    private final MinHasher minHasher;
    private final Boilerplate boilerplate;
    private ProcessorContext<String, StoryChange> context;
    private StoreBackedState state;
    private KeyValueStore<String, LineCount> lines;
    private KeyValueStore<String, String> expiry;
    private StoryAssigner assigner;

    StoryAssignmentProcessor(DedupParameters parameters) {
        this.parameters = parameters;
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
        this.assigner = new StoryAssigner(state, new CandidateVerifier(minHasher, parameters),
                new LshBands(minHasher, parameters.bands(), parameters.rows()), parameters.maxBucketSize());
        context.schedule(EXPIRY_INTERVAL, PunctuationType.STREAM_TIME, this::expireArticles);
        context.schedule(BOILERPLATE_EXPIRY_INTERVAL, PunctuationType.STREAM_TIME, this::expireBoilerplate);
    }

    @Override
    public void process(Record<String, Article> record) {
        Article article = record.value();
        List<StoryChange> changes;
        try {
            Map<String, LineCount> learned = state.article(article.id()) == null ? learnBoilerplate(article, record.timestamp()) : Map.of();
            changes = assigner.assign(article, fingerprint(article, learned), record.timestamp());
            state.flush();
        } finally {
            state.discard(); // an article that failed (it goes to the dead-letter topic) leaves no half-written story
        }
        for (StoryChange change : changes) {
            context.forward(record.withKey(change.key()).withValue(change));
        }
        expiry.put(StoryAssignment.expiryKey(record.timestamp(), article.id()), article.id());
    }

    /** Counts the article's lines in its site's boilerplate store; returns the counts written. */
    private Map<String, LineCount> learnBoilerplate(Article article, long now) {
        Map<String, LineCount> written = new HashMap<>();
        for (String key : Boilerplate.learnableLineKeys(article.site(), article.text())) {
            LineCount count = lines.get(key);
            LineCount next = count == null ? new LineCount(1, now) : new LineCount(count.articles() + 1, now);
            lines.put(key, next);
            written.put(key, next);
        }
        return written;
    }

    /** The fingerprint of the article without its boilerplate lines; {@code learned} holds the counts it just wrote. */
    private Fingerprint fingerprint(Article article, Map<String, LineCount> learned) {
        String text = boilerplate.fingerprintText(article.site(), article.title() + "\n" + article.text(),
                key -> isLearned(learned.containsKey(key) ? learned.get(key) : lines.get(key)));
        return minHasher.fingerprint(text);
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
