package dev.nplusone.shape;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Turns one SQL string into its shape: the statement with every value taken out.
 *
 * <p>Literals (numbers, strings, hex, booleans) and bind markers ({@code ?}, {@code :name},
 * {@code $1}) become {@code ?}; an {@code IN} list of values becomes {@code in (...)}, whatever
 * its length; comments go; unquoted words are lower-cased; tokens are re-spaced one way. Two
 * statements that differ only in their values therefore share one shape.
 *
 * <p>This is a scanner, not a parser: it never fails, whatever the dialect, and SQL it does not
 * understand keeps its words. Callers cache the result ({@link Shapes}).
 */
public final class Normalizer {

    static final String VALUE = "?";
    static final String VALUE_LIST = "...";

    private Normalizer() {
    }

    public static String shape(String sql) {
        return render(collapseValueLists(tokens(sql)));
    }

    private static List<String> tokens(String sql) {
        List<String> out = new ArrayList<>();
        int n = sql.length();
        int i = 0;
        while (i < n) {
            char c = sql.charAt(i);
            char next = i + 1 < n ? sql.charAt(i + 1) : '\0';
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '-' && next == '-') {
                i = endOfLine(sql, i);
            } else if (c == '/' && next == '*') {
                int end = sql.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 2;
            } else if (c == '\'') {
                i = endOfQuoted(sql, i, '\'');
                out.add(VALUE);
            } else if (c == '"' || c == '`') {
                int end = endOfQuoted(sql, i, c);
                out.add(sql.substring(i, end)); // quoted identifiers keep their case
                i = end;
            } else if (c == '[' && isWordStart(next)) {
                int end = sql.indexOf(']', i);
                end = end < 0 ? n : end + 1;
                out.add(sql.substring(i, end));
                i = end;
            } else if (isDigit(c) || (c == '.' && isDigit(next))) {
                i = endOfNumber(sql, i);
                out.add(VALUE);
            } else if (c == '?') {
                i = skipDigits(sql, i + 1); // ?1 style positional markers too
                out.add(VALUE);
            } else if (c == '$' && isDigit(next)) {
                i = skipDigits(sql, i + 1);
                out.add(VALUE);
            } else if (c == ':' && isWordStart(next) && !previousIs(out, ":")) {
                i = endOfWord(sql, i + 1);
                out.add(VALUE);
            } else if (isWordStart(c)) {
                int end = endOfWord(sql, i);
                if (end < n && sql.charAt(end) == '\'' && isLiteralPrefix(sql, i, end)) {
                    i = endOfQuoted(sql, end, '\''); // N'..', X'..', E'..', B'..'
                    out.add(VALUE);
                } else {
                    String word = sql.substring(i, end).toLowerCase(Locale.ROOT);
                    out.add(word.equals("true") || word.equals("false") ? VALUE : word);
                    i = end;
                }
            } else if (isOperator(c)) {
                int end = i + 1;
                while (end < n && isOperator(sql.charAt(end)) && !startsComment(sql, end)) {
                    end++;
                }
                out.add(sql.substring(i, end));
                i = end;
            } else {
                out.add(String.valueOf(c));
                i++;
            }
        }
        return out;
    }

    /** {@code in (?, ?, ?)} and {@code in (?)} both become {@code in (...)}. */
    private static List<String> collapseValueLists(List<String> tokens) {
        List<String> out = new ArrayList<>(tokens.size());
        for (int i = 0; i < tokens.size(); i++) {
            String t = tokens.get(i);
            out.add(t);
            if (t.equals("in") && i + 2 < tokens.size() && tokens.get(i + 1).equals("(")) {
                int j = i + 2;
                boolean values = true;
                while (j < tokens.size() && !tokens.get(j).equals(")")) {
                    String v = tokens.get(j);
                    boolean expected = (j - i) % 2 == 0 ? v.equals(VALUE) : v.equals(",");
                    if (!expected) {
                        values = false;
                        break;
                    }
                    j++;
                }
                if (values && j < tokens.size() && j > i + 2) {
                    out.add("(");
                    out.add(VALUE_LIST);
                    out.add(")");
                    i = j;
                }
            }
        }
        return out;
    }

    private static String render(List<String> tokens) {
        StringBuilder sb = new StringBuilder();
        String previous = null;
        for (String t : tokens) {
            if (previous != null && spaceBetween(previous, t)) {
                sb.append(' ');
            }
            sb.append(t);
            previous = t;
        }
        return sb.toString();
    }

    private static boolean spaceBetween(String previous, String t) {
        if (t.equals(",") || t.equals(")") || t.equals(".") || t.equals(";") || t.equals("::")
                || previous.equals("(") || previous.equals(".") || previous.equals("::")) {
            return false;
        }
        if (t.equals("(")) {
            // f(x) stays together; keywords keep their space: "in (", "values (", "from (select"
            return !isWord(previous) || SPACED_KEYWORDS.contains(previous);
        }
        return true;
    }

    private static final java.util.Set<String> SPACED_KEYWORDS = java.util.Set.of(
            "in", "values", "exists", "and", "or", "not", "on", "from", "join", "where", "select", "as", "any", "all",
            "using", "into", "set", "by", "when", "then", "else", "case", "union", "over", "with", "table", "returning");

    private static boolean isWord(String token) {
        return !token.isEmpty() && isWordStart(token.charAt(0));
    }

    private static boolean previousIs(List<String> out, String token) {
        return !out.isEmpty() && out.get(out.size() - 1).endsWith(token);
    }

    private static boolean isLiteralPrefix(String sql, int start, int end) {
        if (end - start != 1) {
            return false;
        }
        char p = Character.toUpperCase(sql.charAt(start));
        return p == 'N' || p == 'X' || p == 'E' || p == 'B';
    }

    private static boolean startsComment(String sql, int i) {
        char c = sql.charAt(i);
        char next = i + 1 < sql.length() ? sql.charAt(i + 1) : '\0';
        return (c == '-' && next == '-') || (c == '/' && next == '*');
    }

    private static int endOfLine(String sql, int i) {
        int end = sql.indexOf('\n', i);
        return end < 0 ? sql.length() : end + 1;
    }

    private static int endOfQuoted(String sql, int i, char quote) {
        int n = sql.length();
        int j = i + 1;
        while (j < n) {
            char c = sql.charAt(j);
            if (c == '\\' && quote == '\'' && j + 1 < n) {
                j += 2; // MySQL-style escapes; harmless elsewhere
            } else if (c == quote) {
                if (j + 1 < n && sql.charAt(j + 1) == quote) {
                    j += 2; // doubled quote inside the literal
                } else {
                    return j + 1;
                }
            } else {
                j++;
            }
        }
        return n;
    }

    private static int endOfNumber(String sql, int i) {
        int n = sql.length();
        int j = i;
        if (sql.charAt(j) == '0' && j + 1 < n && (sql.charAt(j + 1) == 'x' || sql.charAt(j + 1) == 'X')) {
            j += 2;
            while (j < n && Character.digit(sql.charAt(j), 16) >= 0) {
                j++;
            }
            return j;
        }
        while (j < n) {
            char c = sql.charAt(j);
            if (isDigit(c) || c == '.' || c == '_') {
                j++;
            } else if ((c == 'e' || c == 'E') && j + 1 < n
                    && (isDigit(sql.charAt(j + 1)) || ((sql.charAt(j + 1) == '-' || sql.charAt(j + 1) == '+') && j + 2 < n && isDigit(sql.charAt(j + 2))))) {
                j += 2;
            } else {
                break;
            }
        }
        // a suffix such as 10L or 1.5f belongs to the literal
        while (j < n && Character.isLetter(sql.charAt(j))) {
            j++;
        }
        return j;
    }

    private static int skipDigits(String sql, int i) {
        while (i < sql.length() && isDigit(sql.charAt(i))) {
            i++;
        }
        return i;
    }

    private static int endOfWord(String sql, int i) {
        int j = i;
        while (j < sql.length() && isWordPart(sql.charAt(j))) {
            j++;
        }
        return j;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isWordStart(char c) {
        return Character.isLetter(c) || c == '_' || c == '@' || c == '#';
    }

    private static boolean isWordPart(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$' || c == '@' || c == '#';
    }

    private static boolean isOperator(char c) {
        return "=<>!|&+-*/%^~:".indexOf(c) >= 0;
    }
}
