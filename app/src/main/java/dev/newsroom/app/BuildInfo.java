package dev.newsroom.app;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** What the build recorded: the version, and where Maven put the Elasticsearch distribution. */
public final class BuildInfo implements IVersionProvider {
    private static final Properties PROPS = load();

    private static Properties load() {
        Properties props = new Properties();
        try (InputStream in = BuildInfo.class.getResourceAsStream("/newsroom-build.properties")) {
            if (in != null) {
                props.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return props;
    }

    public static String version() {
        return PROPS.getProperty("version", "dev");
    }

    public static String elasticsearchVersion() {
        return PROPS.getProperty("elasticsearch.version", "8.19.21");
    }

    /**
     * The Elasticsearch zip to unpack: the system property {@code newsroom.elasticsearch.zip} or
     * environment variable {@code NEWSROOM_ELASTICSEARCH_ZIP} if set, else the file the build
     * resolved into the local Maven repository, else null.
     */
    public static Path elasticsearchZip() {
        String explicit = System.getProperty("newsroom.elasticsearch.zip", System.getenv("NEWSROOM_ELASTICSEARCH_ZIP"));
        if (explicit != null && !explicit.isBlank()) {
            return Path.of(explicit);
        }
        String built = PROPS.getProperty("elasticsearch.zip", "");
        return !built.isBlank() && !built.startsWith("${") && Files.isRegularFile(Path.of(built)) ? Path.of(built) : null;
    }

    @Override
    public String[] getVersion() {
        return new String[] {"newsroom " + version() + " (Kafka " + PROPS.getProperty("kafka.version", "?") + ", Elasticsearch "
                + elasticsearchVersion() + ")"};
    }
}
