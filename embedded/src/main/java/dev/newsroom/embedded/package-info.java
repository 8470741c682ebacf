/**
 * The embedded runtime: a real KRaft Kafka broker inside this JVM ({@link
 * dev.newsroom.embedded.EmbeddedKafka}) and a real Elasticsearch as a child process ({@link
 * dev.newsroom.embedded.EmbeddedElasticsearch}), both on loopback with their data under a local
 * directory so that a restart resumes.
 *
 * <p>Nothing here installs shutdown hooks or other global state: the caller owns the objects and
 * closes them, in reverse order of starting.
 */
package dev.newsroom.embedded;
