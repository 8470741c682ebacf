package dev.newsroom.model.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * Where configuration values come from, in order of precedence: command-line flags, then
 * environment variables ({@code NEWSROOM_*}), then a properties file ({@code --config FILE}), then
 * each {@link Setting}'s default.
 *
 * <p>Kafka client properties pass through untouched, so a service runs against a secured cluster
 * (SASL_SSL, SCRAM, truststores) without code: keys {@code kafka.<property>} in the properties
 * file, and every property of the file named by {@link #KAFKA_PROPERTIES_FILE} (a standard Kafka
 * {@code client.properties}); the {@code kafka.*} keys win.
 */
public final class ConfigSource {
    /** A Kafka client properties file whose every entry is passed to each Kafka client. */
    public static final Setting<java.nio.file.Path> KAFKA_PROPERTIES_FILE = Setting.path(
            "kafka.properties.file", null, "A Kafka client properties file (security.protocol, sasl.*, ssl.*) applied to every Kafka client.");

    private static final String KAFKA_PREFIX = "kafka.";

    private final Map<String, String> flags;
    private final Map<String, String> env;
    private final Properties file;
    private final String fileName;

    private ConfigSource(Map<String, String> flags, Map<String, String> env, Properties file, String fileName) {
        this.flags = Map.copyOf(flags);
        this.env = Map.copyOf(env);
        this.file = file;
        this.fileName = fileName;
    }

    /**
     * @param flags values given on the command line, by setting key
     * @param env   the environment ({@link System#getenv()})
     * @param file  a properties file, or null
     * @throws ConfigException if the file cannot be read
     */
    public static ConfigSource of(Map<String, String> flags, Map<String, String> env, Path file) {
        return new ConfigSource(flags, env, file == null ? new Properties() : load(file), file == null ? "" : file.toString());
    }

    /** Only defaults and the given flags; for tests and tools. */
    public static ConfigSource ofFlags(Map<String, String> flags) {
        return new ConfigSource(flags, Map.of(), new Properties(), "");
    }

    /** The value of a setting from the first layer that has it, parsed and checked; null if optional and absent. */
    public <T> T get(Setting<T> setting) {
        String flag = flags.get(setting.key());
        if (flag != null) {
            return setting.parse(flag, "the command line");
        }
        String fromEnv = env.get(setting.envVar());
        if (fromEnv != null && !fromEnv.isEmpty()) {
            return setting.parse(fromEnv, "environment variable " + setting.envVar());
        }
        String fromFile = file.getProperty(setting.key());
        if (fromFile != null) {
            return setting.parse(fromFile, "file " + fileName);
        }
        return setting.defaultValue();
    }

    /** The same as {@link #get} but fails when an optional setting has no value. */
    public <T> T require(Setting<T> setting) {
        T value = get(setting);
        if (value == null) {
            throw new ConfigException("Missing value for " + setting.key() + ": set flag, environment variable "
                    + setting.envVar() + " or key " + setting.key() + " in the config file (" + setting.accepted() + ")");
        }
        return value;
    }

    /** Kafka client properties to pass through, see the class comment. */
    public Map<String, String> kafkaClientProperties() {
        Map<String, String> props = new TreeMap<>();
        Path kafkaFile = get(KAFKA_PROPERTIES_FILE);
        if (kafkaFile != null) {
            load(kafkaFile).forEach((k, v) -> props.put(k.toString(), v.toString()));
        }
        for (String name : file.stringPropertyNames()) {
            if (name.startsWith(KAFKA_PREFIX) && !name.equals(KAFKA_PROPERTIES_FILE.key())) {
                props.put(name.substring(KAFKA_PREFIX.length()), file.getProperty(name));
            }
        }
        return props;
    }

    /** A copy with more flags on top (later wins); for launchers that derive settings. */
    public ConfigSource withFlags(Map<String, String> more) {
        Map<String, String> merged = new HashMap<>(flags);
        merged.putAll(more);
        return new ConfigSource(merged, env, file, fileName);
    }

    private static Properties load(Path file) {
        Properties props = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            props.load(reader);
        } catch (IOException e) {
            throw new ConfigException("Cannot read config file " + file + ": " + e.getMessage(), e);
        }
        return props;
    }
}
