package dev.newsroom.model;

import org.apache.kafka.common.serialization.Serde;

/**
 * A Kafka topic with the serdes of its keys and values, used alike by producers, the topology and
 * consumers, so that a topic is never read with the wrong type.
 */
public record Topic<K, V>(String name, Serde<K> keySerde, Serde<V> valueSerde) {
    public Topic {
        Checks.required(name, "name");
        Checks.notNull(keySerde, "keySerde");
        Checks.notNull(valueSerde, "valueSerde");
        if (!name.matches("[a-zA-Z0-9._-]{1,249}")) {
            throw new IllegalArgumentException("'" + name + "' is not a legal Kafka topic name");
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
