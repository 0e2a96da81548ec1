package dev.nplusone.scope;

import java.util.Locale;

/** What opened a scope. The JSON report writes these in lower case. */
public enum Kind {
    HTTP, SERIALIZATION, MANUAL, TEST;

    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Kind of(String json) {
        return valueOf(json.toUpperCase(Locale.ROOT));
    }
}
