package dev.nplusone.jfr;

import dev.nplusone.api.ReportFormat;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;
import jdk.jfr.Timespan;

/**
 * One finding in one scope instance, as it closed. The fields are named as the JSON report's
 * ({@link ReportFormat.Finding}); those that the report adds up over instances hold this instance's
 * share, so that adding them up over the events gives the report's.
 */
@Name(FindingEvent.NAME)
@Label("N+1 Finding")
@Category("nplusone")
@Description("A statement repeated in one scope instance: an N+1, a duplicate or batchable writes")
@StackTrace(false) // the event's own stack would be the agent's; the application's frames are in 'stack'
public final class FindingEvent extends Event {

    public static final String NAME = "nplusone.Finding";

    @Label("Type")
    @Description("n_plus_one, duplicate or batchable")
    String type;

    @Label("Scope")
    @Description("The outermost scope's name")
    String scope;

    @Label("Path")
    @Description("Scope names from the outermost to the one the statements ran in, joined by ' > '")
    String path;

    @Label("Shape")
    @Description("The statement with its values removed")
    String shape;

    @Label("Repetitions")
    @Description("Executions in the group, the first included")
    long repetitions;

    @Label("Executions")
    @Description("Executions at this location in the scope instance; over all events, the report's totalRepetitions")
    long totalRepetitions;

    @Label("Location")
    String location;

    @Label("Location Kind")
    @Description("application, or framework when no application frame was on the stack")
    String locationKind;

    @Label("Stack")
    @Description("The application frames, innermost first, one a line")
    String stack;

    @Label("Trigger")
    @Description("The query that loaded the parent rows")
    String trigger;

    @Label("Association")
    String association;

    @Label("Association Kind")
    String associationKind;

    @Label("JSON Path")
    String jsonPath;

    @Label("Hint")
    String hint;

    @Label("Time in the Database")
    @Timespan(Timespan.MILLISECONDS)
    long timeMillis;

    @Label("Parameters")
    @Description("Parameter values of one execution; only with params=true")
    String parameters;
}
