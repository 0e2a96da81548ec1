package dev.nplusone.scope;

import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What opened a scope: {@code http}, {@code serialization}, {@code manual}, {@code test}, or any
 * other word a hook opens scopes with ({@code job}, {@code message}); the report writes it as is.
 * One instance per word, so kinds compare with {@code ==}.
 */
public final class Kind {

    private static final ConcurrentHashMap<String, Kind> KINDS = new ConcurrentHashMap<>();

    public static final Kind HTTP = of("http");
    public static final Kind SERIALIZATION = of("serialization");
    public static final Kind MANUAL = of("manual");
    public static final Kind TEST = of("test");

    private final String json;

    private Kind(String json) {
        this.json = json;
    }

    public String json() {
        return json;
    }

    /** The kind named by a word: letters, digits and hyphens, any case (written in lower case). */
    static Kind of(String word) {
        String json = word.toLowerCase(Locale.ROOT);
        if (json.isEmpty() || !json.chars().allMatch(c -> c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-')) {
            throw new IllegalArgumentException("a scope kind is a word of letters, digits and hyphens: '" + word + "'");
        }
        return KINDS.computeIfAbsent(json, Kind::new);
    }

    @Override
    public String toString() {
        return json;
    }
}
