package dev.newsroom.model.config;

/** A configuration value is missing, unreadable or out of range; the message names the key and the accepted values. */
public class ConfigException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ConfigException(String message) {
        super(message);
    }

    public ConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
