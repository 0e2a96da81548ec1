package dev.nplusone.api;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
    void withoutTheAgentAClosedScopeSaysItWasNotRecorded() {
        NPlusOne.Scope scope = NPlusOne.scope("nightly job");
        scope.close();
        ScopeResult result = scope.result();
        assertEquals("manual", result.kind());
        assertEquals("nightly job", result.name());
        assertFalse(result.recorded());
        assertEquals(0, result.statements());
        assertFalse(result.findingsChecked(), "nobody checked: no finding list may pass for a clean one");
        assertTrue(result.findings().isEmpty());
        assertTrue(result.findings(Finding.Type.N_PLUS_ONE).isEmpty());
        assertEquals("manual scope 'nightly job': not recorded", result.toString());
    }

    @Test
    void aTestScopeIsOfKindTest() {
        NPlusOne.Scope scope = NPlusOne.testScope("com.acme.OrderTest#listsOrders");
        scope.close();
        assertEquals("test", scope.result().kind());
        assertEquals("com.acme.OrderTest#listsOrders", scope.result().name());
    }

    @Test
    void theResultIsReadAfterTheClose() {
        NPlusOne.Scope scope = NPlusOne.scope("nightly job");
        IllegalStateException open = assertThrows(IllegalStateException.class, scope::result);
        assertEquals("scope 'nightly job' is still open: close it before reading its result", open.getMessage());
        scope.close();
        ScopeResult first = scope.result();
        scope.close();
        assertSame(first, scope.result(), "a second close changes nothing");
    }

    @Test
    void aScopeNeedsAName() {
        assertThrows(IllegalArgumentException.class, () -> NPlusOne.scope(""));
        assertThrows(IllegalArgumentException.class, () -> NPlusOne.scope(null));
        assertThrows(IllegalArgumentException.class, () -> NPlusOne.testScope(""));
    }
}
