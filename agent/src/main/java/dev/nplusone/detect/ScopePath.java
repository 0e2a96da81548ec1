package dev.nplusone.detect;

import java.util.List;

/** Where in the nesting of scopes a statement ran; its names are final once the outermost scope closes. */
public interface ScopePath {

    /** Scope names from the outermost to this one. */
    List<String> names();
}
