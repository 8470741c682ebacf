package dev.newsroom.streams.tag;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class GazetteerTest {
    private final Gazetteer gazetteer = Gazetteer.defaults();

    private List<String> countries(String text) {
        return gazetteer.find("", text).countries();
    }

    @Test
    void shouldTagSeedArticleWithSyriaTurkeyUsRussiaAndMiddleEast() throws IOException {
        List<String> paragraphs = seedParagraphs();
        String title = paragraphs.get(0);
        String text = String.join("\n\n", paragraphs.subList(1, paragraphs.size()));

        Places places = gazetteer.find(title, text);

        assertThat(places.countries()).startsWith("SY", "TR", "US").contains("RU");
        assertThat(places.countries().subList(0, 4)).containsExactlyInAnyOrder("SY", "TR", "US", "RU");
        assertThat(places.regions()).first().isEqualTo("Middle East & North Africa");
        assertThat(places.regions()).contains("North America", "Europe");
    }

    @Test
    void shouldTagSeedOriginalWithoutTagLines() throws IOException {
        List<String> paragraphs = seedParagraphs();
        int start = 0;
        int end = paragraphs.size();
        for (int i = 0; i < paragraphs.size(); i++) {
            if (paragraphs.get(i).startsWith("In-depth Report:")) {
                start = i + 1;
            }
            if (paragraphs.get(i).startsWith("The original source of this article is")) {
                end = i;
            }
        }
        Places places = gazetteer.find(paragraphs.get(0), String.join("\n\n", paragraphs.subList(start, end)));

        assertThat(places.countries().subList(0, 4)).containsExactlyInAnyOrder("SY", "TR", "US", "RU");
        assertThat(places.regions()).first().isEqualTo("Middle East & North Africa");
    }

    /** The seed page as SOURCE.md describes it: one paragraph a line, links reduced to their text. */
    static List<String> seedParagraphs() throws IOException {
        try (InputStream in = GazetteerTest.class.getResourceAsStream("/seed/globalresearch-landdestroyer.txt")) {
            List<String> out = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String plain = line.replaceAll("\\[([^\\]]*)\\]\\(#\\)", "$1").strip();
                if (!plain.isEmpty()) {
                    out.add(plain);
                }
            }
            return out;
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Talks in Syria resumed on Monday.|SY",
        "Syrian troops moved north.|SY",
        "Officials in Damascus denied it.|SY",
        "The strike hit Aleppo overnight.|SY",
        "Ankara summoned the ambassador.|TR",
        "Turkish officials said so.|TR",
        "The Kremlin said nothing.|RU",
        "Russians queued in Saint Petersburg.|RU",
        "The U.S. and the UK agreed.|US,GB",
        "The United States of America said.|US",
        "Flooding in Côte d'Ivoire and Ivory Coast.|CI",
        "Protesters in Bogota and Bogotá.|CO",
        "Fighting in the Democratic Republic of the Congo spread.|CD",
        "Voters in Congo-Brazzaville went to the polls.|CG",
        "Tourism in the Dominican Republic grew.|DO",
        "A storm hit Dominica on Tuesday.|DM",
        "Oil spills in the Niger Delta continue.|NG",
        "Soldiers in Niger and Nigeria met.|NE,NG",
        "Elections in Papua New Guinea were held.|PG",
        "Guinea-Bissau and Equatorial Guinea signed a deal.|GW,GQ",
        "Guinea held a referendum.|GN",
        "South Korea and North Korea talked.|KR,KP",
        "Rain fell in New Delhi.|IN",
        "She flew from Kyiv to Kiev.|UA",
        "He visited Washington last week.|US",
        "Protests in Gaza and the West Bank.|PS",
        "The envoy flew to St. Petersburg.|RU",
        "Trade fairs in İzmir and Izmir.|TR",
        "African American voters in Chicago.|US",
        "ISTANBUL (Reuters) - Shares fell.|TR",
        "Pilgrims arrived in Mecca for the hajj.|SA",
        "Clashes in Tripoli, the capital, left ten dead.|LY",
        "Clashes in Tripoli, in northern Lebanon, left ten dead.|LB",
        "Gunmen attacked a village in Niger State.|NG",
    })
    void shouldFindCountriesByNameDemonymCapitalAndCity(String text, String expected) {
        assertThat(countries(text)).containsExactlyInAnyOrder(expected.split(","));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "We had roast Turkey for dinner.",
        "How Long to Roast a Turkey",
        "The president pardoned a Thanksgiving Turkey named Gobbler.",
        "Our Thanksgiving Turkey was dry.",
        "the turkey was roasted for thanksgiving",
    })
    void shouldNotTakeTheBirdForTurkey(String text) {
        assertThat(countries(text)).doesNotContain("TR");
    }

    @Test
    void shouldStillFindTurkeyTheCountry() {
        assertThat(countries("Turkey closed its border with Syria.")).contains("TR");
        assertThat(countries("Bird flu spread to farms in Turkey and Hungary.")).containsExactly("TR", "HU");
        assertThat(countries("Erdogan said Turkey would respond.")).containsExactly("TR");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "The rally was held in Atlanta, Georgia, on Saturday.",
        "Georgia voters turned out in Fulton County.",
        "The Georgia Senate race is tight.",
        "Republicans in Georgia want a recount.",
        "Polls close in Georgia, Arizona and Pennsylvania at eight.",
        "She grew up in Marietta, Georgia, before college.",
        "Georgia Tech won again.",
    })
    void shouldNotTakeTheUsStateForGeorgia(String text) {
        assertThat(countries(text)).doesNotContain("GE");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Protests in Georgia continued outside parliament in Tbilisi.",
        "Russia, Ukraine, Georgia and Moldova were discussed.",
        "Georgia applied to join the European Union.",
    })
    void shouldFindGeorgiaTheCountry(String text) {
        assertThat(countries(text)).contains("GE");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Michael Jordan won six titles.",
        "Jordan Peterson gave a talk.",
        "The psychologist Jordan Peterson spoke.",
        "Chad Johnson caught the ball.",
        "Coach Chad Morris was fired.",
        "Chad Smith plays drums.",
    })
    void shouldNotTakeFirstNamesForJordanOrChad(String text) {
        assertThat(countries(text)).doesNotContain("JO", "TD");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "King Abdullah of Jordan met the envoy.|JO",
        "Refugees crossed into Jordan.|JO",
        "Jordan closed its border.|JO",
        "Amman, Jordan, hosted the talks.|JO",
        "Troops from Chad joined the mission.|TD",
        "Chad's president was sworn in.|TD",
        "Chad and Niger signed a pact.|TD,NE",
    })
    void shouldFindJordanAndChadTheCountries(String text, String expected) {
        assertThat(countries(text)).containsExactlyInAnyOrder(expected.split(","));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "She set the table with fine china plates.",
        "A set of Fine China was sold.",
        "The China Cabinet was antique.",
        "We bought bone china cups.",
    })
    void shouldNotTakePorcelainForChina(String text) {
        assertThat(countries(text)).doesNotContain("CN");
    }

    @Test
    void shouldFindChinaTheCountry() {
        assertThat(countries("China raised tariffs on Monday.")).containsExactly("CN");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Wildfires burned in New Mexico.",
        "The New Jersey governor spoke.",
        "A Guinea pig escaped.",
        "He sailed across the Indian Ocean.",
        "George Washington crossed the Delaware.",
        "The Washington Post reported it.",
        "Paris Hilton arrived.",
        "The museum is in Paris, Texas.",
        "He moved to London, Ontario.",
        "The Paris Agreement was signed.",
        "Diplomats reported Havana Syndrome symptoms.",
        "She became the first female mayor of Manchester, the largest city in New Hampshire.",
        "Protesters marched in Birmingham, the largest city in Alabama, on Sunday.",
    })
    void shouldNotTakeOtherPlacesOrPeopleForCountries(String text) {
        assertThat(countries(text)).isEmpty();
    }

    @Test
    void shouldMatchCaseSensitively() {
        assertThat(countries("they drank china tea and ate turkey in jordan")).isEmpty();
        assertThat(countries("IN-DEPTH REPORT: SYRIA")).containsExactly("SY");
    }

    @Test
    void shouldRankTitleAndFrequentMentionsFirst() {
        Places places = gazetteer.find("Iran warns Israel",
                "Officials in Tehran spoke. Israel replied. Israeli jets flew. A French diplomat and a Russian envoy watched.");

        assertThat(places.countries()).containsExactly("IL", "IR", "FR", "RU");
    }

    @Test
    void shouldCountPersonNamesInTitleCaseHeadlinesOnlyWhenTheTextConfirms() {
        assertThat(gazetteer.find("Protests Grip Jordan As Prices Rise", "Thousands marched in Amman, Jordan, on Friday.").countries())
                .containsExactly("JO");
        assertThat(gazetteer.find("Michael Jordan Returns To The Court", "The star played again on Friday.").countries())
                .isEmpty();
        assertThat(gazetteer.find("Trump Wants to Send Refugees to Egypt and Jordan", "The president spoke on Sunday.").countries())
                .containsExactly("EG", "JO");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Representative Alexandria Ocasio-Cortez spoke in Berlin.",
        "The actress Florence Pugh spoke in Berlin.",
        "Whitney Houston sang. Critics in Berlin loved it.",
        "Defense Secretary Lloyd Austin flew to Berlin.",
    })
    void shouldNotTakePeopleNamedAfterCitiesForTheCities(String text) {
        assertThat(countries(text)).containsExactly("DE");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Randa Abdel-Fattah will feature at the Sydney Writers' Festival.|AU",
        "The Milan Cortina Winter Olympics opened.|IT",
        "The show opened at Paris Fashion Week.|FR",
        "Flights resumed at Houston airport.|US",
        "Talks between Moscow and Washington stalled.|RU,US",
        "Flights from London to New York resumed.|GB,US",
    })
    void shouldKeepCitiesFollowedByTheirInstitutionsOrNamedWithOthers(String text, String expected) {
        assertThat(countries(text)).containsExactlyInAnyOrder(expected.split(","));
    }

    @Test
    void shouldFindRegionsNamedOutright() {
        Places places = gazetteer.find("", "Leaders from sub-Saharan Africa and the Middle East met in Latin America.");

        assertThat(places.countries()).isEmpty();
        assertThat(places.regions()).containsExactlyInAnyOrder("Sub-Saharan Africa", "Middle East & North Africa",
                "Latin America & Caribbean");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Middle East & North Africa|Middle East & North Africa",
        "Middle East and North Africa|Middle East & North Africa",
        "MENA|Middle East & North Africa",
        "middle east|Middle East & North Africa",
        "sub-Saharan Africa|Sub-Saharan Africa",
        "Latin America & Caribbean|Latin America & Caribbean",
        "Europe|Europe",
        "Syria|Middle East & North Africa",
        "USA|North America",
        "Canada|North America",
        "Oceania|East Asia & Pacific",
    })
    void shouldMapSiteRegionTagLines(String name, String region) {
        assertThat(gazetteer.region(name)).contains(region);
    }

    @Test
    void shouldNotMapUnknownRegions() {
        assertThat(gazetteer.region("Global")).isEmpty();
        assertThat(gazetteer.region("")).isEmpty();
        assertThat(gazetteer.region(null)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Syria|SY", "SYRIA|SY", "Syrian Arab Republic|SY", "syria|SY", "Turkey|TR", "Türkiye|TR", "United States|US",
        "USA|US", "U.S.|US", "United Kingdom|GB", "Britain|GB", "Russian Federation|RU", "DR Congo|CD", "Ivory Coast|CI",
        "Côte d'Ivoire|CI", "Cote d'Ivoire|CI",
    })
    void shouldResolveCountryNames(String name, String code) {
        assertThat(gazetteer.country(name)).contains(code);
    }

    @Test
    void shouldNotResolveUnknownCountryNames() {
        assertThat(gazetteer.country("Atlantis")).isEmpty();
        assertThat(gazetteer.country("Paris")).isEmpty();
        assertThat(gazetteer.country(" ")).isEmpty();
    }

    @Test
    void shouldGiveRegionsOfCountries() {
        assertThat(gazetteer.regionsOf(List.of("SY", "TR", "US", "RU", "SY", "ZZ")))
                .containsExactly("Middle East & North Africa", "North America", "Europe");
        assertThat(gazetteer.regionsOf(List.of("IR", "AF", "SD", "MX", "KZ", "ID")))
                .containsExactly("Middle East & North Africa", "South Asia", "Sub-Saharan Africa", "Latin America & Caribbean",
                        "Central Asia", "East Asia & Pacific");
    }

    @Test
    void shouldGiveEveryCountryOneOfTheDocumentedRegions() {
        for (String code : Set.of("SY", "TR", "US", "RU", "CN", "BR", "NG", "IN", "KZ", "AU", "EG", "GB", "CA", "ZA")) {
            assertThat(gazetteer.regionsOf(List.of(code))).hasSize(1).allMatch(Gazetteer.REGIONS::contains);
        }
    }

    @Test
    void shouldFindNothingInEmptyOrPlaceFreeText() {
        assertThat(gazetteer.find("", "")).isEqualTo(Places.NONE);
        assertThat(gazetteer.find(null, null)).isEqualTo(Places.NONE);
        assertThat(gazetteer.find("Quarterly results", "Shares rose 3 percent after the company beat estimates."))
                .isEqualTo(Places.NONE);
    }
}
