package dev.nplusone.html;

/**
 * Escapes text from a report for HTML. Every string a report holds (SQL, class names, scope names,
 * hints) goes through {@link #escape} before it reaches the page, as element text or as a
 * double-quoted attribute value; none is ever put in a URL, a script or a style.
 */
final class Html {

    private Html() {
    }

    /** Text safe as element content and inside a double- or single-quoted attribute value. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&':
                    out.append("&amp;");
                    break;
                case '<':
                    out.append("&lt;");
                    break;
                case '>':
                    out.append("&gt;");
                    break;
                case '"':
                    out.append("&quot;");
                    break;
                case '\'':
                    out.append("&#39;");
                    break;
                default:
                    // Control characters other than tab and line breaks have no place in a page.
                    out.append(c < 0x20 && c != '\t' && c != '\n' && c != '\r' ? '\uFFFD' : c);
            }
        }
        return out.toString();
    }
}
