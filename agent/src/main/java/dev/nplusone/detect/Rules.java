package dev.nplusone.detect;

import dev.nplusone.orm.Association;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The three rules of {@code docs/detection.md}, applied to what one scope instance recorded:
 *
 * <ul>
 *   <li><b>N+1</b>: a query shape run {@code threshold} times or more from one call site, with differing values;</li>
 *   <li><b>batchable</b>: a write shape run {@code threshold} times or more from one call site;</li>
 *   <li><b>duplicate</b>: one query run twice or more with the same values, from any call sites.</li>
 * </ul>
 *
 * Findings at one location (a helper's loop reached from two call sites) are one finding: reports
 * name locations, not stacks.
 */
final class Rules {

    private Rules() {
    }

    static List<Finding> apply(Iterable<ShapeGroup> groups, ParentQueries parents, int threshold) {
        Map<String, Finding> byLocation = new LinkedHashMap<>();
        for (ShapeGroup group : groups) {
            for (SiteGroup site : group.sites) {
                if (group.kind == StatementKind.WRITE && site.executions >= threshold) {
                    merge(byLocation, new Finding(Finding.Type.BATCHABLE, site.path.names(), group.shape, site.executions,
                            site.stackOrEmpty(), null, site.nanos, site.parameters, site.attribution, Hints.batchable(group.shape)));
                } else if (group.kind != StatementKind.WRITE && site.isNPlusOne(threshold)) {
                    Association association = site.attribution.association();
                    ParentQueries.Parents from = parents.of(group, association);
                    merge(byLocation, new Finding(Finding.Type.N_PLUS_ONE, site.path.names(), group.shape, site.executions,
                            site.stackOrEmpty(), from.trigger, site.nanos, site.parameters, site.attribution,
                            Hints.nPlusOne(group.shape, association, from.fetchFrom, from.fetchPath)));
                }
            }
            for (ShapeGroup.Duplicate duplicate : group.duplicates) {
                SiteGroup site = duplicate.site;
                merge(byLocation, new Finding(Finding.Type.DUPLICATE, site.path.names(), group.shape,
                        group.identical.get(duplicate.statementKey), site.stackOrEmpty(),
                        parents.of(group, site.attribution.association()).trigger, site.nanos, duplicate.parameters,
                        site.attribution, Hints.duplicate()));
            }
        }
        return new ArrayList<>(byLocation.values());
    }

    private static void merge(Map<String, Finding> findings, Finding finding) {
        String key = finding.type() + " " + finding.location() + " " + finding.shape();
        Finding same = findings.get(key);
        findings.put(key, same == null ? finding : same.plus(finding));
    }
}
