package dev.newsroom.ingest.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;

/**
 * Undoes the {@code Content-Encoding} a server applied ({@code gzip}, {@code deflate}), stopping as
 * soon as the decoded size passes the cap, so that a small compressed body cannot expand into
 * gigabytes.
 */
public final class ContentDecoder {
    private ContentDecoder() {}

    /** The body is over the cap once decoded. */
    public static final class TooLargeException extends IOException {
        private static final long serialVersionUID = 1L;

        TooLargeException(String message) {
            super(message);
        }
    }

    /** The server used an encoding ingest did not ask for. */
    public static final class UnsupportedEncodingException extends IOException {
        private static final long serialVersionUID = 1L;

        UnsupportedEncodingException(String message) {
            super(message);
        }
    }

    /**
     * Decodes {@code body} according to the {@code Content-Encoding} header value (null or
     * {@code identity} for none).
     *
     * @throws TooLargeException            when the decoded body passes {@code cap}
     * @throws UnsupportedEncodingException when the encoding is not gzip, deflate or identity
     * @throws IOException                  when the compressed data are corrupt
     */
    public static byte[] decode(byte[] body, String contentEncoding, long cap) throws IOException {
        String encoding = contentEncoding == null ? "" : contentEncoding.strip().toLowerCase(Locale.ROOT);
        switch (encoding) {
            case "", "identity":
                return body;
            case "gzip", "x-gzip":
                return readCapped(new GZIPInputStream(new ByteArrayInputStream(body)), cap);
            case "deflate":
                // RFC 9110 says zlib-wrapped; some servers send raw deflate, so look at the header.
                boolean zlib = body.length >= 2 && (body[0] & 0x0f) == 8 && (((body[0] & 0xff) << 8) | (body[1] & 0xff)) % 31 == 0;
                Inflater inflater = new Inflater(!zlib);
                try {
                    return readCapped(new InflaterInputStream(new ByteArrayInputStream(body), inflater), cap);
                } finally {
                    inflater.end();
                }
            default:
                throw new UnsupportedEncodingException("unsupported content encoding " + encoding);
        }
    }

    private static byte[] readCapped(InputStream in, long cap) throws IOException {
        try (in) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[16 * 1024];
            long total = 0;
            int n;
            while ((n = in.read(buffer)) != -1) {
                total += n;
                if (total > cap) {
                    throw new TooLargeException("body over " + Human.bytes(cap) + " after decompression");
                }
                out.write(buffer, 0, n);
            }
            return out.toByteArray();
        }
    }
}
