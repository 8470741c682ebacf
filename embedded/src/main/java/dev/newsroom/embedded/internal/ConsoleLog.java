package dev.newsroom.embedded.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Reading the reason for a failed start out of a child's console output. */
public final class ConsoleLog {

    private static final int MAX_LENGTH = 300;

    private ConsoleLog() {
    }

    /**
     * The most telling line of the output: the first line that reports an error, else the last
     * line.
     *
     * @param file the console output
     * @return the line, shortened to 300 characters, or empty when there is no output
     */
    public static Optional<String> cause(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return Optional.empty();
        }
        Optional<String> cause = lines.stream().filter(line -> line.contains("ERROR")).findFirst()
                .or(() -> lines.stream().filter(line -> !line.isBlank()).reduce((first, second) -> second));
        return cause.map(String::strip)
                .map(line -> line.length() > MAX_LENGTH ? line.substring(0, MAX_LENGTH) + "..." : line);
    }
}
