/** The parts of ingest behind its public types; not an API. */
package dev.newsroom.ingest.internal;
