package dev.newsroom.streams.tag;

import java.util.List;
import java.util.Objects;

/**
 * The places an article is about: countries as ISO 3166-1 alpha-2 codes and region names (see
 * {@link Gazetteer#REGIONS}), each list most salient first.
 */
public record Places(List<String> countries, List<String> regions) {
    public static final Places NONE = new Places(List.of(), List.of());

    public Places {
        countries = List.copyOf(Objects.requireNonNull(countries, "countries"));
        regions = List.copyOf(Objects.requireNonNull(regions, "regions"));
    }
}
