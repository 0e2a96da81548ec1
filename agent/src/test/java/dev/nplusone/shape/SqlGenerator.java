package dev.nplusone.shape;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Random SQL-like statements for {@link ShapeFuzzTest}: sequences of tokens, each of one kind
 * (keyword, name, operator, punctuation, literal of some dialect, comment), rendered with random
 * whitespace and comments in between. A statement can be re-rendered with other literals, other
 * comments, other whitespace and other letter case (its shape must stay), or with one structural
 * token changed (its shape must change).
 *
 * <p>Not grammatical SQL: the normalizer is a scanner, and token soup tells more about a scanner
 * than a few valid statements do. Every token is separated from the next by whitespace or a comment,
 * as in SQL written by people and by ORMs.
 */
final class SqlGenerator {

    enum Kind { KEYWORD, NAME, OPERATOR, PUNCT, LITERAL, IN_LIST }

    static final class Token {
        final Kind kind;
        final String text; // for literals and IN lists: unused, drawn anew at each rendering
        final int size;    // an IN list's length

        Token(Kind kind, String text, int size) {
            this.kind = kind;
            this.text = text;
            this.size = size;
        }
    }

    static final String[] KEYWORDS = {
        "select", "from", "where", "and", "or", "not", "join", "left", "on", "in", "is", "null", "like",
        "order", "by", "group", "having", "limit", "offset", "as", "union", "all", "insert", "into", "values",
        "update", "set", "delete", "case", "when", "then", "else", "end", "exists", "between", "distinct",
        "returning", "with", "fetch", "first", "rows", "only", "top", "for",
    };
    static final String[] OPERATORS = {"=", "<", ">", "<=", ">=", "<>", "!=", "+", "-", "*", "/", "||", "%", "::"};
    static final String[] PUNCT = {"(", ")", ",", ".", ";"};
    static final String NAME_START = "abcdefghijklmnopqrstuvwxyz_\u00e9\u00df\u03bb\u0436";
    static final String NAME_PART = NAME_START + "0123456789";
    /** Characters a literal's or a comment's content is drawn from: every quote and comment opener, unicode, an emoji. */
    static final String[] CONTENT = {
        "a", "b", "Z", " ", "'", "\"", "`", "$", "-", "--", "/", "*", "/*", "#", ";", "[", "]", "(", ")", "?", ":",
        "\u00e9", "\u4e2d", "\ud83d\ude00", "\u0000", "\t", "1", "\\n", "%", "@", "E'", "q'",
    };

    private final Random random;

    SqlGenerator(long seed) {
        this.random = new Random(seed);
    }

    /** A statement of 1 to {@code maxTokens} tokens. */
    List<Token> statement(int maxTokens) {
        int length = 1 + random.nextInt(maxTokens);
        List<Token> tokens = new ArrayList<>(length);
        for (int i = 0; i < length; i++) {
            boolean afterCast = !tokens.isEmpty() && "::".equals(tokens.get(tokens.size() - 1).text);
            tokens.add(afterCast ? name() : token());
        }
        return tokens;
    }

    private Token token() {
        switch (random.nextInt(10)) {
            case 0:
            case 1:
                return new Token(Kind.KEYWORD, pick(KEYWORDS), 0);
            case 2:
            case 3:
                return name();
            case 4:
                return new Token(Kind.OPERATOR, pick(OPERATORS), 0);
            case 5:
                return new Token(Kind.PUNCT, pick(PUNCT), 0);
            case 6:
                return new Token(Kind.IN_LIST, null, 1 + random.nextInt(5));
            default:
                return new Token(Kind.LITERAL, null, 0);
        }
    }

    private Token name() {
        switch (random.nextInt(6)) {
            case 0:
                return new Token(Kind.NAME, "\"" + content(8, "\"").replace("\"", "\"\"") + "N\"", 0);
            case 1:
                return new Token(Kind.NAME, "`" + content(8, "`") + "T`", 0);
            case 2:
                return new Token(Kind.NAME, "[" + letters(1) + content(6, "]") + "]", 0);
            default:
                return new Token(Kind.NAME, letters(1 + random.nextInt(10)), 0);
        }
    }

    /** The statement as text, with fresh literals, comments, spacing and letter case. */
    String render(List<Token> tokens) {
        StringBuilder sb = new StringBuilder();
        if (random.nextInt(4) == 0) {
            sb.append(comment());
        }
        for (int i = 0; i < tokens.size(); i++) {
            if (i > 0) {
                sb.append(separator());
            }
            Token t = tokens.get(i);
            switch (t.kind) {
                case LITERAL:
                    sb.append(literal());
                    break;
                case IN_LIST:
                    sb.append(random.nextBoolean() ? "in" : "IN").append(separator()).append('(');
                    for (int v = 0; v < t.size; v++) {
                        sb.append(v > 0 ? "," + separator() : separator()).append(literal());
                    }
                    sb.append(separator()).append(')');
                    break;
                case KEYWORD:
                case NAME:
                    sb.append(t.text.startsWith("\"") || t.text.startsWith("`") || t.text.startsWith("[") ? t.text : randomCase(t.text));
                    break;
                default:
                    sb.append(t.text);
            }
        }
        if (random.nextInt(4) == 0) {
            sb.append(separator()).append(comment());
        }
        return sb.toString();
    }

    /**
     * The statement with one structural token changed: a keyword, name, operator or punctuation
     * replaced by a different one, or taken out; null when it has none.
     */
    List<Token> mutate(List<Token> tokens) {
        List<Integer> structural = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            boolean cast = "::".equals(tokens.get(i).text) || (i > 0 && "::".equals(tokens.get(i - 1).text));
            if (tokens.get(i).kind != Kind.LITERAL && tokens.get(i).kind != Kind.IN_LIST && !cast) {
                structural.add(i); // a cast and its type stay together: a type is not a bind marker's name
            }
        }
        if (structural.isEmpty() || tokens.size() == 1) {
            return null;
        }
        int at = structural.get(random.nextInt(structural.size()));
        Token old = tokens.get(at);
        List<Token> mutated = new ArrayList<>(tokens);
        if (random.nextInt(4) == 0) {
            mutated.remove(at);
            return mutated;
        }
        Token replacement;
        do {
            replacement = old.kind == Kind.NAME ? name() : old.kind == Kind.KEYWORD ? new Token(Kind.KEYWORD, pick(KEYWORDS), 0)
                    : old.kind == Kind.OPERATOR ? new Token(Kind.OPERATOR, pick(OPERATORS), 0) : new Token(Kind.PUNCT, pick(PUNCT), 0);
        } while (replacement.text.equalsIgnoreCase(old.text) || "::".equals(replacement.text));
        mutated.set(at, replacement);
        return mutated;
    }

    /** A value in one of the dialects' notations. */
    String literal() {
        switch (random.nextInt(16)) {
            case 0:
                return Integer.toString(random.nextInt(100_000));
            case 1:
                return random.nextInt(1000) + "." + random.nextInt(1000);
            case 2:
                return random.nextInt(10) + "e" + (random.nextBoolean() ? "-" : "") + random.nextInt(30);
            case 3:
                return "'" + stringContent().replace("'", "''") + "'";
            case 4:
                return (random.nextBoolean() ? "N'" : "n'") + stringContent().replace("'", "''") + "'";
            case 5:
                return "E'" + stringContent().replace("\\", "\\\\").replace("'", "\\'") + "'";
            case 6:
                return "$$" + content(12, "$") + "$$";
            case 7:
                String tag = "$" + letters(1 + random.nextInt(4)) + "$";
                return tag + content(12, "$") + tag;
            case 8:
                return "q'[" + content(12, "]") + "]'";
            case 9:
                return "0x" + Long.toHexString(random.nextLong() >>> 8);
            case 10:
                return "X'" + Long.toHexString(random.nextLong() >>> 8) + "'";
            case 11:
                return random.nextBoolean() ? "TRUE" : "false";
            case 12:
                return "?";
            case 13:
                return ":" + letters(1 + random.nextInt(6));
            case 14:
                return "$" + (1 + random.nextInt(20));
            default:
                return "?" + (1 + random.nextInt(9));
        }
    }

    /**
     * A plain string's content: anything, except a backslash right before a quote or at the end,
     * where MySQL and standard SQL read a different end of the string (see the normalizer).
     */
    private String stringContent() {
        String s = content(12, "");
        return s.replace("\\'", "\\x'").endsWith("\\") ? s.replace("\\'", "\\x'") + "x" : s.replace("\\'", "\\x'");
    }

    private String comment() {
        switch (random.nextInt(3)) {
            case 0:
                return "/*" + commentContent(10) + "*/";
            case 1:
                return "/* outer /*" + commentContent(6) + "*/ still outer */";
            default:
                return "--" + content(10, "\n").replace("\n", " ").replace("\r", " ") + "\n";
        }
    }

    /** No comment opener or closer, and no slash before the closing one, which would open a nested comment. */
    private String commentContent(int max) {
        String s = content(max, "*/").replace("/*", "/ *");
        return s.endsWith("/") ? s + "x" : s;
    }

    private String separator() {
        switch (random.nextInt(8)) {
            case 0:
                return "\n";
            case 1:
                return "\t ";
            case 2:
                return "   ";
            case 3:
                return " " + comment() + " ";
            default:
                return " ";
        }
    }

    /** Up to {@code max} pieces of {@link #CONTENT}, with every occurrence of {@code forbidden} broken up. */
    private String content(int max, String forbidden) {
        StringBuilder sb = new StringBuilder();
        int pieces = random.nextInt(max + 1);
        for (int i = 0; i < pieces; i++) {
            sb.append(pick(CONTENT).replace("\\n", "\n"));
        }
        String s = sb.toString();
        if (!forbidden.isEmpty()) {
            while (s.contains(forbidden)) {
                s = s.replace(forbidden, "x");
            }
        }
        return s;
    }

    private String letters(int length) {
        StringBuilder sb = new StringBuilder();
        sb.append(NAME_START.charAt(random.nextInt(NAME_START.length())));
        for (int i = 1; i < length; i++) {
            sb.append(NAME_PART.charAt(random.nextInt(NAME_PART.length())));
        }
        String s = sb.toString();
        return s.equals("true") || s.equals("false") || s.equals("q") || s.equals("nq") || s.equals("e") || s.equals("n")
                || s.equals("x") || s.equals("b") ? s + "_" : s;
    }

    private String randomCase(String word) {
        switch (random.nextInt(3)) {
            case 0:
                return word.chars().allMatch(c -> c < 128) ? word.toUpperCase(Locale.ROOT) : word; // ß is not SS
            case 1:
                return word;
            default:
                StringBuilder sb = new StringBuilder();
                for (char c : word.toCharArray()) {
                    sb.append(c < 128 && random.nextBoolean() ? Character.toUpperCase(c) : c);
                }
                return sb.toString();
        }
    }

    /** A string of random characters, biased to the ones that open quotes and comments. */
    String junk(int maxLength) {
        StringBuilder sb = new StringBuilder();
        int length = random.nextInt(maxLength + 1);
        while (sb.length() < length) {
            if (random.nextInt(3) == 0) {
                sb.append((char) random.nextInt(0x10000)); // lone surrogates included
            } else {
                sb.append(pick(CONTENT));
            }
        }
        return sb.toString();
    }

    private String pick(String[] options) {
        return options[random.nextInt(options.length)];
    }
}
