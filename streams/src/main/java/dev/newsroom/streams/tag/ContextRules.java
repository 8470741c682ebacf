package dev.newsroom.streams.tag;

import java.util.Map;
import java.util.Set;

/**
 * What the words around a name say against it being the place: Turkey the bird, Georgia the US
 * state, Jordan and Chad the first names, fine china, a city of the same name in the US. Each rule
 * looks at a few tokens on either side; none is a regular expression.
 */
final class ContextRules {
    enum Verdict { ACCEPT, REJECT, PROVISIONAL }

    /** Place names that are also first names: the word after tells ("Chad Johnson", "Jordan Peterson", "Florence Pugh"). */
    static final Set<String> FIRST_NAMES = Set.of(
            "Jordan", "Chad", "Georgia", "Florence", "Alexandria", "Sofia", "Austin", "Brooklyn", "Adelaide", "Cuba");

    /** Place names that are also last names: the word before tells ("Michael Jordan", "George Washington", "Whitney Houston"). */
    static final Set<String> LAST_NAMES = Set.of(
            "Jordan", "Washington", "Houston", "Phoenix", "Austin", "Lima", "Dallas", "Chad");

    /** Capitalised words after such a name that say it is the place ("Jordan Valley", "Chad Basin", "Jordan Times"). */
    private static final Set<String> PLACE_FOLLOWERS = Set.of(
            "River", "Valley", "Basin", "Lake", "Times", "Armed", "Army", "Air", "National", "Airport", "Government",
            "Parliament", "Ministry", "Embassy", "Defense", "Defence", "Police", "Foreign", "Prime", "President", "King",
            "Queen", "Central", "Stock", "Metro", "City", "Mayor", "Council", "Region", "Province", "Interior", "Health");

    /** Capitalised words before such a name that say it is the place ("Northern Jordan", "Greater Houston"). */
    private static final Set<String> PLACE_LEADERS = Set.of(
            "North", "South", "East", "West", "Northern", "Southern", "Eastern", "Western", "Central", "Greater",
            "Downtown", "Metropolitan", "Neighbouring", "Neighboring", "Visit", "Visiting", "In", "From", "To", "Across");

    /** Words near "Turkey" that make it the bird. */
    private static final Set<String> BIRD = Set.of(
            "roast", "roasted", "roasting", "thanksgiving", "stuffing", "gravy", "carve", "carving", "carved", "brine",
            "brined", "recipe", "recipes", "oven", "sandwich", "sandwiches", "leftover", "leftovers", "gobble", "gobbler",
            "feathers", "cranberry", "fryer", "thaw", "thawing", "baste", "basting", "turducken", "drumstick", "giblets",
            "deli", "bacon", "burger", "burgers");

    /** Words before and after "China" that make it porcelain. */
    private static final Set<String> PORCELAIN_BEFORE = Set.of("fine", "bone", "vintage", "antique", "porcelain", "willow");
    private static final Set<String> PORCELAIN_AFTER = Set.of(
            "plate", "plates", "cabinet", "cabinets", "dishes", "dish", "set", "sets", "cup", "cups", "saucer", "saucers",
            "dinnerware", "tableware", "pattern", "patterns", "doll", "dolls", "teapot", "vase", "vases", "shop", "hutch");

    /** Words near "Georgia" that make it the US state. */
    private static final Set<String> US_GEORGIA = Set.of(
            "Atlanta", "Savannah", "Augusta", "Macon", "Kemp", "Warnock", "Ossoff", "Raffensperger", "Fulton", "Cobb",
            "Gwinnett", "DeKalb", "Peach", "Bulldogs", "Braves", "Falcons", "Hawks", "Senate", "senator", "senators",
            "Senator", "county", "County", "counties", "GOP", "Republican", "Republicans", "Democrat", "Democrats",
            "Democratic", "runoff", "primary", "governor", "Governor", "Gov", "Sen", "Rep", "Capitol", "statehouse",
            "legislature", "Legislature", "Tech", "Bulldog", "Athens", "peach");

    /** US states and Canadian provinces: "Paris, Texas" and "London, Ontario" are not the capitals. */
    static final Set<String> STATES = Set.of(
            "Alabama", "Alaska", "Arizona", "Arkansas", "California", "Colorado", "Connecticut", "Delaware", "Florida",
            "Georgia", "Hawaii", "Idaho", "Illinois", "Indiana", "Iowa", "Kansas", "Kentucky", "Louisiana", "Maine",
            "Maryland", "Massachusetts", "Michigan", "Minnesota", "Mississippi", "Missouri", "Montana", "Nebraska",
            "Nevada", "New Hampshire", "New Jersey", "New Mexico", "New York", "North Carolina", "North Dakota", "Ohio",
            "Oklahoma", "Oregon", "Pennsylvania", "Rhode Island", "South Carolina", "South Dakota", "Tennessee", "Texas",
            "Utah", "Vermont", "Virginia", "Washington", "West Virginia", "Wisconsin", "Wyoming", "Ontario", "Quebec",
            "Alberta", "Manitoba", "Saskatchewan", "Nova Scotia", "New Brunswick", "Newfoundland", "Ky", "Tex", "Tenn",
            "Ga", "Ala", "Ark", "Calif", "Fla", "Ill", "Ind", "Kan", "Mich", "Minn", "Miss", "Mo", "Okla", "Ore",
            "Pa", "Va", "Wis");

    /** Cities with a well-known US namesake: "mayor of Manchester, the largest city in New Hampshire". */
    private static final Set<String> US_NAMESAKES = Set.of(
            "Manchester", "Birmingham", "Athens", "Dublin", "Naples", "Florence", "Alexandria", "Paris", "Moscow", "Toledo");

    /** State names too common in foreign news to tell a namesake ("Moscow and Washington"). */
    private static final Set<String> WEAK_STATES = Set.of("Washington", "Georgia", "New York");

    /** Cities that share their name with one in another country, and the words that mean the other one. */
    private static final Map<String, Set<String>> ELSEWHERE = Map.of("Tripoli", Set.of("Lebanon", "Lebanese", "Beirut"));

    private static final int NEAR = 5;
    private static final int NAMESAKE_NEAR = 10;

    private final Gazetteer gazetteer;

    ContextRules(Gazetteer gazetteer) {
        this.gazetteer = gazetteer;
    }

    /** Whether the form found at tokens [first, last] is the place, given its neighbours. */
    Verdict judge(PlaceTokens t, int first, int last, Gazetteer.Form form, boolean titleCase) {
        if (first != last) {
            return citySomewhereElse(t, last, form) ? Verdict.REJECT : Verdict.ACCEPT;
        }
        String name = t.text(first);
        if (name.equals("Turkey") || name.equals("TURKEY")) {
            if (near(t, first, BIRD, false)) {
                return Verdict.REJECT;
            }
        } else if (name.equals("China") || name.equals("CHINA")) {
            if (first > 0 && oneOf(t, first - 1, PORCELAIN_BEFORE) || first + 1 < t.size() && oneOf(t, first + 1, PORCELAIN_AFTER)) {
                return Verdict.REJECT;
            }
        } else if (name.equals("Georgia") && usGeorgia(t, first)) {
            return Verdict.REJECT;
        }
        if (citySomewhereElse(t, last, form) || US_NAMESAKES.contains(name) && nearUsState(t, first)
                || ELSEWHERE.containsKey(name) && near(t, first, ELSEWHERE.get(name), true)) {
            return Verdict.REJECT;
        }
        boolean firstName = FIRST_NAMES.contains(name) && personAfter(t, first);
        boolean lastName = LAST_NAMES.contains(name) && personBefore(t, first);
        if (firstName || lastName) {
            // In a title-case headline every word is capitalised: only the text can tell.
            return titleCase ? Verdict.PROVISIONAL : Verdict.REJECT;
        }
        return Verdict.ACCEPT;
    }

    /** "Michael Jordan": a capitalised word right before, in the same sentence, that is no place word. */
    private boolean personBefore(PlaceTokens t, int i) {
        if (i == 0 || t.gapBefore(i) != PlaceTokens.SPACE) {
            return false;
        }
        int p = i - 1;
        return t.capitalised(p) && !t.allCaps(p) && !PLACE_LEADERS.contains(t.text(p)) && !function(t, p)
                && gazetteer.formOf(t, p) == null;
    }

    /** "Chad Johnson": a capitalised word right after, within the sentence, that is no place word. */
    private boolean personAfter(PlaceTokens t, int i) {
        int n = i + 1;
        if (n >= t.size() || t.gapBefore(n) != PlaceTokens.SPACE) {
            return false;
        }
        return t.capitalised(n) && !t.allCaps(n) && !PLACE_FOLLOWERS.contains(t.text(n)) && !function(t, n)
                && gazetteer.formOf(t, n) == null;
    }

    /** Sentence-initial words that are not names ("In", "The", "After"...): short, common. */
    private static boolean function(PlaceTokens t, int i) {
        for (String w : FUNCTION_WORDS) {
            if (t.equalsIgnoreCase(i, w)) {
                return true;
            }
        }
        return false;
    }

    private static final String[] FUNCTION_WORDS = {
        "the", "a", "an", "in", "on", "at", "to", "from", "for", "of", "and", "but", "or", "as", "after", "before", "while",
        "when", "with", "by", "about", "against", "between", "like", "unlike", "over", "under", "near", "inside", "outside",
        "beyond", "through", "across", "via", "why", "how", "what", "where", "if", "only", "even", "also", "meanwhile",
        "both", "neither", "including", "said", "says", "tell", "tells", "told", "new", "now", "then", "it", "this", "that"};

    private boolean usGeorgia(PlaceTokens t, int i) {
        if (near(t, i, US_GEORGIA, true) || nearState(t, i)) {
            return true;
        }
        // "Atlanta, Georgia", "Marietta, Georgia": a place name, then a comma; not "Armenia, Georgia" or "Tbilisi, Georgia".
        if (i > 0 && t.gapBefore(i) == PlaceTokens.COMMA && t.capitalised(i - 1)) {
            Gazetteer.Form before = gazetteer.formOf(t, i - 1);
            return before == null ? !t.sentenceStart(i - 1) && i >= 2 && !t.capitalised(i - 2) : before.target().equals("US");
        }
        return false;
    }

    private boolean nearState(PlaceTokens t, int i) {
        for (int k = Math.max(0, i - NEAR); k < Math.min(t.size(), i + NEAR + 1); k++) {
            if (k != i && t.capitalised(k) && STATES.contains(t.text(k)) && !t.text(k).equals("Georgia")) {
                return true;
            }
        }
        return false;
    }

    /** A US state named within {@value #NAMESAKE_NEAR} tokens (one or two tokens: "Alabama", "New Hampshire"). */
    private static boolean nearUsState(PlaceTokens t, int i) {
        for (int k = Math.max(0, i - NAMESAKE_NEAR); k < Math.min(t.size(), i + NAMESAKE_NEAR + 1); k++) {
            if (k == i || !t.capitalised(k)) {
                continue;
            }
            String one = t.text(k);
            String two = k + 1 < t.size() ? one + " " + t.text(k + 1) : one;
            if (STATES.contains(one) && !WEAK_STATES.contains(one) || STATES.contains(two) && !WEAK_STATES.contains(two)) {
                return true;
            }
        }
        return false;
    }

    /** "Paris, Texas", "London, Ontario": a city outside North America followed by a state or province. */
    private boolean citySomewhereElse(PlaceTokens t, int last, Gazetteer.Form form) {
        if (!form.city() || form.target().equals("US") || form.target().equals("CA")) {
            return false;
        }
        int n = last + 1;
        if (n >= t.size() || t.gapBefore(n) != PlaceTokens.COMMA) {
            return false;
        }
        return STATES.contains(t.text(n)) || n + 1 < t.size() && STATES.contains(t.text(n) + " " + t.text(n + 1));
    }

    private static boolean near(PlaceTokens t, int i, Set<String> words, boolean caseSensitive) {
        for (int k = Math.max(0, i - NEAR); k < Math.min(t.size(), i + NEAR + 1); k++) {
            if (k == i) {
                continue;
            }
            String w = t.text(k);
            if (words.contains(caseSensitive ? w : w.toLowerCase(java.util.Locale.ROOT))) {
                return true;
            }
        }
        return false;
    }

    private static boolean oneOf(PlaceTokens t, int i, Set<String> words) {
        return words.contains(t.text(i).toLowerCase(java.util.Locale.ROOT));
    }
}
