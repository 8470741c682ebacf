package dev.newsroom.embedded;

/**
 * Thrown when an embedded Kafka broker or Elasticsearch cannot be started.
 *
 * <p>The message is always one line that names the cause (a busy port, a directory the
 * unprivileged user cannot enter, the process that exited early) and, where there is one, the
 * log file to read next, so that a command line tool can print it as it is.
 */
public final class EmbeddedStartException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message one line saying what went wrong
     */
    public EmbeddedStartException(String message) {
        super(oneLine(message));
    }

    /**
     * Creates the exception with the underlying cause.
     *
     * @param message one line saying what went wrong
     * @param cause the exception that made the start fail
     */
    public EmbeddedStartException(String message, Throwable cause) {
        super(oneLine(message), cause);
    }

    private static String oneLine(String message) {
        return message.replaceAll("\\s*[\\r\\n]+\\s*", " ").strip();
    }
}
