package dev.newsroom.app.bench;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;

/**
 * Serves the benchmark's items as RSS feeds on loopback ({@code /feeds/N.xml}) and remembers when
 * each feed was first requested: the start of the latency of its items.
 */
final class FeedFarm implements AutoCloseable {
    private final HttpServer server;
    private final List<byte[]> feeds = new ArrayList<>();
    private final ConcurrentHashMap<Integer, Long> firstServedNanos = new ConcurrentHashMap<>();

    FeedFarm(List<BenchArticle> items) throws IOException {
        int feedCount = items.isEmpty() ? 0 : items.get(items.size() - 1).feed() + 1;
        List<StringBuilder> docs = new ArrayList<>();
        for (int f = 0; f < feedCount; f++) {
            docs.add(new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"><channel><title>Bench feed ")
                    .append(f).append("</title><link>https://bench.example/</link><description>bench</description>"));
        }
        for (BenchArticle item : items) {
            docs.get(item.feed()).append("<item><title>").append(BenchCorpus.escape(item.title())).append("</title><link>")
                    .append(item.url()).append("</link><pubDate>Sun, 15 Jul 2018 10:00:00 GMT</pubDate><description><![CDATA[")
                    .append(item.html()).append("]]></description></item>");
        }
        docs.forEach(doc -> feeds.add(doc.append("</channel></rss>").toString().getBytes(StandardCharsets.UTF_8)));
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 200);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/feeds/", exchange -> {
            String name = exchange.getRequestURI().getPath().substring("/feeds/".length()).replace(".xml", "");
            int feed;
            try {
                feed = Integer.parseInt(name);
            } catch (NumberFormatException e) {
                feed = -1;
            }
            if (feed < 0 || feed >= feeds.size()) {
                exchange.sendResponseHeaders(404, -1);
                exchange.close();
                return;
            }
            firstServedNanos.putIfAbsent(feed, System.nanoTime());
            byte[] body = feeds.get(feed);
            exchange.getResponseHeaders().add("Content-Type", "application/rss+xml; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    /** The URL of feed {@code n}. */
    String url(int n) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/feeds/" + n + ".xml";
    }

    int feedCount() {
        return feeds.size();
    }

    /** When feed {@code n} was first served (System.nanoTime), or null if not yet. */
    Long firstServed(int n) {
        return firstServedNanos.get(n);
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
