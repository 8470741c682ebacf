package dev.newsroom.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.newsroom.indexer.IndexTemplates;
import dev.newsroom.indexer.TextAnalyzer;
import dev.newsroom.model.IndexNames;
import dev.newsroom.model.serde.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Kibana saved objects of {@code deploy/kibana} are valid NDJSON, every reference resolves,
 * and every field they use is mapped by the index templates the indexer installs
 * ({@link IndexTemplates#templates}), with a type that the use allows (no terms on text).
 */
class KibanaSavedObjectsTest {
    private static final Path DIR = Path.of("../deploy/kibana");
    private static final Set<String> AGGREGATABLE = Set.of("keyword", "integer", "long", "float", "double", "date", "boolean");
    private static final Set<String> NUMERIC = Set.of("integer", "long", "float", "double", "date");
    private static final Pattern KQL_FIELD = Pattern.compile("([A-Za-z_][A-Za-z0-9_.]*)\\s*(?::|<=|>=|<|>)");
    private static final Pattern PAINLESS_FIELD = Pattern.compile("doc\\['([^']+)'\\]");

    /** Every object of every file, by "type:id". */
    private static Map<String, JsonNode> objects;
    /** Mapped field path to its type, by data view id. */
    private static Map<String, Map<String, String>> fieldsByDataView;

    @BeforeAll
    static void load() throws IOException {
        objects = new LinkedHashMap<>();
        for (String name : KibanaCommand.BUNDLED) {
            String text = Files.readString(DIR.resolve(name));
            assertThat(text).as(name).endsWith("\n");
            for (String line : text.split("\n")) {
                JsonNode object = Json.mapper().readTree(line);
                assertThat(object.isObject()).as(name + ": every line is one JSON object").isTrue();
                for (String field : List.of("id", "type", "attributes", "references")) {
                    assertThat(object.has(field)).as(name + ": " + field + " of " + object.path("id")).isTrue();
                }
                String key = object.get("type").asText() + ":" + object.get("id").asText();
                assertThat(objects.put(key, object)).as("duplicate " + key).isNull();
            }
        }
        Map<String, ObjectNode> templates = IndexTemplates.templates(IndexNames.defaults(), TextAnalyzer.ENGLISH, 1, 0);
        fieldsByDataView = new HashMap<>();
        for (JsonNode view : ofType("index-pattern")) {
            String title = view.at("/attributes/title").asText();
            Map<String, String> fields = new HashMap<>();
            for (ObjectNode template : templates.values()) {
                for (JsonNode indexPattern : template.get("index_patterns")) {
                    if (globMatches(title, indexPattern.asText().replace("*", "x"))) {
                        flatten("", template.at("/template/mappings/properties"), fields);
                    }
                }
            }
            assertThat(fields).as("data view " + title + " matches an index template of the indexer").isNotEmpty();
            JsonNode runtime = Json.mapper().readTree(view.at("/attributes/runtimeFieldMap").asText("{}"));
            for (Iterator<Map.Entry<String, JsonNode>> it = runtime.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                Matcher m = PAINLESS_FIELD.matcher(field.getValue().at("/script/source").asText());
                while (m.find()) {
                    assertThat(fields.get(m.group(1))).as("runtime field " + field.getKey() + " reads " + m.group(1)).isIn(AGGREGATABLE);
                }
                fields.put(field.getKey(), field.getValue().get("type").asText());
            }
            fieldsByDataView.put(view.get("id").asText(), fields);
        }
    }

    private static List<JsonNode> ofType(String type) {
        return objects.values().stream().filter(o -> o.get("type").asText().equals(type)).toList();
    }

    private static boolean globMatches(String glob, String name) {
        return name.matches(Pattern.quote(glob).replace("*", "\\E.*\\Q"));
    }

    private static void flatten(String prefix, JsonNode properties, Map<String, String> into) {
        for (Iterator<Map.Entry<String, JsonNode>> it = properties.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            String path = prefix + field.getKey();
            JsonNode mapping = field.getValue();
            if (mapping.has("properties")) {
                flatten(path + ".", mapping.get("properties"), into);
                continue;
            }
            into.put(path, mapping.get("type").asText());
            mapping.path("fields").fields().forEachRemaining(sub -> into.put(path + "." + sub.getKey(), sub.getValue().get("type").asText()));
        }
    }

    private static List<String> kqlFields(String query) {
        List<String> fields = new ArrayList<>();
        Matcher m = KQL_FIELD.matcher(query.replaceAll("\"[^\"]*\"", "\"\""));
        while (m.find()) {
            fields.add(m.group(1));
        }
        return fields;
    }

    private static Map<String, String> fieldsOf(String dataViewId) {
        assertThat(fieldsByDataView).as("data view " + dataViewId).containsKey(dataViewId);
        return fieldsByDataView.get(dataViewId);
    }

    @Test
    void shouldHaveDataViewsForStoriesArticlesAndFeedStatusWithMappedDateTimeFields() {
        Map<String, String> timeFields = ofType("index-pattern").stream().collect(Collectors.toMap(
                v -> v.at("/attributes/title").asText(), v -> v.at("/attributes/timeFieldName").asText()));

        assertThat(timeFields).containsOnly(
                Map.entry("news-stories*", "published_at"), Map.entry("news-articles*", "published_at"), Map.entry("news-feed-status*", "polled_at"));
        for (JsonNode view : ofType("index-pattern")) {
            assertThat(fieldsOf(view.get("id").asText())).containsEntry(view.at("/attributes/timeFieldName").asText(), "date");
        }
    }

    @Test
    void shouldResolveEveryReferenceToAnObjectOfTheseFiles() {
        for (JsonNode object : objects.values()) {
            for (JsonNode reference : object.get("references")) {
                assertThat(objects).as(object.get("id") + " refers to " + reference)
                        .containsKey(reference.get("type").asText() + ":" + reference.get("id").asText());
            }
        }
    }

    @Test
    void shouldShowOnlyMappedFieldsInTheSavedSearches() throws IOException {
        assertThat(ofType("search")).extracting(s -> s.at("/attributes/title").asText())
                .containsExactlyInAnyOrder("Latest stories", "Stories with copies", "Originals republished by a site");
        for (JsonNode search : ofType("search")) {
            JsonNode source = Json.mapper().readTree(search.at("/attributes/kibanaSavedObjectMeta/searchSourceJSON").asText());
            String indexRef = source.get("indexRefName").asText();
            JsonNode reference = reference(search, indexRef);
            Map<String, String> fields = fieldsOf(reference.get("id").asText());
            String what = "search " + search.get("id").asText();
            search.at("/attributes/columns").forEach(c -> assertThat(fields).as(what).containsKey(c.asText()));
            search.at("/attributes/sort").forEach(s -> assertThat(fields).as(what).containsKey(s.get(0).asText()));
            kqlFields(source.at("/query/query").asText()).forEach(f -> assertThat(fields).as(what + " query").containsKey(f));
        }
    }

    private static JsonNode reference(JsonNode object, String name) {
        for (JsonNode reference : object.get("references")) {
            if (reference.get("name").asText().equals(name)) {
                return reference;
            }
        }
        throw new AssertionError(object.get("id").asText() + " has no reference named " + name);
    }

    @Test
    void shouldAnswerTheQuestionsOfTheIssueOnTwoDashboards() throws IOException {
        assertThat(panelTitles("newsroom-news")).contains("Stories over time by topic", "Top topics", "Top countries", "Top regions",
                "Top sites (copies published)", "Most cross-posted stories", "Original site → republisher");
        assertThat(panelTitles("newsroom-feed-health")).contains("Polls and failures over time (by outcome)", "Failing feeds and their last error",
                "Poll latency (median and 95th percentile, ms)", "Silent feeds: longest since a new item", "New items per feed per day");
        assertThat(objects.get("dashboard:newsroom-news").at("/attributes/title").asText()).isEqualTo("News");
        assertThat(objects.get("dashboard:newsroom-feed-health").at("/attributes/title").asText()).isEqualTo("Feed health");
    }

    private static List<String> panelTitles(String dashboardId) throws IOException {
        List<String> titles = new ArrayList<>();
        for (JsonNode panel : panels(objects.get("dashboard:" + dashboardId))) {
            titles.add(panel.get("title").asText());
        }
        return titles;
    }

    private static JsonNode panels(JsonNode dashboard) throws IOException {
        return Json.mapper().readTree(dashboard.at("/attributes/panelsJSON").asText());
    }

    @Test
    void shouldBuildEveryLensPanelOnMappedFieldsOfItsDataView() throws IOException {
        for (JsonNode dashboard : ofType("dashboard")) {
            Set<String> panelIndexes = new java.util.HashSet<>();
            for (JsonNode panel : panels(dashboard)) {
                String panelIndex = panel.get("panelIndex").asText();
                assertThat(panelIndexes.add(panelIndex)).as("unique panelIndex " + panelIndex).isTrue();
                assertThat(panel.get("type").asText()).isEqualTo("lens");
                JsonNode attributes = panel.at("/embeddableConfig/attributes");
                JsonNode layers = attributes.at("/state/datasourceStates/formBased/layers");
                assertThat(layers.size()).isPositive();
                for (Iterator<Map.Entry<String, JsonNode>> it = layers.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> layer = it.next();
                    String refName = "indexpattern-datasource-layer-" + layer.getKey();
                    String dataView = reference(dashboard, panelIndex + ":" + refName).get("id").asText();
                    assertThat(reference(attributes, refName).get("id").asText()).isEqualTo(dataView);
                    checkLayer(dashboard.get("id").asText() + " / " + panel.get("title").asText(), layer.getValue(), fieldsOf(dataView));
                    checkAccessors(attributes.at("/state/visualization"), layer.getValue().get("columns"));
                }
                String query = attributes.at("/state/query/query").asText();
                kqlFields(query).forEach(f -> assertThat(fieldsOf(dataViewOf(dashboard, panelIndex))).as(panel.get("title") + " query").containsKey(f));
            }
            for (JsonNode reference : dashboard.get("references")) {
                assertThat(panelIndexes).as("reference " + reference.get("name")).contains(reference.get("name").asText().split(":")[0]);
            }
        }
    }

    private static String dataViewOf(JsonNode dashboard, String panelIndex) {
        for (JsonNode reference : dashboard.get("references")) {
            if (reference.get("name").asText().startsWith(panelIndex + ":")) {
                return reference.get("id").asText();
            }
        }
        throw new AssertionError("panel " + panelIndex + " has no data view");
    }

    private static void checkLayer(String what, JsonNode layer, Map<String, String> fields) {
        JsonNode columns = layer.get("columns");
        List<String> order = new ArrayList<>();
        layer.get("columnOrder").forEach(c -> order.add(c.asText()));
        assertThat(order).as(what + " column order").containsExactlyInAnyOrderElementsOf(iterable(columns.fieldNames()));
        for (Iterator<Map.Entry<String, JsonNode>> it = columns.fields(); it.hasNext(); ) {
            JsonNode column = it.next().getValue();
            String op = column.get("operationType").asText();
            String field = column.path("sourceField").asText();
            String label = what + " / " + column.get("label").asText();
            if (!field.equals("___records___")) {
                assertThat(fields).as(label).containsKey(field);
                String type = fields.get(field);
                switch (op) {
                    case "terms", "last_value", "unique_count" -> assertThat(type).as(label).isIn(AGGREGATABLE);
                    case "date_histogram" -> assertThat(type).as(label).isEqualTo("date");
                    case "sum", "median", "percentile", "average", "max", "min" -> assertThat(type).as(label).isIn(NUMERIC);
                    default -> throw new AssertionError(label + ": operation " + op + " is not checked by this test");
                }
            }
            JsonNode orderBy = column.at("/params/orderBy");
            if (orderBy.path("type").asText().equals("column")) {
                assertThat(columns.has(orderBy.get("columnId").asText())).as(label + " orders by a column of its layer").isTrue();
            }
            String sortField = column.at("/params/sortField").asText("");
            if (!sortField.isEmpty()) {
                assertThat(fields).as(label + " sort field").containsEntry(sortField, "date");
            }
            kqlFields(column.at("/filter/query").asText("")).forEach(f -> assertThat(fields).as(label + " filter").containsKey(f));
        }
    }

    private static void checkAccessors(JsonNode visualization, JsonNode columns) {
        List<String> accessors = new ArrayList<>();
        visualization.findValues("xAccessor").forEach(a -> accessors.add(a.asText()));
        visualization.findValues("splitAccessor").forEach(a -> accessors.add(a.asText()));
        visualization.findValues("metricAccessor").forEach(a -> accessors.add(a.asText()));
        visualization.findValues("columnId").forEach(a -> accessors.add(a.asText()));
        visualization.findValues("accessors").forEach(list -> list.forEach(a -> accessors.add(a.asText())));
        assertThat(accessors).isNotEmpty();
        accessors.forEach(a -> assertThat(columns.has(a)).as("accessor " + a + " names a column").isTrue());
    }

    private static List<String> iterable(Iterator<String> names) {
        List<String> list = new ArrayList<>();
        names.forEachRemaining(list::add);
        return list;
    }
}
