package dev.newsroom.ingest.internal;

import com.rometools.rome.io.WireFeedInput;
import com.rometools.rome.io.impl.XmlFixerReader;
import java.io.IOException;
import java.io.Reader;
import java.util.Locale;
import org.jdom2.Document;
import org.jdom2.JDOMException;

/**
 * Reads XML the way Rome does, with Rome's hardened SAX builder: DOCTYPE declarations refused,
 * external entities and DTDs never loaded. Feeds and OPML lists are read into a JDOM document
 * with it first, so that ingest can look at the document (the Atom root's {@code xml:lang}, the
 * OPML version) before Rome maps it.
 */
public final class SecureXml extends WireFeedInput {
    private static final SecureXml INSTANCE = new SecureXml();

    private SecureXml() {
        super(false, Locale.US);
        setAllowDoctypes(false);
    }

    /**
     * Parses a document.
     *
     * @param heal whether to replace undeclared HTML entities ({@code &nbsp;}) first, as Rome's XML
     *             healer does
     */
    public static Document read(Reader reader, boolean heal) throws JDOMException, IOException {
        return INSTANCE.createSAXBuilder().build(heal ? new XmlFixerReader(reader) : reader);
    }
}
