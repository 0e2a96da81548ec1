package dev.nplusone.detect;

/**
 * What a statement does, read from its shape's first word: a query returns rows (it may have
 * loaded an N+1's parents); a write changes them (a loop of writes is batchable, not an N+1);
 * anything else (DDL, calls, session settings) is neither.
 */
enum StatementKind {
    QUERY, WRITE, OTHER;

    /** @param shape a normalized shape: comments gone, unquoted words lower-cased */
    static StatementKind of(String shape) {
        int start = 0;
        while (start < shape.length() && (shape.charAt(start) == '(' || shape.charAt(start) == ' ')) {
            start++;
        }
        int end = start;
        while (end < shape.length() && Character.isLetter(shape.charAt(end))) {
            end++;
        }
        switch (shape.substring(start, end)) {
            case "select":
            case "with":
            case "values":
            case "table":
                return QUERY;
            case "insert":
            case "update":
            case "delete":
            case "merge":
            case "upsert":
            case "replace":
                return WRITE;
            default:
                return OTHER;
        }
    }
}
