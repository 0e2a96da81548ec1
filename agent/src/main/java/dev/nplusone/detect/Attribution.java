package dev.nplusone.detect;

import dev.nplusone.orm.Association;

/**
 * What a repeated statement was part of, beyond its stack: the ORM association whose lazy load ran
 * it, and where a serializer was in the JSON it wrote. Either may be null. Immutable.
 */
public final class Attribution {

    public static final Attribution NONE = new Attribution(null, null);

    private final Association association;
    private final String jsonPath;

    public Attribution(Association association, String jsonPath) {
        this.association = association;
        this.jsonPath = jsonPath;
    }

    /** The association being loaded lazily when the statement ran; null for none or not known. */
    public Association association() {
        return association;
    }

    /** The JSON property path being written, {@code $[*].attendees[*].organization}; null outside a serialization. */
    public String jsonPath() {
        return jsonPath;
    }
}
