package dev.nplusone.scope.serialization;

import dev.nplusone.hook.ClassSieve;
import dev.nplusone.hook.Hook;
import net.bytebuddy.agent.builder.AgentBuilder;

import static net.bytebuddy.matcher.ElementMatchers.isAbstract;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.nameEndsWith;
import static net.bytebuddy.matcher.ElementMatchers.namedOneOf;
import static net.bytebuddy.matcher.ElementMatchers.not;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

/**
 * Jackson 2 and 3: each top-level write of a mapper or writer is a serialization scope, and the
 * generator writing each value is marked for the JSON path of a repeated statement.
 */
public final class JacksonHook implements Hook {

    /** What a top-level write is called on, in Jackson 2 and in Jackson 3. */
    static final String[] MAPPERS = {
        "com.fasterxml.jackson.databind.ObjectMapper", "com.fasterxml.jackson.databind.ObjectWriter",
        "tools.jackson.databind.ObjectMapper", "tools.jackson.databind.ObjectWriter",
    };

    /** What serializes a value in Jackson 2 and in Jackson 3. */
    static final String[] SERIALIZERS = {
        "com.fasterxml.jackson.databind.ser.DefaultSerializerProvider", "tools.jackson.databind.ser.SerializationContextExt",
    };

    @Override
    public ClassSieve sieve() {
        return ClassSieve.named(MAPPERS).or(ClassSieve.named(SERIALIZERS));
    }

    @Override
    public AgentBuilder install(AgentBuilder agent, AgentBuilder.Transformer.ForAdvice advice) {
        return agent
                .type(namedOneOf(MAPPERS))
                .transform(advice
                        .advice(namedOneOf("writeValueAsString", "writeValueAsBytes").and(takesArguments(1)), ValueFirstAdvice.class.getName())
                        .advice(named("writeValue").and(takesArguments(2)), ValueSecondAdvice.class.getName()))
                .type(namedOneOf(SERIALIZERS))
                .transform(advice.advice(namedOneOf("serializeValue", "serializePolymorphic").and(not(isAbstract()))
                        .and(takesArgument(0, nameEndsWith(".core.JsonGenerator"))), GeneratorAdvice.class.getName()));
    }
}
