package dev.newsroom.ingest;

import dev.newsroom.ingest.internal.FeedPoller;
import dev.newsroom.ingest.internal.FeedPoller.Poll;
import dev.newsroom.ingest.internal.FeedRegistry;
import dev.newsroom.ingest.internal.HostGate;
import dev.newsroom.ingest.internal.Human;
import dev.newsroom.ingest.internal.KafkaClients;
import dev.newsroom.ingest.internal.FeedSchedule;
import dev.newsroom.ingest.internal.FullTextFetcher;
import dev.newsroom.ingest.internal.RobotsRules;
import dev.newsroom.ingest.internal.PollCommitter;
import dev.newsroom.ingest.internal.TopicSnapshot;
import dev.newsroom.ingest.internal.TrackedFeed;
import dev.newsroom.model.DeadLetter;
import dev.newsroom.model.FeedState;
import dev.newsroom.model.FeedStatus;
import dev.newsroom.model.FeedSubscription;
import dev.newsroom.model.NewsTopics;
import dev.newsroom.model.PollOutcome;
import dev.newsroom.model.RawArticle;
import dev.newsroom.model.config.KafkaConnection;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.CommitFailedException;
import org.apache.kafka.clients.consumer.ConsumerGroupMetadata;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The feed poller: follows its share of the feeds topic and publishes every new feed item as a
 * {@link RawArticle}, one {@link FeedStatus} per poll, and a {@link DeadLetter} per item it had to
 * leave out.
 *
 * <p>Instances in one consumer group ({@link IngestConfig#groupId()}) split the partitions of the
 * compacted feeds topic; each keeps the subscriptions of its partitions in memory, rebuilt from the
 * start of a partition when it is assigned (a tombstone unsubscribes; a revoked partition's feeds
 * are dropped). Each feed is polled as soon as it is assigned, then every
 * {@link IngestConfig#pollInterval()}, at most {@link IngestConfig#fetchConcurrency()} at a time.
 * Item ids already published are remembered per feed (the last {@value TrackedFeed#SEEN_CAPACITY})
 * so a re-poll publishes only new items; they, and the feed's ETag and Last-Modified, are
 * remembered only once the items were acknowledged, and only in memory. A failed poll is reported
 * in its status and retried at the next interval; no feed failure stops the loop. A feed marked
 * {@link FeedSubscription#fullText()} has its new items' pages fetched and their main text put in
 * place of the excerpt where it is clearly longer, before the poll is committed. Each poll's
 * transaction is fenced by the feeds consumer's group metadata, so an instance expelled from the
 * group cannot commit.
 *
 * <p>{@link #run()} loops on the calling thread until {@link #close()} is called from another.
 */
public final class IngestService implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(IngestService.class);
    private static final Duration LOOP_WAIT = Duration.ofMillis(500);
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(30);
    private static final String STAGE = "ingest";
    private static final Duration STATE_READ_TIMEOUT = Duration.ofMinutes(2);
    /** When a poll refused by the group coordinator is tried again, if the feed is still this instance's by then. */
    private static final Duration FENCED_RETRY = Duration.ofSeconds(30);

    private final IngestConfig config;
    private final NewsTopics topics;
    private final Clock clock;
    private final FeedFetcher fetcher;
    private final FeedPoller poller;
    private final KafkaConsumer<byte[], byte[]> consumer;
    private final PollCommitter committer;
    private final KafkaConnection kafka;
    private final FeedSchedule schedule;
    private final HostGate hosts;
    private final FullTextFetcher fullText;
    private final ExecutorService workers;
    private final FeedRegistry registry = new FeedRegistry();
    private final Map<Integer, Long> applied = new ConcurrentHashMap<>();
    private volatile ConsumerGroupMetadata group;
    private final AtomicBoolean started = new AtomicBoolean();
    private final AtomicBoolean closing = new AtomicBoolean();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final MeterRegistry meters;
    private final Counter articlesPublished;
    private final Counter itemsSkipped;
    private final Counter errors;

    /**
     * Creates the service and its Kafka clients; nothing is read or fetched before {@link #run()}.
     *
     * @param config the ingest settings
     * @param kafka  how to reach Kafka
     * @param topics the topics to read ({@code feeds}) and write ({@code raw}, {@code feedStatus}, {@code dlq})
     * @param meters where the counters go ({@code newsroom.ingest.*})
     * @param clock  the time written into articles and statuses and used to schedule polls
     */
    public IngestService(IngestConfig config, KafkaConnection kafka, NewsTopics topics, MeterRegistry meters, Clock clock) {
        this.config = Objects.requireNonNull(config, "config");
        this.topics = Objects.requireNonNull(topics, "topics");
        this.meters = Objects.requireNonNull(meters, "meters");
        this.clock = Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(kafka, "kafka");
        this.fetcher = new FeedFetcher(config.fetchSettings());
        this.poller = new FeedPoller(fetcher, new FeedParser(), clock);
        this.consumer = new KafkaConsumer<>(KafkaClients.feedsConsumer(kafka, config.groupId()));
        this.kafka = kafka;
        this.committer = new PollCommitter(KafkaClients.transactionalProducer(kafka, config.groupId()), "newsroom-ingest-commit",
                () -> group);
        this.hosts = new HostGate(config.hostInterval());
        this.fullText = new FullTextFetcher(fetcher, hosts, new RobotsRules(), clock, config.fetchTimeout());
        this.schedule = new FeedSchedule(config.pollInterval(), () -> ThreadLocalRandom.current().nextDouble());
        AtomicInteger threads = new AtomicInteger();
        this.workers = Executors.newFixedThreadPool(config.fetchConcurrency(), runnable -> {
            Thread thread = new Thread(runnable, "newsroom-ingest-poll-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        this.articlesPublished = Counter.builder("newsroom.ingest.articles.published")
                .description("Raw articles acknowledged by Kafka").register(meters);
        this.itemsSkipped = Counter.builder("newsroom.ingest.items.skipped")
                .description("Feed items left out and sent to the dead-letter topic").register(meters);
        this.errors = Counter.builder("newsroom.ingest.errors")
                .description("Failed polls and failed publications").register(meters);
        Gauge.builder("newsroom.ingest.feeds.assigned", registry, FeedRegistry::size)
                .description("Feeds assigned to this instance").register(meters);
    }

    /**
     * Counters for a progress line.
     *
     * @param feedsAssigned     feeds this instance currently follows
     * @param pollsInFlight     polls running now
     * @param feedsPolled       polls finished, whatever their outcome
     * @param articlesPublished raw articles acknowledged by Kafka
     * @param itemsSkipped      items left out and dead-lettered
     * @param errors            polls that did not reach a readable feed, and failed publications
     */
    public record Snapshot(int feedsAssigned, int pollsInFlight, long feedsPolled, long articlesPublished,
                           long itemsSkipped, long errors) {
    }

    /** The counters now. */
    public Snapshot snapshot() {
        long polled = (long) meters.find("newsroom.ingest.polls").counters().stream().mapToDouble(Counter::count).sum();
        return new Snapshot(registry.size(), registry.polling(), polled, (long) articlesPublished.count(),
                (long) itemsSkipped.count(), (long) errors.count());
    }

    /**
     * Follows the feeds topic and polls due feeds until {@link #close()}. Feed failures never end
     * it; a Kafka failure of the consumer (authorization, a fenced member) does, after the
     * service's resources are released.
     *
     * @throws IllegalStateException if called twice
     */
    public void run() {
        if (!started.compareAndSet(false, true)) {
            throw new IllegalStateException("IngestService.run() may be called only once");
        }
        try {
            if (closing.get()) {
                return;
            }
            consumer.subscribe(List.of(topics.feeds().name()), new Rebalance());
            LOG.info("Ingest is following topic {} in group {}, polling each feed every {}.",
                    topics.feeds().name(), config.groupId(), Human.duration(config.pollInterval()));
            boolean deferred = false;
            while (!closing.get()) {
                var records = consumer.poll(deferred ? Duration.ZERO : LOOP_WAIT);
                group = consumer.groupMetadata();
                for (ConsumerRecord<byte[], byte[]> record : records) {
                    apply(record);
                }
                Instant now = clock.instant();
                hosts.prune(now);
                hosts.forgetReleases();
                deferred = false;
                for (TrackedFeed feed : registry.claimDue(now)) {
                    String host = feed.hostKey();
                    if (hosts.tryAcquire(host, now)) {
                        workers.execute(() -> pollAndPublish(feed, host));
                    } else {
                        feed.release();
                        deferred = true;
                    }
                }
                if (deferred) {
                    // Due feeds wait for a busy host: go round again as soon as a poll frees one, not after a full loop wait.
                    hosts.awaitRelease(LOOP_WAIT);
                }
            }
        } catch (WakeupException e) {
            if (!closing.get()) {
                throw e;
            }
        } finally {
            shutdown();
            stopped.countDown();
        }
    }

    /** Stops {@link #run()} and waits (up to 30 s) for in-flight polls and sends to end; safe to call from any thread, more than once. */
    @Override
    public void close() {
        if (!closing.compareAndSet(false, true)) {
            return;
        }
        if (started.compareAndSet(false, true)) {
            shutdown();
            stopped.countDown();
            return;
        }
        consumer.wakeup();
        try {
            if (!stopped.await(CLOSE_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warn("Ingest did not stop within {}; closing anyway.", Human.duration(CLOSE_WAIT));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void apply(ConsumerRecord<byte[], byte[]> record) {
        applied.put(record.partition(), record.offset() + 1);
        String key = record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8);
        FeedSubscription subscription;
        try {
            subscription = topics.feeds().valueSerde().deserializer().deserialize(record.topic(), record.value());
        } catch (RuntimeException e) {
            LOG.warn("Skipped the malformed subscription at {}-{} offset {} and sent it to topic {}: {}",
                    record.topic(), record.partition(), record.offset(), topics.dlq().name(), e.getMessage());
            try {
                committer.commit(List.of(PollCommitter.Out.of(topics.dlq(), record.key(), DeadLetter.of(STAGE, record.topic(),
                        record.partition(), record.offset(), record.value(), e, clock.instant()))),
                        new TopicPartition(record.topic(), record.partition()), record.offset() + 1);
            } catch (KafkaException failed) {
                errors.increment();
                LOG.error("Sending the malformed subscription at {}-{} offset {} to topic {} failed: {}", record.topic(),
                        record.partition(), record.offset(), topics.dlq().name(), failed.getMessage());
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
            return;
        }
        if (subscription == null) {
            if (key != null) {
                registry.remove(key).ifPresent(feed ->
                        LOG.info("Unsubscribed from feed {} (tombstone at {}-{} offset {}).",
                                feed.subscription().url(), record.topic(), record.partition(), record.offset()));
            }
            return;
        }
        if (registry.put(key == null ? subscription.id() : key, subscription, record.partition(), clock.instant())) {
            LOG.info("Subscribed to feed {} from {}-{}.", subscription.url(), record.topic(), record.partition());
        }
    }

    private void pollAndPublish(TrackedFeed feed, String host) {
        boolean holdingHost = true;
        try {
            Poll poll = poller.poll(feed);
            hosts.release(host, clock.instant());
            holdingHost = false;
            List<RawArticle> fresh = poll.fresh();
            String fullTextNote = "";
            if (poll.feed().fullText() && !fresh.isEmpty()) {
                FullTextFetcher.Result full = fullText.enrich(fresh);
                fresh = full.articles();
                fullTextNote = full.note();
                if (full.replaced() < fresh.size()) {
                    LOG.info("Feed {}: {}.", poll.feed().url(), fullTextNote);
                }
            }
            FeedState before = feed.state();
            List<String> remembered = new ArrayList<>();
            fresh.forEach(article -> remembered.add(article.id()));
            poll.freshSkips().forEach(reason -> remembered.add(FeedPoller.skipKey(reason)));
            FeedState after = nextState(before, poll, remembered, feed);
            List<PollCommitter.Out> records = new ArrayList<>();
            for (RawArticle article : fresh) {
                records.add(PollCommitter.Out.of(topics.raw(), article.id(), article));
            }
            for (String reason : poll.freshSkips()) {
                records.add(PollCommitter.Out.of(topics.dlq(), poll.feed().id().getBytes(StandardCharsets.UTF_8),
                        new DeadLetter(STAGE, "", -1, -1, null, "Feed " + poll.feed().url() + ": " + reason, "SkippedItem",
                                poll.polledAt())));
            }
            FeedSubscription moved = movedSubscription(poll);
            if (moved != null) {
                records.add(PollCommitter.Out.of(topics.feeds(), moved.id(), moved));
            }
            records.add(PollCommitter.Out.of(topics.feedState(), poll.feed().id(), after));
            records.add(PollCommitter.Out.of(topics.feedStatus(), poll.feed().id(), new FeedStatus(poll.feed().id(), poll.feed().url(),
                    poll.polledAt(), poll.outcome(), poll.httpStatus(), poll.fresh().size(), poll.seen(), poll.latency().toMillis(),
                    poll.error(), poll.bytes(), poll.errorClass(), fullTextNote)));
            try {
                committer.commit(records, new TopicPartition(topics.feeds().name(), feed.partition()),
                        applied.getOrDefault(feed.partition(), 0L));
            } catch (CommitFailedException e) {
                errors.increment();
                feed.retryAt(clock.instant().plus(FENCED_RETRY));
                LOG.warn("The poll of feed {} ({} new items) was abandoned and rolled back: this instance is no longer a member of"
                        + " group {} in its current generation ({}); the feed's owner after the rebalance polls it again.",
                        poll.feed().url(), fresh.size(), config.groupId(), e.getMessage());
                return;
            } catch (KafkaException e) {
                errors.increment();
                feed.retryAt(clock.instant().plus(config.pollInterval()));
                LOG.error("Publishing the poll of feed {} ({} new items, its state and status) failed and was rolled back: {};"
                        + " retrying in {}.", poll.feed().url(), fresh.size(), e.getMessage(), Human.duration(config.pollInterval()));
                return;
            }
            feed.seen().rememberAll(remembered);
            feed.committed(after);
            if (moved != null) {
                LOG.info("Feed {} moved permanently to {}; its subscription {} now follows the new URL.", poll.feed().url(),
                        moved.url(), moved.id());
            }
            articlesPublished.increment(fresh.size());
            itemsSkipped.increment(poll.freshSkips().size());
            report(poll, after);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            errors.increment();
            feed.retryAt(clock.instant().plus(config.pollInterval()));
            LOG.error("Polling feed {} failed unexpectedly; retrying in {}.", feed.subscription().url(),
                    Human.duration(config.pollInterval()), e);
        } finally {
            if (holdingHost) {
                hosts.release(host, clock.instant());
            }
            feed.release();
        }
    }

    /** The subscription rewritten to the URL the feed moved to for good (only 301/308 on the way, every hop checked), or null. */
    private static FeedSubscription movedSubscription(Poll poll) {
        if (poll.movedTo() == null || !poll.healthy() || poll.movedTo().equals(poll.feed().url())) {
            return null;
        }
        FeedSubscription old = poll.feed();
        return new FeedSubscription(old.id(), poll.movedTo(), old.name(), old.addedAt(), old.fullText());
    }

    /** The feed's state once this poll is committed: validators, body hash, seen ids, failure score and next poll. */
    private FeedState nextState(FeedState before, Poll poll, List<String> remembered, TrackedFeed feed) {
        FeedSchedule.Next next = schedule.after(Duration.ofSeconds(before.intervalSeconds()), before.failureScore(),
                poll.outcome(), poll.fresh().size(), poll.seen(), poll.retryAfter(), poll.updateHint());
        boolean healthy = poll.healthy();
        boolean read = poll.bodyHash() != null;
        List<String> seenIds = new ArrayList<>(feed.seen().recent(FeedState.MAX_SEEN_IDS));
        seenIds.removeAll(remembered);
        seenIds.addAll(remembered);
        return new FeedState(poll.feed().id(), poll.movedTo() != null && healthy ? poll.movedTo() : poll.feed().url(),
                read ? poll.etag() : before.etag(),
                read ? poll.lastModified() : before.lastModified(),
                read ? poll.bodyHash() : before.bodyHash(),
                seenIds, next.failureScore(), poll.polledAt().plus(next.delay()), poll.polledAt(),
                healthy ? poll.polledAt() : before.lastSuccessAt(), poll.outcome(), poll.error(), next.interval().toSeconds());
    }

    private void report(Poll poll, FeedState after) {
        Counter.builder("newsroom.ingest.polls").description("Feed polls by outcome")
                .tag("outcome", poll.outcome().name()).register(meters).increment();
        String url = poll.feed().url();
        Duration wait = Duration.between(poll.polledAt(), after.nextPollAt());
        switch (poll.outcome()) {
            case OK -> {
                if (!poll.fresh().isEmpty() || !poll.freshSkips().isEmpty()) {
                    LOG.info("Polled feed {}: {} new, {} seen, {} skipped in {} ms; next poll in {}.", url, poll.fresh().size(),
                            poll.seen(), poll.freshSkips().size(), poll.latency().toMillis(), Human.duration(wait));
                } else {
                    LOG.debug("Polled feed {}: nothing new, {} seen in {} ms.", url, poll.seen(), poll.latency().toMillis());
                }
            }
            case NOT_MODIFIED -> LOG.debug("Polled feed {}: not modified.", url);
            default -> {
                errors.increment();
                LOG.warn("Polling feed {} failed ({}): {}; failure score {}, retrying in {}.", url, poll.outcome(), poll.error(),
                        String.format(java.util.Locale.ROOT, "%.1f", after.failureScore()), Human.duration(wait));
            }
        }
    }

    private void shutdown() {
        workers.shutdown();
        try {
            if (!workers.awaitTermination(config.fetchTimeout().plusSeconds(5).toMillis(), TimeUnit.MILLISECONDS)) {
                workers.shutdownNow();
            }
        } catch (InterruptedException e) {
            workers.shutdownNow();
            Thread.currentThread().interrupt();
        }
        fetcher.close();
        closeQuietly(committer::close, "the transactional producer");
        closeQuietly(consumer::close, "the feeds consumer");
        Snapshot last = snapshot();
        LOG.info("Ingest stopped after {} polls and {} published articles.", last.feedsPolled(), last.articlesPublished());
    }

    private static void closeQuietly(Runnable close, String what) {
        try {
            close.run();
        } catch (RuntimeException e) {
            LOG.warn("Closing {} of ingest failed: {}", what, e.getMessage());
        }
    }

    /**
     * Rebuilds the registry of a newly assigned partition from its start, with the feed states read
     * back for its feeds; waits for running polls of the feeds of partitions that go, so that their
     * new owner reads the state this instance wrote last.
     */
    private final class Rebalance implements ConsumerRebalanceListener {
        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            if (partitions.isEmpty()) {
                return;
            }
            consumer.seekToBeginning(partitions);
            partitions.forEach(partition -> applied.remove(partition.partition()));
            Set<Integer> assigned = partitions.stream().map(TopicPartition::partition).collect(Collectors.toSet());
            int count = consumer.partitionsFor(topics.feeds().name()).size();
            Map<String, FeedState> states = new HashMap<>();
            TopicSnapshot.read(kafka, topics.feedState(), partition -> true, null, STATE_READ_TIMEOUT, (feedId, state) -> {
                if (feedId == null || !assigned.contains(partitionOf(feedId, count))) {
                    return;
                }
                if (state == null) {
                    states.remove(feedId);
                } else {
                    states.put(feedId, state);
                }
            });
            registry.restore(states);
            LOG.info("Reading feed subscriptions of assigned partitions {} from the start, with {} feed states from topic {}.",
                    partitions, states.size(), topics.feedState().name());
        }

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            drop(partitions, "revoked");
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> partitions) {
            drop(partitions, "lost");
        }

        private void drop(Collection<TopicPartition> partitions, String how) {
            if (partitions.isEmpty()) {
                return;
            }
            List<TrackedFeed> dropped = registry.dropPartitions(partitions.stream().map(TopicPartition::partition).toList());
            Duration wait = config.fetchTimeout().plus(CLOSE_WAIT);
            for (TrackedFeed feed : dropped) {
                try {
                    if (!feed.awaitIdle(wait)) {
                        LOG.warn("The poll of feed {} was still running {} after its partition was {}.", feed.subscription().url(),
                                Human.duration(wait), how);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            LOG.info("Dropped {} feeds of {} partitions {}.", dropped.size(), how, partitions);
        }
    }

    /** The partition of the feeds topic that the default partitioner gives a feed id. */
    static int partitionOf(String feedId, int partitions) {
        return Utils.toPositive(Utils.murmur2(feedId.getBytes(StandardCharsets.UTF_8))) % partitions;
    }
}
