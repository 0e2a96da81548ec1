package dev.nplusone.api;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Without the agent (the agent's own tests cover the API with it attached, through the bridge). */
class NPlusOneTest {

    @Test
    void withoutTheAgentAScopeIsANoOp() {
        assertFalse(NPlusOne.agentAttached());
        try (NPlusOne.Scope scope = NPlusOne.scope("nightly job")) {
            assertFalse(NPlusOne.agentAttached());
        }
    }

    @Test
    void aScopeNeedsAName() {
        assertThrows(IllegalArgumentException.class, () -> NPlusOne.scope(""));
        assertThrows(IllegalArgumentException.class, () -> NPlusOne.scope(null));
    }
}
