package dev.newsroom.app;

import dev.newsroom.streams.tag.TagFileException;
import dev.newsroom.streams.tag.TopicModel;
import dev.newsroom.streams.tag.TopicTagger;
import dev.newsroom.streams.tag.TopicTraining;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code newsroom tagger}: tools for the topic tagger. {@code train} fits the statistical topic model. */
@Command(name = "tagger", description = "Tools for the topic tagger: train a topic model.", subcommands = TaggerCommand.Train.class)
final class TaggerCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return Newsroom.BAD_INPUT;
    }

    /**
     * {@code newsroom tagger train FILE.jsonl [--output MODEL]}: trains the top-level topic model
     * (see {@link TopicTraining} for the input lines) and writes it where {@code TopicTagger.load}
     * and the model resource expect it.
     */
    @Command(name = "train", description = "Train the topic model on a JSON Lines file of articles "
            + "(title, text, and topic or topics; lines without a topic are labelled by the taxonomy rules).")
    static final class Train implements Callable<Integer> {
        @Spec CommandSpec spec;

        @Parameters(paramLabel = "FILE.jsonl", description = "One article per line: title, text, topic (IPTC code) or topics, hints.")
        Path input;

        @Option(names = "--output", paramLabel = "MODEL", defaultValue = "topic-model.tsv.gz",
                description = "Where to write the model (default: ${DEFAULT-VALUE}).")
        Path output;

        @Option(names = "--taxonomy", paramLabel = "FILE.yaml", description = "The taxonomy that labels unlabelled lines (default: the shipped one).")
        Path taxonomy;

        @Option(names = "--epochs", defaultValue = "10", description = "Passes over the data (default: ${DEFAULT-VALUE}).")
        int epochs;

        @Option(names = "--min-docs", defaultValue = "2", description = "Words seen in fewer articles are left out (default: ${DEFAULT-VALUE}).")
        int minDocs;

        @Option(names = "--seed", defaultValue = "42", description = "Seed of the shuffling, for a repeatable model (default: ${DEFAULT-VALUE}).")
        long seed;

        @Override
        public Integer call() throws IOException {
            if (epochs < 1 || minDocs < 1) {
                throw new BadInputException("--epochs and --min-docs must be at least 1");
            }
            TopicTraining.Data data;
            try {
                TopicTagger rules = taxonomy == null ? TopicTagger.defaults() : TopicTagger.load(taxonomy, null);
                data = TopicTraining.read(input, rules);
            } catch (TagFileException e) {
                throw new BadInputException(e.getMessage(), e);
            }
            if (data.examples().isEmpty()) {
                throw new BadInputException(input + ": no line has a topic or could be labelled by the taxonomy");
            }
            TopicModel model = TopicModel.train(data.examples(), minDocs, epochs, seed);
            model.save(output);
            spec.commandLine().getOut().printf("Trained a topic model on %d articles of %s (%d labelled in the file, %d labelled by the "
                            + "taxonomy rules, %d skipped): %d classes, %d words; written to %s.%n",
                    data.examples().size(), input, data.labelled(), data.weaklyLabelled(), data.skipped(),
                    model.classes().size(), model.vocabularySize(), output);
            spec.commandLine().getOut().flush();
            return 0;
        }
    }
}
