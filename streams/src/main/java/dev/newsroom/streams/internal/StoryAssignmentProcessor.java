package dev.newsroom.streams.internal;

import dev.newsroom.model.Article;
import dev.newsroom.streams.DedupParameters;
import java.time.Duration;
import java.util.List;
import java.util.Set;
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
        boolean firstSeen = state.article(article.id()) == null;
        if (firstSeen) {
            learnBoilerplate(article, record.timestamp());
        }
        String text = boilerplate.fingerprintText(article.site(), article.title() + "\n" + article.text(), this::isLearned);
        Fingerprint fingerprint = minHasher.fingerprint(text);
        for (StoryChange change : assigner.assign(article, fingerprint, record.timestamp())) {
            context.forward(record.withKey(change.key()).withValue(change));
        }
        expiry.put(StoryAssignment.expiryKey(record.timestamp(), article.id()), article.id());
    }

    private void learnBoilerplate(Article article, long now) {
        Set<String> keys = Boilerplate.learnableLineKeys(article.site(), article.text());
        for (String key : keys) {
            LineCount count = lines.get(key);
            lines.put(key, count == null ? new LineCount(1, now) : new LineCount(count.articles() + 1, now));
        }
    }

    private boolean isLearned(String lineKey) {
        LineCount count = lines.get(lineKey);
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
