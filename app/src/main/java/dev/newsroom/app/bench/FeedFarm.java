package dev.newsroom.app.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Serves the benchmark's items as RSS feeds on loopback ({@code /feeds/N.xml}) and remembers when
 * each feed was first requested: the start of the latency of its items. The feeds are spread over
 * {@link #HOSTS} loopback addresses (127.0.0.1 to 127.0.0.8), so that ingest's one-request-per-host
 * rule meets several hosts, as it would on the web.
 */
final class FeedFarm implements AutoCloseable {
    /** Loopback addresses that serve feeds. */
    static final int HOSTS = 8;

    private final List<HttpServer> servers = new ArrayList<>();
    private final ExecutorService executor = Executors.newFixedThreadPool(4);
    private final List<List<BenchArticle>> feeds = new ArrayList<>();
    private final ConcurrentHashMap<Integer, Long> firstServedNanos = new ConcurrentHashMap<>();

    FeedFarm(List<BenchArticle> items) throws IOException {
        int feedCount = items.isEmpty() ? 0 : items.get(items.size() - 1).feed() + 1;
        for (int f = 0; f < feedCount; f++) {
            feeds.add(new ArrayList<>());
        }
        items.forEach(item -> feeds.get(item.feed()).add(item));
        for (int h = 0; h < Math.min(HOSTS, Math.max(1, feeds.size())); h++) {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getByAddress(new byte[] {127, 0, 0, (byte) (h + 1)}), 0), 200);
            server.setExecutor(executor);
            server.createContext("/feeds/", this::serve);
            server.start();
            servers.add(server);
        }
    }

    private void serve(HttpExchange exchange) throws IOException {
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
        byte[] body = render(feed);
        exchange.getResponseHeaders().add("Content-Type", "application/rss+xml; charset=utf-8");
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    /** Feed {@code f} as an RSS document, made when it is asked for: a run of 100,000 items does not hold them all rendered. */
    private byte[] render(int f) {
        StringBuilder doc = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"><channel><title>Bench feed ")
                .append(f).append("</title><link>https://bench.example/</link><description>bench</description>");
        for (BenchArticle item : feeds.get(f)) {
            doc.append("<item><title>").append(BenchCorpus.escape(item.title())).append("</title><link>")
                    .append(item.url()).append("</link><pubDate>Sun, 15 Jul 2018 10:00:00 GMT</pubDate><description><![CDATA[")
                    .append(item.html()).append("]]></description></item>");
        }
        return doc.append("</channel></rss>").toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The URL of feed {@code n}. */
    String url(int n) {
        HttpServer server = servers.get(n % servers.size());
        return "http://" + server.getAddress().getAddress().getHostAddress() + ":" + server.getAddress().getPort() + "/feeds/" + n + ".xml";
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
        servers.forEach(server -> server.stop(0));
        executor.shutdownNow();
    }
}
