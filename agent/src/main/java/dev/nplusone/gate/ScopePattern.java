package dev.nplusone.gate;

import java.util.regex.Pattern;

/**
 * A glob over scope names, as in {@code max-queries[GET /reports/**]=200}: {@code *} is any run
 * of characters without a slash, {@code **} any run at all, {@code ?} one character other than a
 * slash; everything else stands for itself. It matches the whole name.
 */
final class ScopePattern {

    private final String glob;
    private final Pattern regex;

    ScopePattern(String glob) {
        this.glob = glob;
        this.regex = Pattern.compile(toRegex(glob));
    }

    boolean matches(String scopeName) {
        return regex.matcher(scopeName).matches();
    }

    @Override
    public String toString() {
        return glob;
    }

    private static String toRegex(String glob) {
        StringBuilder re = new StringBuilder();
        StringBuilder literal = new StringBuilder();
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (c != '*' && c != '?') {
                literal.append(c);
                continue;
            }
            if (literal.length() > 0) {
                re.append(Pattern.quote(literal.toString()));
                literal.setLength(0);
            }
            if (c == '?') {
                re.append("[^/]");
            } else if (i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
                re.append(".*");
                i++;
            } else {
                re.append("[^/]*");
            }
        }
        if (literal.length() > 0) {
            re.append(Pattern.quote(literal.toString()));
        }
        return re.toString();
    }
}
