package dev.nplusone.jfr;

import dev.nplusone.api.ReportFormat;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/**
 * One scope instance, as it closed: the statements it ran. Named as the JSON report's scope fields
 * ({@link ReportFormat.Scope}): over the events of one kind and name, their count is the report's
 * {@code instances}, their sum its {@code statements.total}, their largest its {@code statements.max}.
 */
@Name(ScopeSummaryEvent.NAME)
@Label("N+1 Scope Summary")
@Category("nplusone")
@Description("A unit of work (an HTTP request, a job, a test...) closed, with the statements it ran")
@StackTrace(false)
public final class ScopeSummaryEvent extends Event {

    public static final String NAME = "nplusone.ScopeSummary";

    @Label("Name")
    String name;

    @Label("Kind")
    @Description("http, serialization, manual, test, job or message")
    String kind;

    @Label("Statements")
    @Description("Statements the instance ran, those of scopes nested in it included")
    long statements;
}
