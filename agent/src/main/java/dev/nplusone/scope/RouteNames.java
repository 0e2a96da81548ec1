package dev.nplusone.scope;

/**
 * Names an HTTP scope so that all requests to one route aggregate: {@code GET /events/{id}}.
 *
 * <p>When the framework knows the route template (Spring MVC's best matching pattern) it is used
 * as it is; otherwise path segments that are numbers or UUIDs become {@code {id}}.
 */
public final class RouteNames {

    static final String ID = "{id}";

    private RouteNames() {
    }

    public static String name(String method, String path) {
        return (method == null ? "?" : method) + " " + normalize(path);
    }

    static String normalize(String path) {
        if (path == null || path.isEmpty()) {
            return "/";
        }
        StringBuilder out = new StringBuilder(path.length());
        int start = 0;
        while (start <= path.length()) {
            int slash = path.indexOf('/', start);
            int end = slash < 0 ? path.length() : slash;
            String segment = path.substring(start, end);
            out.append(isIdentifier(segment) ? ID : segment);
            if (slash < 0) {
                break;
            }
            out.append('/');
            start = slash + 1;
        }
        return out.toString();
    }

    private static boolean isIdentifier(String segment) {
        return isNumber(segment) || isUuid(segment);
    }

    private static boolean isNumber(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    // 8-4-4-4-12 hexadecimal digits
    private static boolean isUuid(String s) {
        if (s.length() != 36) {
            return false;
        }
        for (int i = 0; i < 36; i++) {
            char c = s.charAt(i);
            boolean dash = i == 8 || i == 13 || i == 18 || i == 23;
            if (dash ? c != '-' : Character.digit(c, 16) < 0) {
                return false;
            }
        }
        return true;
    }
}
