package dev.nplusone.html;

import dev.nplusone.gate.FindingTotal;
import dev.nplusone.gate.Reports;
import dev.nplusone.gate.ScopeTotal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The page's markup, from the reports: a summary, the findings table (each row followed by its
 * hidden detail row), a bar per scope, and each report's own summary. Rendered here rather than by
 * the script, so that everything is readable with scripts off; the script only sorts and expands.
 *
 * <p>Every string from a report passes {@link Html#escape}; ids and links are made of numbers only.
 */
final class HtmlPage {

    /** Width of a bar's drawing, in SVG user units; the bar is scaled to the page. */
    private static final int BAR_UNITS = 1000;
    /** Scopes a report's own summary draws, the worst; the page's scope view has them all. */
    private static final int REPORT_SCOPES_SHOWN = 10;

    private final ReportSet reports;
    private final SourceSnippet sources;
    private final StringBuilder out = new StringBuilder(64 * 1024);
    private final boolean several;

    HtmlPage(ReportSet reports, SourceSnippet sources) {
        this.reports = reports;
        this.sources = sources;
        this.several = reports.each().size() > 1;
    }

    /** The body's content. */
    String body(String title) {
        header(title);
        out.append("<main>\n");
        summary();
        findings();
        scopes();
        perReport();
        out.append("</main>\n");
        return out.toString();
    }

    private void header(String title) {
        List<MergedFinding> findings = reports.findings();
        out.append("<header>\n<h1>").append(Html.escape(title)).append("</h1>\n<nav>")
                .append("<a href=\"#findings\">Findings (").append(findings.size()).append(")</a> ")
                .append("<a href=\"#scopes\">Scopes (").append(reports.merged().scopes().size()).append(")</a> ")
                .append("<a href=\"#reports\">Reports (").append(reports.each().size()).append(")</a>")
                .append("</nav>\n</header>\n");
    }

    private void summary() {
        Reports merged = reports.merged();
        out.append("<section id=\"summary\" aria-label=\"Summary\">\n<dl class=\"summary\">\n");
        if (several) {
            item("Reports", Long.toString(reports.each().size()), "reports");
        }
        item("Scopes", merged.scopes().size() + " names, " + merged.scopeInstances() + " instances", "scopes");
        item("Statements", merged.statements() + " (" + merged.unscoped() + " outside any scope)", "statements");
        item("Findings", Long.toString(reports.findings().size()), "findings");
        for (Map.Entry<String, Integer> type : byType(reports.findings()).entrySet()) {
            item(Types.name(type.getKey()), Integer.toString(type.getValue()), "type-" + Types.rank(type.getKey()));
        }
        if (merged.cappedScopeInstances() > 0) {
            item("Capped", merged.cappedScopeInstances() + " scope instances reached their memory budget", "capped");
        }
        out.append("</dl>\n</section>\n");
    }

    private void item(String term, String value, String name) {
        out.append("<div data-summary=\"").append(Html.escape(name)).append("\"><dt>").append(Html.escape(term))
                .append("</dt><dd>").append(Html.escape(value)).append("</dd></div>\n");
    }

    private static Map<String, Integer> byType(List<MergedFinding> findings) {
        Map<String, Integer> counts = new TreeMap<>(Comparator.comparingInt(Types::rank).thenComparing(t -> t));
        for (MergedFinding f : findings) {
            counts.merge(f.first().type(), 1, Integer::sum);
        }
        return counts;
    }

    // --- findings ------------------------------------------------------------------------------

    private void findings() {
        List<MergedFinding> findings = reports.findings();
        out.append("<section id=\"findings\">\n<h2>Findings</h2>\n");
        if (findings.isEmpty()) {
            out.append("<p class=\"empty\">No findings.</p>\n</section>\n");
            return;
        }
        out.append("<p class=\"help\">Click a column to sort, a row to see its stack, the query before it and the fix.")
                .append(several ? " Findings are merged across reports by type, scope, statement and method." : "")
                .append("</p>\n<table id=\"findings-table\" class=\"findings\">\n<thead><tr><th scope=\"col\"><span class=\"visually-hidden\">Details</span></th>");
        column("Scope", "text");
        column("Type", "number");
        column("Statement", "text");
        column("Repetitions", "number");
        column("Occurrences", "number");
        column("Location", "text");
        column("Association", "text");
        if (several) {
            column("Reports", "number");
        }
        column("Time (ms)", "number");
        out.append("</tr></thead>\n<tbody>\n");
        int columns = several ? 10 : 9;
        for (int i = 0; i < findings.size(); i++) {
            row(i + 1, findings.get(i), columns);
        }
        out.append("</tbody>\n</table>\n</section>\n");
    }

    private void column(String name, String kind) {
        out.append("<th scope=\"col\" data-kind=\"").append(kind).append("\" aria-sort=\"none\"><button type=\"button\">")
                .append(Html.escape(name)).append("</button></th>");
    }

    private void row(int n, MergedFinding m, int columns) {
        FindingTotal f = m.first();
        String id = "finding-" + n;
        out.append("<tr class=\"finding\" id=\"").append(id).append("\" data-detail=\"").append(id).append("-detail\">");
        out.append("<td><button type=\"button\" class=\"toggle\" aria-expanded=\"false\" aria-controls=\"").append(id)
                .append("-detail\" aria-label=\"Details\">&#9656;</button></td>");
        cell(String.join(" > ", f.path()), f.scope(), "scope");
        out.append("<td data-sort=\"").append(Types.rank(f.type())).append("\"><span class=\"type type-").append(Types.rank(f.type()))
                .append("\">").append(Html.escape(Types.name(f.type()))).append("</span></td>");
        cell(f.shape(), f.shape(), "shape");
        number(m.repetitions());
        number(m.occurrences());
        cell(f.location(), shortLocation(f.location()), "location");
        String association = f.association() == null ? "" : f.association();
        cell(association, shortAssociation(association), "association");
        if (several) {
            int in = m.reports().size();
            out.append("<td class=\"num\" data-sort=\"").append(in).append("\">").append(in).append(" of ").append(reports.each().size())
                    .append("</td>");
        }
        number(m.timeMillis());
        out.append("</tr>\n<tr class=\"detail\" id=\"").append(id).append("-detail\" hidden><td colspan=\"").append(columns).append("\">");
        detail(m);
        out.append("</td></tr>\n");
    }

    /** A text cell: sorted by {@code full}, showing {@code shown}, with the full text as its title when they differ. */
    private void cell(String full, String shown, String name) {
        out.append("<td class=\"").append(name).append("\" data-sort=\"").append(Html.escape(full)).append('"');
        if (!full.equals(shown)) {
            out.append(" title=\"").append(Html.escape(full)).append('"');
        }
        out.append('>').append(Html.escape(shown)).append("</td>");
    }

    private void number(long value) {
        out.append("<td class=\"num\" data-sort=\"").append(value).append("\">").append(value).append("</td>");
    }

    private void detail(MergedFinding m) {
        FindingTotal f = m.first();
        out.append("<div class=\"detail-body\">\n<dl>\n");
        term("Scope path", String.join(" > ", f.path()));
        out.append("<dt>Statement</dt><dd><pre class=\"sql\">").append(Html.escape(f.shape())).append("</pre></dd>\n");
        if (f.trigger() != null) {
            out.append("<dt>After the query</dt><dd><pre class=\"sql trigger\">").append(Html.escape(f.trigger())).append("</pre></dd>\n");
        }
        if (f.association() != null) {
            term("Association", f.association() + (f.associationKind() == null ? "" : " (" + f.associationKind() + ")"));
        }
        if (f.jsonPath() != null) {
            term("JSON path", f.jsonPath());
        }
        if (f.hint() != null) {
            out.append("<dt>Fix</dt><dd class=\"hint\">").append(Html.escape(f.hint())).append("</dd>\n");
        }
        if (f.parameters() != null) {
            term("Parameters", f.parameters());
        }
        term("Executions", m.repetitions() + " at most in one scope instance; " + m.totalRepetitions() + " over " + m.occurrences()
                + " instance" + (m.occurrences() == 1 ? "" : "s") + "; " + m.timeMillis() + " ms in the database");
        if (f.locationKind() != null && !f.atApplicationCode()) {
            term("Location", "no application frame was on the stack: these are the framework's frames that called into the data access");
        }
        seenIn(m);
        out.append("</dl>\n<h4>Stack</h4>\n<pre class=\"stack\">");
        for (String frame : f.stack()) {
            out.append("at ").append(Html.escape(frame)).append('\n');
        }
        out.append("</pre>\n");
        source(f.location());
        out.append("</div>");
    }

    private void term(String term, String value) {
        out.append("<dt>").append(Html.escape(term)).append("</dt><dd>").append(Html.escape(value)).append("</dd>\n");
    }

    private void seenIn(MergedFinding m) {
        if (!several) {
            return;
        }
        out.append("<dt>Seen in</dt><dd>").append(m.reports().size()).append(" of ").append(reports.each().size())
                .append(" reports<ul class=\"seen-in\">");
        for (MergedFinding.Appearance a : m.appearances()) {
            out.append("<li><a href=\"#report-").append(a.report + 1).append("\">").append(Html.escape(name(a.report))).append("</a>: ")
                    .append(a.finding.occurrences()).append(" instance").append(a.finding.occurrences() == 1 ? "" : "s").append(", ")
                    .append(a.finding.repetitions()).append(" executions at most in one, at ").append(Html.escape(a.finding.location()));
            if (a.finding.path().size() > 1) {
                out.append(" in ").append(Html.escape(String.join(" > ", a.finding.path())));
            }
            out.append("</li>");
        }
        out.append("</ul></dd>\n");
    }

    private void source(String location) {
        List<SourceSnippet.Line> lines = sources.around(location);
        if (lines.isEmpty()) {
            return;
        }
        out.append("<h4>Source <span class=\"file\">").append(Html.escape(sources.shown(location))).append("</span></h4>\n")
                .append("<pre class=\"source\">");
        int width = Integer.toString(lines.get(lines.size() - 1).number).length();
        for (SourceSnippet.Line line : lines) {
            String number = String.format("%" + width + "d", line.number);
            // Each line a block of its own, so no line break between them.
            out.append(line.at ? "<mark class=\"at\">" : "<span>").append(number).append("  ").append(Html.escape(line.text))
                    .append(line.at ? "</mark>" : "</span>");
        }
        out.append("</pre>\n");
    }

    /** {@code com.acme.Mapper.toDto(Mapper.java:42)} as {@code Mapper.toDto(Mapper.java:42)}. */
    static String shortLocation(String location) {
        int paren = location.indexOf('(');
        String method = paren < 0 ? location : location.substring(0, paren);
        int methodDot = method.lastIndexOf('.');
        int classDot = methodDot < 0 ? -1 : method.lastIndexOf('.', methodDot - 1);
        return classDot < 0 ? location : location.substring(classDot + 1);
    }

    /** {@code com.acme.Event.attendees} as {@code Event.attendees}; each of several candidates so. */
    static String shortAssociation(String association) {
        List<String> parts = new ArrayList<>();
        for (String candidate : association.split(" or ", -1)) {
            int last = candidate.lastIndexOf('.');
            int before = last < 0 ? -1 : candidate.lastIndexOf('.', last - 1);
            parts.add(before < 0 ? candidate : candidate.substring(before + 1));
        }
        return String.join(" or ", parts);
    }

    // --- scopes ---------------------------------------------------------------------------------

    private void scopes() {
        List<ScopeTotal> scopes = worstFirst(reports.merged());
        out.append("<section id=\"scopes\">\n<h2>Statements per scope</h2>\n");
        if (scopes.isEmpty()) {
            out.append("<p class=\"empty\">No scope closed.</p>\n</section>\n");
            return;
        }
        out.append("<p class=\"help\">The most statements one instance of each scope ran, worst first.</p>\n");
        bars(scopes, "scope-bars");
        out.append("</section>\n");
    }

    private void bars(List<ScopeTotal> scopes, String id) {
        long worst = Math.max(1, scopes.get(0).maxStatements());
        out.append("<ol class=\"bars\" id=\"").append(id).append("\">\n");
        for (ScopeTotal s : scopes) {
            long width = Math.max(1, Math.round((double) BAR_UNITS * s.maxStatements() / worst));
            out.append("<li data-max=\"").append(s.maxStatements()).append("\"><span class=\"bar-label\"><span class=\"kind\">")
                    .append(Html.escape(s.kind())).append("</span> ").append(Html.escape(s.name())).append("</span>")
                    .append("<svg class=\"bar\" viewBox=\"0 0 ").append(BAR_UNITS).append(" 10\" preserveAspectRatio=\"none\" role=\"img\"")
                    .append(" aria-label=\"").append(s.maxStatements()).append(" statements\"><rect width=\"").append(width)
                    .append("\" height=\"10\"/></svg><span class=\"bar-value\">").append(s.maxStatements()).append(" max, ")
                    .append(s.statements()).append(" in ").append(s.instances()).append(" instance").append(s.instances() == 1 ? "" : "s")
                    .append("</span></li>\n");
        }
        out.append("</ol>\n");
    }

    private static List<ScopeTotal> worstFirst(Reports r) {
        List<ScopeTotal> scopes = new ArrayList<>(r.scopes());
        scopes.sort(Comparator.comparingLong(ScopeTotal::maxStatements).reversed().thenComparing(ScopeTotal::name));
        return scopes;
    }

    // --- each report ----------------------------------------------------------------------------

    private void perReport() {
        List<MergedFinding> findings = reports.findings();
        out.append("<section id=\"reports\">\n<h2>Reports</h2>\n");
        for (int i = 0; i < reports.each().size(); i++) {
            Reports r = reports.each().get(i);
            out.append("<article class=\"report\" id=\"report-").append(i + 1).append("\">\n<h3>").append(Html.escape(name(i)))
                    .append("</h3>\n<p class=\"meta\">");
            if (r.generated() != null) {
                out.append("written ").append(Html.escape(r.generated()));
            }
            if (r.pid() > 0) {
                out.append(" by process ").append(r.pid());
            }
            out.append("</p>\n<dl class=\"summary\">\n");
            item("Scopes", r.scopes().size() + " names, " + r.scopeInstances() + " instances", "scopes");
            item("Statements", r.statements() + " (" + r.unscoped() + " outside any scope)", "statements");
            item("Findings", Long.toString(r.findings().size()), "findings");
            out.append("</dl>\n");
            List<String> links = new ArrayList<>();
            for (int n = 0; n < findings.size(); n++) {
                for (MergedFinding.Appearance a : findings.get(n).appearances()) {
                    if (a.report == i) {
                        links.add("<li><a href=\"#finding-" + (n + 1) + "\">" + Html.escape(Types.name(a.finding.type())) + " in "
                                + Html.escape(a.finding.scope()) + "</a>: " + a.finding.repetitions() + " at most in one instance, at "
                                + Html.escape(a.finding.location()) + "</li>");
                    }
                }
            }
            if (!links.isEmpty()) {
                out.append("<ul class=\"report-findings\">").append(String.join("", links)).append("</ul>\n");
            }
            List<ScopeTotal> scopes = worstFirst(r);
            if (!scopes.isEmpty()) {
                bars(scopes.subList(0, Math.min(REPORT_SCOPES_SHOWN, scopes.size())), "report-" + (i + 1) + "-bars");
            }
            if (scopes.size() > REPORT_SCOPES_SHOWN) {
                out.append("<p class=\"help\">and ").append(scopes.size() - REPORT_SCOPES_SHOWN).append(" more scopes</p>\n");
            }
            out.append("</article>\n");
        }
        out.append("</section>\n");
    }

    /** A report's name: its file, below the directory that holds all of them. */
    private String name(int report) {
        return reports.name(report);
    }
}
