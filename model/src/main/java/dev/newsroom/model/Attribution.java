package dev.newsroom.model;

/**
 * Explicit provenance found in a copy: "The original source of this article is X", "first
 * appeared on X", rel=canonical, and the like.
 *
 * @param name the source as named, may be empty when only a URL is given
 * @param url  the source's URL, may be empty when only a name is given
 */
public record Attribution(String name, String url) {
    public Attribution {
        name = Checks.orEmpty(name).strip();
        url = Checks.orEmpty(url).strip();
        if (name.isEmpty() && url.isEmpty()) {
            throw new IllegalArgumentException("an attribution needs a name or a URL");
        }
    }
}
