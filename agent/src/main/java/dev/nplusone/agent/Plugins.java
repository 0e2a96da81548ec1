package dev.nplusone.agent;

import dev.nplusone.hook.Hook;
import dev.nplusone.jdbc.JdbcHook;
import dev.nplusone.orm.Orm;
import dev.nplusone.orm.eclipselink.EclipseLinkOrm;
import dev.nplusone.orm.hibernate.HibernateOrm;
import dev.nplusone.scope.http.JdkHttpServerHook;
import dev.nplusone.scope.http.ServletHook;
import dev.nplusone.scope.job.JobHook;
import dev.nplusone.scope.message.MessageListenerHook;
import dev.nplusone.scope.propagation.TaskHook;
import dev.nplusone.scope.serialization.JacksonHook;
import dev.nplusone.scope.test.TestMethodHook;

import java.util.ArrayList;
import java.util.List;

/**
 * Everything the agent hooks, in one place: a new library to watch is a package of its own (its
 * hook and advice) and one line here.
 */
final class Plugins {

    /** ORMs whose lazy loads a finding can name. */
    static final List<Orm> ORMS = List.of(
            new HibernateOrm(), new EclipseLinkOrm());

    /** Where statements come from and where units of work begin and end. */
    static final List<Hook> HOOKS = List.of(
            new JdbcHook(),
            ServletHook.JAKARTA,
            ServletHook.JAVAX,
            new JdkHttpServerHook(),
            new JacksonHook(),
            new JobHook(),
            new MessageListenerHook(),
            new TestMethodHook(),
            new TaskHook());

    private Plugins() {
    }

    /** What the ORMs add to the application's entities, for the frame filter. */
    static List<String> generatedMethodPrefixes() {
        List<String> prefixes = new ArrayList<>();
        for (Orm orm : ORMS) {
            if (orm.generatedMethodPrefix() != null) {
                prefixes.add(orm.generatedMethodPrefix());
            }
        }
        return prefixes;
    }

    /** Whether a class is one of the registered ORMs' own. */
    static boolean isOrmClass(Class<?> type) {
        for (Orm orm : ORMS) {
            if (orm.isOwnClass(type)) {
                return true;
            }
        }
        return false;
    }

    /** The hooks, then each ORM's. */
    static List<Hook> hooks() {
        return hooks(true);
    }

    /** As {@link #hooks()}; without the executors' hook when scopes are not to cross threads ({@code propagate=false}). */
    static List<Hook> hooks(boolean propagate) {
        List<Hook> all = new ArrayList<>(HOOKS);
        if (!propagate) {
            all.removeIf(hook -> hook instanceof TaskHook);
        }
        for (Orm orm : ORMS) {
            all.add(orm.hook());
        }
        return all;
    }
}
