package dev.nplusone.scope.propagation;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

/** What the agent remembers of tasks and exchanges: by identity, taken once, let go with the object. */
class WeakIdentityMapTest {

    /** Equal but distinct: the map must tell them apart. */
    private static final class Task {
        @Override
        public boolean equals(Object other) {
            return other instanceof Task;
        }

        @Override
        public int hashCode() {
            return 1;
        }
    }

    @Test
    void anObjectIsFoundByIdentityAndTakenOnce() {
        WeakIdentityMap<String> map = new WeakIdentityMap<>();
        Task a = new Task();
        Task b = new Task();
        map.put(a, "a");
        map.put(b, "b");
        assertEquals("b", map.take(b));
        assertNull(map.take(b), "taken: gone");
        assertSame("a", map.take(a));
        assertNull(map.take(new Task()));
    }

    @Test
    void entriesOfCollectedObjectsGo() throws InterruptedException {
        WeakIdentityMap<String> map = new WeakIdentityMap<>();
        for (int i = 0; i < 10_000; i++) {
            map.put(new Task(), "never run");
        }
        for (int attempt = 0; attempt < 50 && map.size() > 0; attempt++) {
            System.gc();
            Thread.sleep(10);
        }
        assertEquals(0, map.size(), "tasks that never ran are not kept alive, nor their entries");
    }
}
