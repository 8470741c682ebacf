package dev.newsroom.ingest.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AddressGuardDnsCacheTest {
    @Test
    void shouldTakeTheSecurityPropertyFirst() {
        assertThat(AddressGuard.dnsCacheSeconds("0", "60")).isZero();
    }

    @Test
    void shouldFallBackToTheSystemPropertyThenToThirtySeconds() {
        assertThat(AddressGuard.dnsCacheSeconds(null, "60")).isEqualTo(60);
        assertThat(AddressGuard.dnsCacheSeconds(null, null)).isEqualTo(30);
        assertThat(AddressGuard.dnsCacheSeconds("soon", null)).as("unreadable, ignored like the JDK does").isEqualTo(30);
    }

    @Test
    void shouldReadANegativeLifetimeAsForever() {
        assertThat(AddressGuard.dnsCacheSeconds("-5", null)).isEqualTo(-1);
    }

    @Test
    void shouldCacheLookupsInThisJvm() {
        assertThat(AddressGuard.dnsCacheSeconds()).as("the check and the connection share the JVM's lookup cache").isNotZero();
    }
}
