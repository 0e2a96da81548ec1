package dev.nplusone.scope.serialization;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.junit.jupiter.api.Test;

import java.io.StringWriter;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

/**
 * Paths read from real Jackson 2 and Jackson 3 generators, at the moments a lazy load would run:
 * in a getter (before Jackson writes the property's name), while Jackson sizes a collection (after
 * it), and inside an object that is itself being loaded (a to-one proxy).
 */
class JsonPathsTest {

    /** What the probes saw, in order. */
    private static final List<JsonPaths.Position> SEEN = new ArrayList<>();
    private static Object generator;
    private static Predicate<Object> loadingItself = value -> false;

    private static void probe() {
        SEEN.add(JsonPaths.locate(generator, loadingItself));
    }

    @JsonPropertyOrder({"name", "children", "tags", "owner"})
    public static final class Parent {
        private final Person owner = new Person();

        public String getName() {
            return "p";
        }

        /** A getter that queries, as a DTO's or a view's might. */
        public List<String> getChildren() {
            probe();
            return List.of("c");
        }

        /** A collection that loads when Jackson first asks its size, as a lazy Hibernate collection does. */
        public List<String> getTags() {
            return new AbstractList<>() {
                private boolean loaded;

                @Override
                public String get(int index) {
                    return "t";
                }

                @Override
                public int size() {
                    if (!loaded) {
                        probe();
                        loaded = true;
                    }
                    return 1;
                }
            };
        }

        public Person getOwner() {
            return owner;
        }
    }

    /** Stands for a to-one proxy: its getters load it. */
    @JsonPropertyOrder({"id", "name"})
    public static final class Person {
        public long getId() {
            return 7;
        }

        public String getName() {
            probe();
            return "n";
        }
    }

    public static final class Envelope {
        @JsonProperty("the parents")
        public List<Parent> getParents() {
            return List.of(new Parent());
        }
    }

    public record Row(long id, List<String> children) {
        @Override
        public List<String> children() {
            probe();
            return children;
        }
    }

    private static List<JsonPaths.Position> jackson2(Object value) throws Exception {
        SEEN.clear();
        com.fasterxml.jackson.databind.ObjectMapper mapper = new com.fasterxml.jackson.databind.ObjectMapper();
        try (com.fasterxml.jackson.core.JsonGenerator g = mapper.createGenerator(new StringWriter())) {
            generator = g;
            mapper.writeValue(g, value);
        }
        return new ArrayList<>(SEEN);
    }

    private static List<JsonPaths.Position> jackson3(Object value) {
        SEEN.clear();
        tools.jackson.databind.json.JsonMapper mapper = tools.jackson.databind.json.JsonMapper.builder().build();
        try (tools.jackson.core.JsonGenerator g = mapper.createGenerator(new StringWriter())) {
            generator = g;
            mapper.writeValue(g, value);
        }
        return new ArrayList<>(SEEN);
    }

    private static List<String> paths(List<JsonPaths.Position> positions) {
        List<String> paths = new ArrayList<>();
        positions.forEach(p -> paths.add(p.path()));
        return paths;
    }

    @Test
    void jackson2() throws Exception {
        loadingItself = value -> false;
        List<JsonPaths.Position> seen = jackson2(List.of(new Parent(), new Parent()));
        assertEquals(List.of("$[*].children", "$[*].tags", "$[*].owner.name", "$[*].children", "$[*].tags", "$[*].owner.name"), paths(seen));
        assertEquals("children", seen.get(0).property(), "the getter's property, not the one written before it");
        assertEquals(Parent.class, seen.get(0).holder().getClass());
    }

    @Test
    void jackson3() {
        loadingItself = value -> false;
        assertEquals(List.of("$[*].children", "$[*].tags", "$[*].owner.name"), paths(jackson3(List.of(new Parent()))));
    }

    @Test
    void anObjectThatIsItselfLoadingEndsThePathAndNamesItsHolder() throws Exception {
        loadingItself = value -> value instanceof Person;
        for (List<JsonPaths.Position> seen : List.of(jackson2(List.of(new Parent())), jackson3(List.of(new Parent())))) {
            JsonPaths.Position owner = seen.get(2);
            assertEquals("$[*].owner", owner.path());
            assertEquals("owner", owner.property());
            assertSame(Parent.class, owner.holder().getClass());
        }
    }

    @Test
    void namesThatAreNoIdentifiersAreQuoted() throws Exception {
        loadingItself = value -> false;
        assertEquals("$['the parents'][*].children", jackson2(new Envelope()).get(0).path());
        assertEquals("$['the parents'][*].children", jackson3(new Envelope()).get(0).path());
    }

    @Test
    void aRecordAccessorNamesItsComponent() throws Exception {
        loadingItself = value -> false;
        assertEquals(List.of("$[*].children"), paths(jackson2(List.of(new Row(1, List.of())))));
        assertEquals(List.of("$[*].children"), paths(jackson3(List.of(new Row(1, List.of())))));
    }

    @Test
    void aGeneratorWithoutContextsHasNoPosition() {
        assertNull(JsonPaths.locate("not a generator", value -> false));
    }
}
