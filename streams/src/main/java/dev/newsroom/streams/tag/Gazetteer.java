package dev.newsroom.streams.tag;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Finds the countries and regions a text names: country names, alternative names, demonyms,
 * capitals and major cities (the shipped {@code gazetteer.tsv}, built by
 * {@code tools/build-gazetteer.py} from world-countries and GeoNames; see the README beside it),
 * matched case-sensitively as whole tokens, longest form first, with {@link ContextRules} against
 * the usual false hits (Turkey the bird, Georgia the US state, Jordan and Chad the first names,
 * fine china).
 *
 * <p>Salience: a mention in the title counts {@value #TITLE_WEIGHT}, one in the first
 * {@value #LEAD_TOKENS} tokens of the text {@value #LEAD_WEIGHT}, any other 1; countries are
 * ordered by their summed weight, then by first mention. Every country named is returned, passing
 * mentions included (they are what a reader filters on too). A region's weight is the weight of
 * its countries plus the mentions of the region itself.
 *
 * <p>Thread-safe and immutable once built; one instance serves every thread.
 */
public final class Gazetteer {
    /** The regions, in the order of the README. */
    public static final List<String> REGIONS = List.of(
            "Middle East & North Africa", "Sub-Saharan Africa", "Europe", "Central Asia", "South Asia",
            "East Asia & Pacific", "North America", "Latin America & Caribbean");

    static final double TITLE_WEIGHT = 3.0;
    static final double LEAD_WEIGHT = 1.5;
    static final int LEAD_TOKENS = 100;
    private static final String BLOCK = "-";
    private static final String RESOURCE = "gazetteer.tsv";

    /** What a form names: a country code, a region, or nothing (a blocked form). */
    record Form(String target, String kind) {
        boolean region() {
            return kind.equals("region");
        }

        boolean blocked() {
            return target.equals(BLOCK);
        }

        boolean city() {
            return kind.equals("city") || kind.equals("capital");
        }
    }

    private static volatile Gazetteer defaults;

    private final Map<String, Form> forms;
    private final Set<String> prefixes;
    private final int longest;
    private final Map<String, String> regionOfCountry;
    private final Map<String, String> countryNames;
    private final Map<String, String> regionNames;
    private final ContextRules rules;

    private Gazetteer(Map<String, Form> forms, Map<String, String> regionOfCountry) {
        this.forms = Map.copyOf(forms);
        this.regionOfCountry = Map.copyOf(regionOfCountry);
        Set<String> prefixes = new HashSet<>();
        int longest = 1;
        Map<String, String> countryNames = new HashMap<>();
        Map<String, String> regionNames = new HashMap<>();
        for (Map.Entry<String, Form> e : forms.entrySet()) {
            String[] parts = e.getKey().split(" ");
            longest = Math.max(longest, parts.length);
            StringBuilder prefix = new StringBuilder();
            for (int i = 0; i < parts.length - 1; i++) {
                prefix.append(i == 0 ? "" : " ").append(parts[i]);
                prefixes.add(prefix.toString());
            }
            Form form = e.getValue();
            String lower = e.getKey().toLowerCase(Locale.ROOT);
            if (form.region()) {
                regionNames.put(lower, form.target());
            } else if (!form.blocked() && !form.city()) {
                countryNames.putIfAbsent(lower, form.target());
            }
        }
        for (String region : REGIONS) {
            regionNames.put(key(region).toLowerCase(Locale.ROOT), region);
        }
        this.prefixes = Set.copyOf(prefixes);
        this.longest = longest;
        this.countryNames = Map.copyOf(countryNames);
        this.regionNames = Map.copyOf(regionNames);
        this.rules = new ContextRules(this);
    }

    /** The shipped gazetteer, loaded once. */
    public static Gazetteer defaults() {
        Gazetteer g = defaults;
        if (g == null) {
            synchronized (Gazetteer.class) {
                g = defaults;
                if (g == null) {
                    try (InputStream in = Gazetteer.class.getResourceAsStream(RESOURCE)) {
                        if (in == null) {
                            throw new IllegalStateException("The gazetteer resource " + RESOURCE + " is missing from the classpath.");
                        }
                        g = read(in);
                    } catch (IOException e) {
                        throw new UncheckedIOException("Could not read the gazetteer resource " + RESOURCE, e);
                    }
                    defaults = g;
                }
            }
        }
        return g;
    }

    /** Reads a gazetteer in the format of {@code gazetteer.tsv} (see its README). */
    static Gazetteer read(InputStream in) throws IOException {
        Map<String, Form> forms = new HashMap<>();
        Map<String, String> regionOf = new HashMap<>();
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String line;
        int number = 0;
        while ((line = reader.readLine()) != null) {
            number++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t");
            if (f.length != 3) {
                throw new IllegalArgumentException("Gazetteer line " + number + " has " + f.length + " fields, expected 3: " + line);
            }
            if (f[0].equals("@region")) {
                regionOf.put(f[1], f[2]);
            } else {
                forms.put(key(f[0]), new Form(f[1], f[2]));
            }
        }
        return new Gazetteer(forms, regionOf);
    }

    /** The lookup key of a name: its tokens, accents removed, joined by one space. */
    static String key(String name) {
        PlaceTokens tokens = PlaceTokens.of(name);
        StringBuilder key = new StringBuilder();
        for (int i = 0; i < tokens.size(); i++) {
            key.append(i == 0 ? "" : " ").append(PlaceTokens.fold(tokens.text(i)));
        }
        return key.toString();
    }

    /**
     * The countries named or implied (demonym, capital, major city) in an article, with their
     * regions and the regions it names outright, most salient first.
     */
    public Places find(String title, String text) {
        PlaceTokens head = PlaceTokens.of(title);
        PlaceTokens body = PlaceTokens.of(text);
        Tally tally = new Tally();
        List<Mention> provisional = new ArrayList<>();
        boolean headline = head.titleCased();
        for (Mention m : scan(head, headline)) {
            if (m.provisional()) {
                provisional.add(m);
            } else {
                tally.add(m.form(), TITLE_WEIGHT, m.token());
            }
        }
        for (Mention m : scan(body, false)) {
            tally.add(m.form(), m.token() < LEAD_TOKENS ? LEAD_WEIGHT : 1.0, head.size() + m.token());
        }
        for (Mention m : provisional) {
            // A name that could be a person's in a title-case headline counts when the text confirms it.
            if (body.size() == 0 || tally.has(m.form())) {
                tally.add(m.form(), TITLE_WEIGHT, m.token());
            }
        }
        return tally.places(regionOfCountry);
    }

    /** A form found at a token; provisional when only the text can confirm it. */
    record Mention(Form form, int token, boolean provisional) {}

    private List<Mention> scan(PlaceTokens tokens, boolean titleCase) {
        List<Mention> mentions = new ArrayList<>();
        int n = tokens.size();
        int i = 0;
        while (i < n) {
            if (!tokens.capitalised(i)) {
                i++;
                continue;
            }
            Form best = null;
            int bestEnd = i;
            StringBuilder key = new StringBuilder();
            for (int j = i; j < n && j - i < longest; j++) {
                if (j > i) {
                    byte gap = tokens.gapBefore(j);
                    if (gap == PlaceTokens.COMMA || gap == PlaceTokens.STOP) {
                        break;
                    }
                    key.append(' ');
                }
                key.append(lookupForm(tokens, j, key));
                String k = key.toString();
                Form form = forms.get(k);
                if (form != null) {
                    best = form;
                    bestEnd = j;
                }
                if (!prefixes.contains(k)) {
                    break;
                }
            }
            if (best == null) {
                i++;
                continue;
            }
            if (!best.blocked()) {
                ContextRules.Verdict verdict = rules.judge(tokens, i, bestEnd, best, titleCase);
                if (verdict != ContextRules.Verdict.REJECT) {
                    mentions.add(new Mention(best, i, verdict == ContextRules.Verdict.PROVISIONAL));
                }
            }
            i = bestEnd + 1;
        }
        return mentions;
    }

    /** A token as looked up: accents removed, and "SYRIA" read as "Syria" unless the capitals are a form (US, UAE). */
    private String lookupForm(PlaceTokens tokens, int j, CharSequence before) {
        String t = PlaceTokens.fold(tokens.text(j));
        if (t.length() >= 3 && tokens.allCaps(j)) {
            String exact = before.length() == 0 ? t : before + t;
            if (!forms.containsKey(exact) && !prefixes.contains(exact)) {
                return PlaceTokens.titleCase(t);
            }
        }
        return t;
    }

    /** The form a single token names, if any (for the context rules). */
    Form formOf(PlaceTokens tokens, int i) {
        return forms.get(lookupForm(tokens, i, ""));
    }

    /**
     * The region a site's tag line names ("Middle East & North Africa", "MENA", "sub-Saharan
     * Africa"), or the region of the country it names ("Syria"); empty when unknown.
     */
    public Optional<String> region(String name) {
        if (name == null || name.isBlank()) {
            return Optional.empty();
        }
        String region = regionNames.get(key(name).toLowerCase(Locale.ROOT));
        if (region != null) {
            return Optional.of(region);
        }
        return country(name).map(regionOfCountry::get);
    }

    /** The ISO 3166-1 alpha-2 code of a country name in any case ("Syria", "SYRIA", "Syrian Arab Republic"); empty when unknown. */
    public Optional<String> country(String name) {
        if (name == null || name.isBlank()) {
            return Optional.empty();
        }
        return Optional.ofNullable(countryNames.get(key(name).toLowerCase(Locale.ROOT)));
    }

    /** The regions of these countries, in the order of their first country; unknown codes are skipped. */
    public List<String> regionsOf(Collection<String> countryCodes) {
        List<String> regions = new ArrayList<>();
        for (String code : countryCodes) {
            String region = regionOfCountry.get(code);
            if (region != null && !regions.contains(region)) {
                regions.add(region);
            }
        }
        return regions;
    }

    /** Summed weights per country and per region named outright. */
    private static final class Tally {
        private final Map<String, double[]> countries = new LinkedHashMap<>();
        private final Map<String, double[]> regions = new LinkedHashMap<>();

        void add(Form form, double weight, int position) {
            Map<String, double[]> into = form.region() ? regions : countries;
            double[] score = into.computeIfAbsent(form.target(), k -> new double[] {0, position});
            score[0] += weight;
            score[1] = Math.min(score[1], position);
        }

        boolean has(Form form) {
            return (form.region() ? regions : countries).containsKey(form.target());
        }

        Places places(Map<String, String> regionOfCountry) {
            if (countries.isEmpty() && regions.isEmpty()) {
                return Places.NONE;
            }
            Map<String, double[]> regionScores = new LinkedHashMap<>();
            regions.forEach((region, s) -> regionScores.put(region, s.clone()));
            countries.forEach((code, s) -> {
                String region = regionOfCountry.get(code);
                if (region != null) {
                    double[] r = regionScores.computeIfAbsent(region, k -> new double[] {0, s[1]});
                    r[0] += s[0];
                    r[1] = Math.min(r[1], s[1]);
                }
            });
            return new Places(ranked(countries), ranked(regionScores));
        }

        private static List<String> ranked(Map<String, double[]> scores) {
            Comparator<Map.Entry<String, double[]>> bySalience = Comparator.comparingDouble(e -> -e.getValue()[0]);
            return scores.entrySet().stream()
                    .sorted(bySalience.thenComparingDouble(e -> e.getValue()[1]))
                    .map(Map.Entry::getKey)
                    .toList();
        }
    }
}
