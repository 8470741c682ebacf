package dev.newsroom.app;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code --set KEY=VALUE} options, as the commands that take settings on the command line read them. */
final class SettingFlags {
    private SettingFlags() {}

    /** The settings given, later ones winning; a value without {@code =} or without a key is bad input. */
    static Map<String, String> parse(List<String> settings) {
        Map<String, String> flags = new LinkedHashMap<>();
        for (String s : settings) {
            int eq = s.indexOf('=');
            if (eq < 1) {
                throw new BadInputException("--set takes KEY=VALUE, got '" + s + "'");
            }
            flags.put(s.substring(0, eq).strip(), s.substring(eq + 1).strip());
        }
        return flags;
    }
}
