package dev.newsroom.streams.internal;

import dev.newsroom.streams.DedupParameters;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Set;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.processor.api.Processor;
import dev.newsroom.model.Article;

/**
 * The story assignment step and its named stores, changelogged but for the LSH bucket index, which
 * is derived from the articles. A new processor comes from every {@link #get()}; the stores are
 * declared here so the processor brings its own.
 */
public final class StoryAssignment implements ProcessorSupplier<String, Article, String, StoryChange> {
    public static final String ARTICLES = "story-articles";
    public static final String STORIES = "story-stories";
    public static final String BUCKETS = "story-buckets";
    public static final String BOILERPLATE = "story-boilerplate";
    public static final String EXPIRY = "story-expiry";
    /** The stories changed since their records were last sent (ADR 14): story id → the survivor's id if absorbed, else "". */
    public static final String PENDING = "story-pending";

    private final DedupParameters parameters;
    private final Duration storyInterval;

    /** Story records sent with every change (the offline tools, the topology tests). */
    public StoryAssignment(DedupParameters parameters) {
        this(parameters, Duration.ZERO);
    }

    /**
     * Story records sent every {@code storyInterval} of wall-clock time, the latest of each story changed
     * since; with {@link Duration#ZERO}, with every change.
     */
    public StoryAssignment(DedupParameters parameters, Duration storyInterval) {
        this.parameters = parameters;
        this.storyInterval = storyInterval;
    }

    @Override
    public Processor<String, Article, String, StoryChange> get() {
        return new StoryAssignmentProcessor(parameters, storyInterval);
    }

    @Override
    public Set<StoreBuilder<?>> stores() {
        Set<StoreBuilder<?>> stores = new LinkedHashSet<>();
        stores.add(store(ARTICLES, StoreSerdes.articles()));
        stores.add(store(STORIES, StoreSerdes.stories()));
        // The LSH buckets are an index of story-articles (each entry holds its signature), rebuilt
        // from it when a task starts without them (StoryAssignmentProcessor#init): logging them
        // would send one changelog record per band for every article.
        stores.add(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(BUCKETS), Serdes.String(), StoreSerdes.buckets())
                .withLoggingDisabled());
        stores.add(store(BOILERPLATE, StoreSerdes.lineCounts()));
        stores.add(store(EXPIRY, Serdes.String()));
        // A few ids at a time, read whole at every sending: in memory, restored from its changelog.
        stores.add(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(PENDING), Serdes.String(), Serdes.String()));
        return stores;
    }

    /** A persistent store with a changelog. */
    private static <T> StoreBuilder<?> store(String name, Serde<T> values) {
        return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(name), Serdes.String(), values);
    }

    /** Key of the expiry index: time first (zero-padded, so keys sort by time), then the article id. */
    static String expiryKey(long epochMillis, String articleId) {
        return String.format("%019d|%s", Math.max(0, epochMillis), articleId);
    }
}
