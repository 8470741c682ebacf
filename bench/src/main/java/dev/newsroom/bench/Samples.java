package dev.newsroom.bench;

import java.util.SplittableRandom;

/**
 * Inputs of the benchmarks, made in code so that a run needs no data set: news-like paragraphs of
 * a fixed vocabulary, an RSS document of such items. Seeded, so every run measures the same bytes.
 */
final class Samples {
    private static final String[] WORDS = ("the of and to in a that for on is was said with by as at from his it an be have "
            + "government minister president security forces border attack military officials region country war talks "
            + "agreement economy market oil prices election vote parliament opposition protest police court law report "
            + "syria turkey russia united states jet downed airspace nato incirlik washington moscow ankara damascus "
            + "refugees aid humanitarian ceasefire negotiations sanctions trade growth inflation bank investors shares").split(" ");

    private Samples() {}

    /** An article body of about {@code words} words in paragraphs of 60 words, as HTML with a little markup. */
    static String articleHtml(int words, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        StringBuilder html = new StringBuilder("<div class=\"post\"><script>track()</script>");
        for (int i = 0; i < words; i++) {
            if (i % 60 == 0) {
                html.append(i == 0 ? "<p>" : "</p>\n<p>");
            }
            String word = WORDS[random.nextInt(WORDS.length)];
            html.append(i % 17 == 5 ? "<a href=\"https://example.org/" + word + "\">" + word + "</a>" : word).append(' ');
        }
        return html.append("</p><nav>Share on Facebook</nav></div>").toString();
    }

    /** An RSS 2.0 document of {@code items} items, each with a body of {@code words} words. */
    static String rss(int items, int words) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"><channel>"
                + "<title>Bench</title><link>https://news.example.org/</link><description>bench</description>");
        for (int i = 0; i < items; i++) {
            xml.append("<item><title>Story ").append(i).append(" about the border</title>")
                    .append("<link>https://news.example.org/2015/11/story-").append(i).append(".html</link>")
                    .append("<pubDate>Sat, 28 Nov 2015 08:").append(String.format("%02d", i % 60)).append(":00 GMT</pubDate>")
                    .append("<description><![CDATA[").append(articleHtml(words, i)).append("]]></description></item>");
        }
        return xml.append("</channel></rss>").toString();
    }
}
