package dev.newsroom.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.newsroom.model.Article;
import dev.newsroom.model.RawArticle;
import dev.newsroom.model.serde.Json;
import dev.newsroom.streams.internal.ArticleMapper;
import dev.newsroom.streams.tag.TagFileException;
import dev.newsroom.streams.tag.Tagger;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code newsroom tag}: the streams topology's cleaning and tagging over a JSON Lines file of
 * articles, one output line per input line, in order: {@code id}, {@code topics} (best first),
 * {@code regions}, {@code countries}, {@code language}, {@code keywords}; or {@code id} and
 * {@code error} for an article the topology would send to the dead-letter topic.
 */
@Command(name = "tag", description = "Tag a JSON Lines file of articles with topics, regions, countries and language.")
final class TagCommand implements Callable<Integer> {
    @Option(names = "--input", required = true, paramLabel = "FILE.jsonl",
            description = "One article per line: id, url, title, text or html, site, published_at, feed_url, categories.")
    Path input;

    @Option(names = "--output", required = true, paramLabel = "FILE.jsonl", description = "Where to write one line of tags per input article.")
    Path output;

    @Option(names = "--taxonomy", paramLabel = "FILE", description = "A topic taxonomy to use instead of the shipped one (see docs/tagging.md).")
    Path taxonomy;

    @Option(names = "--model", paramLabel = "FILE", description = "A topic model made by 'newsroom tagger train', used with --taxonomy.")
    Path model;

    private static final ObjectMapper JSON = Json.mapper();

    @Override
    public Integer call() throws IOException {
        if (model != null && taxonomy == null) {
            throw new BadInputException("--model needs --taxonomy (the shipped taxonomy comes with the shipped model)");
        }
        Tagger tagger;
        try {
            tagger = taxonomy == null ? Tagger.defaults() : Tagger.withTaxonomy(taxonomy, model);
        } catch (TagFileException e) {
            throw new BadInputException(e.getMessage(), e);
        }
        ArticleMapper mapper = new ArticleMapper(tagger);
        int number = 0;
        try (BufferedReader in = Files.newBufferedReader(input, StandardCharsets.UTF_8);
             BufferedWriter out = Files.newBufferedWriter(output, StandardCharsets.UTF_8)) {
            String line;
            while ((line = in.readLine()) != null) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                RawArticle raw;
                try {
                    raw = DedupCommand.article(JSON.readTree(line), number);
                } catch (IOException | IllegalArgumentException e) {
                    throw new BadInputException(input + " line " + number + " is not an article: " + Newsroom.oneLine(e), e);
                }
                out.write(JSON.writeValueAsString(result(mapper, raw)));
                out.newLine();
            }
        } catch (NoSuchFileException e) {
            throw new BadInputException("No such file: " + e.getFile(), e);
        }
        return 0;
    }

    private static ObjectNode result(ArticleMapper mapper, RawArticle raw) {
        ObjectNode line = JSON.createObjectNode().put("id", raw.id());
        Article article;
        try {
            article = mapper.clean(raw);
        } catch (IllegalArgumentException e) {
            return line.put("error", e.getMessage());
        }
        line.set("topics", JSON.valueToTree(article.topics()));
        line.set("regions", JSON.valueToTree(article.regions()));
        line.set("countries", JSON.valueToTree(article.countries()));
        line.put("language", article.language());
        line.set("keywords", JSON.valueToTree(article.keywords()));
        return line;
    }
}
