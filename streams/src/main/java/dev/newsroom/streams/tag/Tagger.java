package dev.newsroom.streams.tag;

import dev.newsroom.model.Article;
import dev.newsroom.model.TopicTag;
import dev.newsroom.model.config.ConfigException;
import dev.newsroom.model.config.ConfigSource;
import dev.newsroom.model.config.Setting;
import dev.newsroom.streams.tag.SiteTagLines.Kind;
import dev.newsroom.streams.tag.SiteTagLines.TagLine;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Tags one article with IPTC Media Topics, countries, regions and language; the streams topology
 * and {@code newsroom tag} both call it. The feed's categories and the site's tag lines are hints:
 * one that names a topic, a region or a country becomes that tag, the rest are kept as keywords.
 */
public final class Tagger {
    public static final Setting<String> TAXONOMY = Setting.string("streams.tagger.taxonomy", "",
            "A topic taxonomy file (YAML, see docs/tagging.md) to use instead of the shipped one.");
    public static final Setting<String> MODEL = Setting.string("streams.tagger.model", "",
            "A topic model made by 'newsroom tagger train', used with streams.tagger.taxonomy.");

    private static volatile Tagger shipped;
    private final TopicTagger topics;
    private final Gazetteer places;
    private final LanguageIdentifier languages;

    private Tagger(TopicTagger topics, Gazetteer places, LanguageIdentifier languages) {
        this.topics = topics;
        this.places = places;
        this.languages = languages;
    }

    /** The shipped taxonomy, gazetteer and language profiles; loaded once per JVM (a tagger is immutable). */
    public static Tagger defaults() {
        Tagger t = shipped;
        if (t == null) {
            synchronized (Tagger.class) {
                if (shipped == null) {
                    shipped = new Tagger(TopicTagger.defaults(), Gazetteer.defaults(), LanguageIdentifier.defaults());
                }
                t = shipped;
            }
        }
        return t;
    }

    /**
     * The tagger the {@code streams.tagger.*} settings name: the shipped one unless a taxonomy is set.
     *
     * @throws ConfigException naming the setting and the fault when a file is missing or malformed
     */
    public static Tagger from(ConfigSource config) {
        String taxonomy = config.get(TAXONOMY).strip();
        String model = config.get(MODEL).strip();
        if (taxonomy.isEmpty()) {
            if (!model.isEmpty()) {
                throw new ConfigException("Invalid value '" + model + "' for " + MODEL.key() + ": a model needs "
                        + TAXONOMY.key() + " (the shipped taxonomy comes with its own model)");
            }
            return defaults();
        }
        try {
            return withTaxonomy(Path.of(taxonomy), model.isEmpty() ? null : Path.of(model));
        } catch (TagFileException e) {
            throw new ConfigException("Invalid value for " + TAXONOMY.key() + " or " + MODEL.key() + ": " + e.getMessage());
        }
    }

    /** A user's taxonomy file (and model, or null for none) with the shipped gazetteer and language profiles. */
    public static Tagger withTaxonomy(Path taxonomy, Path model) {
        return new Tagger(TopicTagger.load(taxonomy, model), Gazetteer.defaults(), LanguageIdentifier.defaults());
    }

    /** The tags of an article with this title, clean text, feed categories and the feed's declared language. */
    public Tags tag(String title, String text, Collection<String> categories, String declaredLanguage) {
        List<TagLine> lines = SiteTagLines.find(text);
        List<String> hints = new ArrayList<>(categories);
        lines.stream().filter(l -> l.kind() == Kind.TOPIC).map(TagLine::value).forEach(hints::add);
        List<TopicTag> found = topics.topics(title, text, hints);
        Set<String> unmatched = new LinkedHashSet<>(topics.unmatchedHints(hints));

        Places named = places.find(title, text);
        Set<String> countries = new LinkedHashSet<>(named.countries());
        Set<String> regions = new LinkedHashSet<>(named.regions());
        Set<String> keywords = new LinkedHashSet<>();
        for (String category : categories) {
            if (!place(category, countries, regions) && unmatched.contains(category)) {
                keywords.add(category);
            }
        }
        for (TagLine line : lines) {
            boolean placed = place(line.value(), countries, regions);
            if (!placed && (line.kind() == Kind.REGION || unmatched.contains(line.value()))) {
                keywords.add(line.keyword());
            }
        }
        regions.addAll(places.regionsOf(countries));
        return new Tags(found, List.copyOf(regions), List.copyOf(countries), language(title, text, declaredLanguage),
                List.copyOf(keywords));
    }

    /** {@code article} with its tags (the keywords of an earlier tagging are replaced). */
    public Article tag(Article article, Collection<String> categories) {
        Tags tags = tag(article.title(), article.text(), categories, article.language());
        return new Article(article.id(), article.storyId(), article.canonical(), article.similarity(), article.url(),
                article.site(), article.title(), article.text(), article.feedUrl(), article.publishedAt(),
                article.fetchedAt(), tags.topics(), tags.regions(), tags.countries(), tags.language(),
                article.attribution(), article.joined(), tags.keywords());
    }

    /** Adds the country or region a hint names; whether it named one. */
    private boolean place(String hint, Set<String> countries, Set<String> regions) {
        Optional<String> region = places.region(hint);
        region.ifPresent(regions::add);
        Optional<String> country = places.country(hint);
        country.ifPresent(countries::add);
        return region.isPresent() || country.isPresent();
    }

    private String language(String title, String text, String declared) {
        String detected = languages.detect(title, text);
        if (!detected.isEmpty() || declared == null || declared.isBlank()) {
            return detected;
        }
        String primary = declared.strip().toLowerCase(Locale.ROOT).split("[-_]")[0];
        return primary.length() == 2 ? primary : "";
    }

    /** The tags of one article. */
    public record Tags(List<TopicTag> topics, List<String> regions, List<String> countries, String language, List<String> keywords) {}
}
