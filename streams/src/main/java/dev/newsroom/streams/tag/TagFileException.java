package dev.newsroom.streams.tag;

/**
 * A taxonomy or model file the tagger cannot use. The message is one line naming the file and the
 * line or field at fault, e.g. {@code taxonomy.yaml: topics[3] (medtop:99999999): code is not an
 * active IPTC Media Topic}.
 */
public final class TagFileException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public TagFileException(String message) {
        super(message);
    }

    public TagFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
