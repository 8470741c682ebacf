package dev.newsroom.app.bench;

/**
 * One item the benchmark serves in a feed.
 *
 * @param url   its link, unique in the run
 * @param title its title
 * @param html  its body as HTML paragraphs
 * @param feed  the index of the feed that carries it
 */
record BenchArticle(String url, String title, String html, int feed) {}
