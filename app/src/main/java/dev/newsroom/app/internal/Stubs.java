package dev.newsroom.app.internal;

import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The commands of the contract that later issues build. Their options are declared now, so the
 * contract is visible in {@code --help} and scripts get a usage error for a wrong flag already.
 */
public final class Stubs {
    private Stubs() {}

    @Command(name = "tag", description = "Tag a JSON Lines file of articles with topics, regions, countries and language.")
    public static final class Tag extends NotImplemented {
        @Option(names = "--input", required = true, paramLabel = "FILE.jsonl") Path input;
        @Option(names = "--output", required = true, paramLabel = "FILE.jsonl") Path output;

        @Override
        protected String owner() {
            return "issue 5, topic tags";
        }
    }
}
