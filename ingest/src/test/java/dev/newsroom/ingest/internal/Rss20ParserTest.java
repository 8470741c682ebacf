package dev.newsroom.ingest.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.rometools.rome.io.impl.DateParser;
import com.rometools.rome.io.impl.FeedParsers;
import java.util.Locale;
import org.jdom2.Document;
import org.jdom2.Element;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class Rss20ParserTest {
    @ParameterizedTest
    @ValueSource(strings = {"Tue, 24 Nov 2026 07:00:00 GMT", "Sat, 28 Nov 2015 08:15:00 +0100", "28 Nov 2015 08:15:00 -0500",
            "Sat, 8 Aug 2015 23:59 GMT"})
    void shouldReadRfc1123DatesAsRomeDoes(String text) {
        assertThat(Rss20Parser.rfc1123(text)).isEqualTo(DateParser.parseDate(text, Locale.US));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Sat, 28 Nov 2015 08:15:00 EST", "2015-11-28T08:15:00Z", "Sat, 28 Nov 15 08:15:00 GMT", "yesterday", ""})
    void shouldLeaveOtherFormsToRome(String text) {
        assertThat(Rss20Parser.rfc1123(text)).isNull();
    }

    @Test
    void shouldTakeThePlaceOfRomesRss20Parser() {
        Document rss = new Document(new Element("rss").setAttribute("version", "2.0"));

        assertThat(new FeedParsers().getParserFor(rss)).isInstanceOf(Rss20Parser.class);
    }
}
