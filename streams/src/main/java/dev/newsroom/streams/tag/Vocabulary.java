package dev.newsroom.streams.tag;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The active IPTC Media Topics (version of 2023-10-24), shipped as {@code iptc-mediatopics.tsv} beside
 * this class: code, level, parent and English label of each concept. IPTC Media Topics (NewsCodes),
 * © IPTC – International Press Telecommunications Council, CC BY 4.0 (see {@code NOTICE-IPTC.md}).
 */
final class Vocabulary {
    record Concept(String code, int level, String parent, String label) {}

    private static final Vocabulary SHIPPED = read("iptc-mediatopics.tsv");

    private final Map<String, Concept> concepts;

    private Vocabulary(Map<String, Concept> concepts) {
        this.concepts = Collections.unmodifiableMap(concepts);
    }

    static Vocabulary shipped() {
        return SHIPPED;
    }

    /** The active concept with this code, or null. */
    Concept get(String code) {
        return concepts.get(code);
    }

    /** The code's broader concepts, nearest first, ending with its top-level topic. */
    List<String> ancestors(String code) {
        List<String> out = new ArrayList<>();
        Concept c = concepts.get(code);
        while (c != null && !c.parent().isEmpty()) {
            out.add(c.parent());
            c = concepts.get(c.parent());
        }
        return out;
    }

    /** The top-level topic a code belongs to (itself for a top-level code). */
    String topLevel(String code) {
        List<String> up = ancestors(code);
        return up.isEmpty() ? code : up.get(up.size() - 1);
    }

    List<String> topLevelCodes() {
        return concepts.values().stream().filter(c -> c.level() == 1).map(Concept::code).sorted().toList();
    }

    private static Vocabulary read(String resource) {
        Map<String, Concept> concepts = new HashMap<>();
        try (InputStream in = Vocabulary.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("The IPTC vocabulary " + resource + " is missing from the class path");
            }
            BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = lines.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t", -1);
                concepts.put(f[0], new Concept(f[0], Integer.parseInt(f[1]), f[2], f[3]));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Vocabulary(concepts);
    }
}
