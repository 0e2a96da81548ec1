package dev.nplusone.junit;

import org.junit.jupiter.api.extension.ExtendWith;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * How many statements a test may run, and whether an N+1, a duplicate query or batchable writes fail it.
 *
 * <pre>{@code
 * @Test
 * @QueryBudget(maxQueries = 10)
 * void listsOrders() { ... }
 * }</pre>
 *
 * <p>On a test method, or on a test class for all its test methods; a method's own annotation
 * replaces the class's. The annotation alone registers {@link NPlusOneExtension}. Only the test
 * method's own invocation is measured ({@code @BeforeEach} and other set-up methods are not), and
 * only statements run on the test's thread: see {@code docs/junit.md}.
 */
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(NPlusOneExtension.class)
public @interface QueryBudget {

    /** The value of {@link #maxQueries()} that sets no limit. */
    int UNLIMITED = -1;

    /** The most statements the test method may run (a batch counts once); {@link #UNLIMITED} by default. */
    int maxQueries() default UNLIMITED;

    /** Whether an N+1 query fails the test. */
    boolean failOnNPlusOne() default true;

    /** Whether the same statement run twice with the same parameters fails the test. */
    boolean failOnDuplicate() default false;

    /** Whether one insert, update or delete run repeatedly from one call site (one JDBC batch would do) fails the test. */
    boolean failOnBatchable() default false;
}
