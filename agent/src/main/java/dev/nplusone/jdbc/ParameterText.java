package dev.nplusone.jdbc;

import net.ttddyy.dsproxy.QueryInfo;
import net.ttddyy.dsproxy.proxy.ParameterSetOperation;

import java.util.List;

/**
 * Parameter values as text, for users who turned on the {@code params} option. Off by default:
 * parameter values are often personal data.
 */
final class ParameterText {

    static final int MAX_LENGTH = 200;

    private ParameterText() {
    }

    static String of(List<QueryInfo> queries) {
        StringBuilder sb = new StringBuilder("[");
        List<List<ParameterSetOperation>> sets = queries.get(0).getParametersList();
        if (!sets.isEmpty()) {
            List<ParameterSetOperation> first = sets.get(0);
            for (int i = 0; i < first.size(); i++) {
                Object[] args = first.get(i).getArgs();
                if (i > 0) {
                    sb.append(", ");
                }
                Object value = args.length > 1 ? args[1] : null;
                sb.append(value instanceof CharSequence ? "'" + value + "'" : String.valueOf(value));
                if (sb.length() > MAX_LENGTH) {
                    sb.setLength(MAX_LENGTH);
                    sb.append("...");
                    break;
                }
            }
            if (sets.size() > 1) {
                sb.append("] and ").append(sets.size() - 1).append(" more sets");
                return sb.toString();
            }
        }
        return sb.append(']').toString();
    }
}
