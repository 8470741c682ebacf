package dev.newsroom.ingest.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsroom.model.PollOutcome;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class FeedScheduleTest {
    private static final Duration BASE = Duration.ofMinutes(8);
    private final FeedSchedule noJitter = new FeedSchedule(BASE, () -> 0.5);

    @Test
    void shouldPollSoonerWhenMostItemsAreNew() {
        FeedSchedule.Next next = noJitter.after(BASE, 0, PollOutcome.OK, 8, 2, null);

        assertThat(next.interval()).isEqualTo(Duration.ofMinutes(4));
        assertThat(next.delay()).isEqualTo(Duration.ofMinutes(4));
    }

    @Test
    void shouldPollLaterWhenEverythingWasSeenButNeverBeyondFourTimesTheBase() {
        assertThat(noJitter.after(BASE, 0, PollOutcome.OK, 0, 10, null).interval()).isEqualTo(Duration.ofMinutes(12));
        assertThat(noJitter.after(Duration.ofMinutes(30), 0, PollOutcome.NOT_MODIFIED, 0, 0, null).interval())
                .isEqualTo(Duration.ofMinutes(32));
    }

    @Test
    void shouldNeverPollFasterThanAQuarterOfTheBase() {
        assertThat(noJitter.after(Duration.ofMinutes(2), 0, PollOutcome.OK, 10, 0, null).interval()).isEqualTo(Duration.ofMinutes(2));
    }

    @Test
    void shouldCountHardErrorsMoreThanTimeouts() {
        assertThat(noJitter.after(BASE, 0, PollOutcome.HTTP_ERROR, 0, 0, null).failureScore()).isEqualTo(1.0);
        assertThat(noJitter.after(BASE, 0, PollOutcome.TIMEOUT, 0, 0, null).failureScore()).isEqualTo(0.5);
    }

    @Test
    void shouldBackOffExponentiallyAndKeepTheHealthyInterval() {
        FeedSchedule.Next once = noJitter.after(BASE, 0, PollOutcome.NETWORK_ERROR, 0, 0, null);
        FeedSchedule.Next twice = noJitter.after(once.interval(), once.failureScore(), PollOutcome.NETWORK_ERROR, 0, 0, null);

        assertThat(once.delay()).isEqualTo(Duration.ofMinutes(16));
        assertThat(twice.delay()).isEqualTo(Duration.ofMinutes(32));
        assertThat(twice.interval()).isEqualTo(BASE);
    }

    @Test
    void shouldJitterTheBackoffByAtMostTwentyPercent() {
        Duration low = new FeedSchedule(BASE, () -> 0.0).after(BASE, 0, PollOutcome.HTTP_ERROR, 0, 0, null).delay();
        Duration high = new FeedSchedule(BASE, () -> 0.999_999).after(BASE, 0, PollOutcome.HTTP_ERROR, 0, 0, null).delay();

        assertThat(low).isEqualTo(Duration.ofSeconds(768));
        assertThat(high).isBetween(Duration.ofSeconds(1151), Duration.ofSeconds(1152));
    }

    @Test
    void shouldStillPollASickFeedAtLeastOnceADay() {
        FeedSchedule.Next next = noJitter.after(BASE, 40, PollOutcome.HTTP_ERROR, 0, 0, null);

        assertThat(next.delay()).isEqualTo(FeedSchedule.MAX_BACKOFF);
    }

    @Test
    void shouldHonourARetryAfterLongerThanTheBackoff() {
        FeedSchedule.Next next = noJitter.after(BASE, 0, PollOutcome.HTTP_ERROR, 0, 0, Duration.ofHours(2));

        assertThat(next.delay()).isEqualTo(Duration.ofHours(2));
    }

    @Test
    void shouldForgiveFailuresGraduallyAfterASuccess() {
        assertThat(noJitter.after(BASE, 3, PollOutcome.OK, 1, 1, null).failureScore()).isEqualTo(1.5);
        assertThat(noJitter.after(BASE, 0.15, PollOutcome.OK, 1, 1, null).failureScore()).isZero();
    }

    @Test
    void shouldNotPollAHealthyFeedSoonerThanItSaysItChanges() {
        assertThat(noJitter.after(BASE, 0, PollOutcome.OK, 10, 0, null, Duration.ofMinutes(20)).interval()).isEqualTo(Duration.ofMinutes(20));
        assertThat(noJitter.after(BASE, 0, PollOutcome.OK, 10, 0, null, Duration.ofDays(1)).interval())
                .as("within four times the base").isEqualTo(Duration.ofMinutes(32));
    }
}
