package dev.nplusone.jdbc;

import net.ttddyy.dsproxy.QueryInfo;
import net.ttddyy.dsproxy.proxy.ParameterSetOperation;

import java.util.Arrays;
import java.util.List;

/**
 * A 64-bit hash of a statement's SQL text and parameter values: equal for two executions of the
 * same statement with the same values. Duplicate detection compares these; the values themselves
 * are never kept.
 */
final class StatementKeys {

    private StatementKeys() {
    }

    static long of(List<QueryInfo> queries) {
        long h = 1125899906842597L;
        for (int q = 0; q < queries.size(); q++) {
            QueryInfo query = queries.get(q);
            h = mix(h, query.getQuery() == null ? 0 : query.getQuery().hashCode());
            List<List<ParameterSetOperation>> sets = query.getParametersList();
            for (int s = 0; s < sets.size(); s++) {
                List<ParameterSetOperation> operations = sets.get(s);
                for (int o = 0; o < operations.size(); o++) {
                    Object[] args = operations.get(o).getArgs();
                    for (int a = 0; a < args.length; a++) {
                        h = mix(h, valueHash(args[a]));
                    }
                }
                h = mix(h, 31);
            }
        }
        return h;
    }

    private static int valueHash(Object value) {
        if (value == null) {
            return 0;
        }
        if (value instanceof byte[]) {
            return Arrays.hashCode((byte[]) value);
        }
        if (value instanceof Object[]) {
            return Arrays.deepHashCode((Object[]) value);
        }
        if (value instanceof Number || value instanceof CharSequence || value instanceof Boolean
                || value instanceof java.util.Date || value instanceof java.time.temporal.Temporal
                || value instanceof java.util.UUID || value instanceof Character || value instanceof Enum) {
            return value.hashCode();
        }
        // Streams, LOBs and application types: identity, so two of them never look identical.
        return System.identityHashCode(value);
    }

    private static long mix(long h, long v) {
        h = (h ^ v) * 0x9E3779B97F4A7C15L;
        return h ^ (h >>> 31);
    }
}
