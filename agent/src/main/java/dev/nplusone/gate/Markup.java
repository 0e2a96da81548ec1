package dev.nplusone.gate;

/** Text from a report made safe for the markup the gate and the HTML report write (XML and HTML alike). */
public final class Markup {

    private Markup() {
    }

    /**
     * Text safe as element content and inside a double- or single-quoted attribute value. Control
     * characters other than tab and line breaks, which XML 1.0 forbids, become U+FFFD.
     */
    public static String escape(String text) {
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
                    out.append(c < 0x20 && c != '\t' && c != '\n' && c != '\r' ? '\uFFFD' : c);
            }
        }
        return out.toString();
    }
}
