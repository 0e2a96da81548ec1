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
 * understand keeps its words. It reads the quoting of the common dialects: PostgreSQL's dollar
 * quotes ({@code $$..$$}, {@code $tag$..$tag$}) and {@code E'..'} strings, MySQL's backticks and
 * backslash escapes, Oracle's {@code q'[..]'}, SQL Server's {@code [brackets]} and {@code N'..'},
 * nested {@code /* /* *}{@code / *}{@code /} comments. Where dialects disagree it never lets one
 * statement's structure vanish into a literal or a comment: a string is first read with backslash
 * escapes (MySQL) and, when that leaves a quote open, again without (standard SQL); a quote that no
 * reading closes stays in the shape as a token, and what follows it keeps its words. Time and
 * memory are linear in the length of the SQL. Callers cache the result ({@link Shapes}).
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
        Scan mysql = new Scan(sql, true);
        if (!mysql.leftQuoteOpen) {
            return mysql.out;
        }
        Scan standard = new Scan(sql, false);
        return standard.leftQuoteOpen ? mysql.out : standard.out;
    }

    /** One pass over the SQL, with or without backslash escapes in plain strings. */
    private static final class Scan {
        private final String sql;
        private final int n;
        private final boolean backslashEscapes;
        final List<String> out = new ArrayList<>();
        /** A string literal ran to the end of the SQL unclosed. */
        boolean leftQuoteOpen;
        // Once a quote of a kind is found open to the end, later ones of that kind are plain tokens:
        // scanning to the end again for each would be quadratic in the length of the SQL.
        private boolean stringsUnbalanced;
        private boolean dollarsUnbalanced;
        private boolean alternativesUnbalanced;
        private boolean nestingUnbalanced;

        Scan(String sql, boolean backslashEscapes) {
            this.sql = sql;
            this.n = sql.length();
            this.backslashEscapes = backslashEscapes;
            run();
        }

        private void run() {
            int i = 0;
            while (i < n) {
                char c = sql.charAt(i);
                char next = i + 1 < n ? sql.charAt(i + 1) : '\0';
                if (Character.isWhitespace(c)) {
                    i++;
                } else if (c == '-' && next == '-') {
                    i = endOfLine(sql, i);
                } else if (c == '/' && next == '*') {
                    i = blockComment(i);
                } else if (c == '\'') {
                    i = string(i, i, backslashEscapes);
                } else if (c == '"' || c == '`') {
                    int end = endOfQuoted(sql, i, c, false);
                    out.add(sql.substring(i, end < 0 ? n : end)); // quoted identifiers keep their case
                    i = end < 0 ? n : end;
                } else if (c == '[' && isWordStart(next)) {
                    int end = sql.indexOf(']', i);
                    end = end < 0 ? n : end + 1;
                    out.add(sql.substring(i, end));
                    i = end;
                } else if (isDigit(c) || (c == '.' && isDigit(next))) {
                    i = number(i);
                } else if (c == '?') {
                    i = skipDigits(sql, i + 1); // ?1 style positional markers too
                    out.add(VALUE);
                } else if (c == '$' && isDigit(next)) {
                    i = skipDigits(sql, i + 1);
                    out.add(VALUE);
                } else if (c == '$' && !dollarsUnbalanced && (next == '$' || isWordStart(next))) {
                    i = dollarQuoted(i);
                } else if (c == ':' && (isWordStart(next) || isDigit(next)) && !previousIs(out, ":")) { // :name, Oracle's :1
                    i = endOfWord(sql, i + 1);
                    out.add(VALUE);
                } else if (isWordStart(c)) {
                    i = word(i);
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
        }

        /** A string literal whose opening quote is at {@code quote} (its prefix, if any, at {@code start}). */
        private int string(int start, int quote, boolean escapes) {
            int end = stringsUnbalanced ? -1 : endOfQuoted(sql, quote, '\'', escapes);
            if (end >= 0) {
                out.add(VALUE);
                return end;
            }
            // Open to the end: the quote is a token, and what follows it keeps its words.
            leftQuoteOpen = true;
            stringsUnbalanced = true;
            if (quote > start) {
                out.add(sql.substring(start, quote).toLowerCase(Locale.ROOT));
            }
            out.add("'");
            return quote + 1;
        }

        /**
         * The end of a block comment opening at {@code i}. PostgreSQL and SQL Server nest them, MySQL and
         * Oracle end them at the first {@code *}{@code /}: nested when the nesting closes, else at the first.
         */
        private int blockComment(int i) {
            if (nestingUnbalanced) {
                int first = sql.indexOf("*/", i + 2);
                return first < 0 ? n : first + 2;
            }
            int depth = 0;
            int j = i;
            while (j + 1 < n) {
                char c = sql.charAt(j);
                char next = sql.charAt(j + 1);
                if (c == '/' && next == '*') {
                    depth++;
                    j += 2;
                } else if (c == '*' && next == '/') {
                    j += 2;
                    if (--depth == 0) {
                        return j;
                    }
                } else {
                    j++;
                }
            }
            nestingUnbalanced = true; // from now on a comment ends at its first */, without scanning to the end again
            return blockComment(i);
        }

        /** {@code $$..$$} or {@code $tag$..$tag$}: a PostgreSQL string; else {@code $} is a token. */
        private int dollarQuoted(int i) {
            int tagEnd = i + 1;
            while (tagEnd < n && sql.charAt(tagEnd) != '$' && isWordPart(sql.charAt(tagEnd))) {
                tagEnd++;
            }
            if (tagEnd < n && sql.charAt(tagEnd) == '$') {
                String tag = sql.substring(i, tagEnd + 1);
                int close = sql.indexOf(tag, tagEnd + 1);
                if (close >= 0) {
                    out.add(VALUE);
                    return close + tag.length();
                }
                dollarsUnbalanced = true;
            }
            out.add("$");
            return i + 1;
        }

        private int word(int i) {
            int end = endOfWord(sql, i);
            if (end < n && sql.charAt(end) == '\'') {
                String prefix = sql.substring(i, end).toUpperCase(Locale.ROOT);
                if ((prefix.equals("Q") || prefix.equals("NQ")) && !alternativesUnbalanced) {
                    int close = endOfAlternativeQuote(sql, end);
                    if (close >= 0) {
                        out.add(VALUE);
                        return close;
                    }
                    alternativesUnbalanced = true;
                } else if (prefix.equals("E")) {
                    return string(i, end, true); // PostgreSQL's escape strings: backslashes always escape
                } else if (prefix.equals("N") || prefix.equals("X") || prefix.equals("B") || prefix.equals("U&")) {
                    return string(i, end, backslashEscapes);
                }
            }
            String word = sql.substring(i, end).toLowerCase(Locale.ROOT);
            out.add(word.equals("true") || word.equals("false") ? VALUE : word);
            return end;
        }

        /**
         * A number literal. Letters right after its digits are a one-letter type suffix
         * (Oracle's {@code 1.5f}, {@code 2d}) or, longer, part of a name that starts with digits
         * (MySQL allows {@code 1col}): never swallowed into the value, so {@code 1and} and
         * {@code 1or} stay apart.
         */
        private int number(int i) {
            int end = endOfNumber(sql, i);
            int letters = endOfWord(sql, end);
            if (letters == end) {
                out.add(VALUE);
                return end;
            }
            if (letters == end + 1 && "fFdD".indexOf(sql.charAt(end)) >= 0) {
                out.add(VALUE);
                return letters;
            }
            out.add(sql.substring(i, letters).toLowerCase(Locale.ROOT));
            return letters;
        }
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
                if (values && j < tokens.size() && (j - i) % 2 == 1) { // ends with a value, not a comma
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
        if (t.equals(",") || t.equals(")") || t.equals(".") || t.equals(";")
                || previous.equals("(") || previous.equals(".") || previous.equals("::")) {
            return false;
        }
        if (t.equals("::")) {
            return isOperator(previous.charAt(previous.length() - 1)); // "a::text", but "* ::", not one operator "*::"
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

    private static boolean startsComment(String sql, int i) {
        char c = sql.charAt(i);
        char next = i + 1 < sql.length() ? sql.charAt(i + 1) : '\0';
        return (c == '-' && next == '-') || (c == '/' && next == '*');
    }

    private static int endOfLine(String sql, int i) {
        int end = sql.indexOf('\n', i);
        return end < 0 ? sql.length() : end + 1;
    }

    /**
     * The end of a quoted run opening at {@code i}: past the closing quote, a doubled quote
     * standing for one; with {@code escapes}, a backslash escapes the next character. -1 when
     * the SQL ends first.
     */
    private static int endOfQuoted(String sql, int i, char quote, boolean escapes) {
        int n = sql.length();
        int j = i + 1;
        while (j < n) {
            char c = sql.charAt(j);
            if (c == '\\' && escapes && j + 1 < n) {
                j += 2;
            } else if (c == quote) {
                if (j + 1 < n && sql.charAt(j + 1) == quote) {
                    j += 2;
                } else {
                    return j + 1;
                }
            } else {
                j++;
            }
        }
        return -1;
    }

    /** Oracle's {@code q'[...]'}: the quote at {@code i}, then a delimiter of the writer's choice. -1 when unclosed. */
    private static int endOfAlternativeQuote(String sql, int i) {
        if (i + 1 >= sql.length()) {
            return -1;
        }
        char open = sql.charAt(i + 1);
        int pair = "[{<(".indexOf(open);
        char close = pair >= 0 ? "]}>)".charAt(pair) : open;
        int end = sql.indexOf(close + "'", i + 2);
        return end < 0 ? -1 : end + 2;
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
