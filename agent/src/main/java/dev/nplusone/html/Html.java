package dev.nplusone.html;

import dev.nplusone.gate.Markup;

/**
 * Escapes text from a report for HTML. Every string a report holds (SQL, class names, scope names,
 * hints) goes through {@link #escape} before it reaches the page, as element text or as a
 * double-quoted attribute value; none is ever put in a URL, a script or a style.
 */
final class Html {

    private Html() {
    }

    /** Text safe as element content and inside a quoted attribute value. */
    static String escape(String text) {
        return Markup.escape(text);
    }
}
