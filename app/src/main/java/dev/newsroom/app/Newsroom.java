package dev.newsroom.app;

import dev.newsroom.ingest.FeedFetcher;
import dev.newsroom.model.config.ConfigException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code newsroom} command. Exit codes: 0 success, 1 runtime failure, 2 bad input or usage.
 */
@Command(name = "newsroom", mixinStandardHelpOptions = true, scope = CommandLine.ScopeType.INHERIT, versionProvider = BuildInfo.class,
        description = "A streaming news-ingestion pipeline: feeds to Kafka to stories in Elasticsearch.",
        subcommands = {
            RunCommand.class,
            ServiceCommands.Ingest.class,
            ServiceCommands.Streams.class,
            ServiceCommands.Indexer.class,
            FeedsCommand.class,
            SearchCommand.class,
            StoryCommand.class,
            ParseFeedCommand.class,
            DedupCommand.class,
            TagCommand.class,
            TaggerCommand.class,
            BenchCommand.class,
            KibanaCommand.class,
        })
public final class Newsroom {
    /** Exit code of a runtime failure (a broker that cannot be reached, Elasticsearch that will not start). */
    public static final int RUNTIME_FAILURE = 1;
    /** Exit code of bad input or usage (unknown flag, invalid setting, unreadable file). */
    public static final int BAD_INPUT = 2;

    static {
        // Before anything uses the JDK HTTP client (the embedded Elasticsearch does): it reads once which
        // restricted headers it allows, and FeedFetcher needs Host to pin plain-http fetches to the checked address.
        FeedFetcher.pinsHttp();
    }

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs the command line and returns the exit code; for tests and for {@link #main}. */
    public static int execute(String... args) {
        return commandLine().execute(args);
    }

    static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new Newsroom());
        cli.setParameterExceptionHandler((e, args) -> {
            CommandLine failed = e.getCommandLine();
            PrintWriter err = failed.getErr();
            err.println(failed.getCommandSpec().qualifiedName() + ": " + oneLine(e) + " (see --help)");
            err.flush();
            return BAD_INPUT;
        });
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            PrintWriter err = commandLine.getErr();
            err.println(commandLine.getCommandSpec().qualifiedName() + ": " + oneLine(e));
            err.flush();
            return isBadInput(e) ? BAD_INPUT : RUNTIME_FAILURE;
        });
        return cli;
    }

    static boolean isBadInput(Throwable e) {
        return e instanceof ConfigException || e instanceof BadInputException;
    }

    /** The message of an exception as one line, with the cause's when the message alone says little. */
    public static String oneLine(Throwable e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return message.replaceAll("\\s*\\R\\s*", " ").strip();
    }
}
