package dev.nplusone.detect;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class FrameFilterTest {

    @Test
    void classifiesJdkFrameworkAndApplicationFrames() {
        FrameFilter filter = new FrameFilter(List.of(), null);
        assertEquals(FrameFilter.Kind.PLUMBING, filter.kind(String.class, "valueOf"));
        assertEquals(FrameFilter.Kind.INFRASTRUCTURE, filter.kind(org.junit.jupiter.api.Test.class, "x"));
        assertEquals(FrameFilter.Kind.APPLICATION, filter.kind(FrameFilterTest.class, "x"));
        assertEquals(FrameFilter.Kind.INFRASTRUCTURE, filter.kind(FrameFilterTest.class, "$$_hibernate_read_attendees"));
        assertEquals(FrameFilter.Kind.INFRASTRUCTURE, filter.kind(FrameFilterTest.class, "_persistence_get_organization"));
    }

    @Test
    void namedPackagesArePreferred() {
        FrameFilter filter = new FrameFilter(List.of("dev.nplusone.detect."), null);
        assertEquals(FrameFilter.Kind.PREFERRED, filter.kind(FrameFilterTest.class, "x"));
    }

    @Test
    void theAgentsOwnClassesAreNeverTheApplication() {
        FrameFilter filter = new FrameFilter(List.of(), FrameFilterTest.class.getClassLoader());
        assertEquals(FrameFilter.Kind.PLUMBING, filter.kind(FrameFilterTest.class, "x"));
    }

    @Test
    void callSitesTellTwoLinesApart() {
        CallSites sites = new CallSites(new FrameFilter(List.of(), null));
        long[] fingerprints = new long[3];
        for (int i = 0; i < 2; i++) {
            fingerprints[i] = sites.fingerprint(); // the same line, twice
        }
        fingerprints[2] = sites.fingerprint();   // another line
        assertEquals(fingerprints[0], fingerprints[1]);
        org.junit.jupiter.api.Assertions.assertNotEquals(fingerprints[0], fingerprints[2]);
        // Outside the agent's class loader the agent's own frames show too; skip them here.
        String top = sites.stack(fingerprints[0]).frames().stream()
                .filter(frame -> frame.startsWith(FrameFilterTest.class.getName())).findFirst().orElseThrow();
        assertEquals(true, top.startsWith(FrameFilterTest.class.getName() + ".callSitesTellTwoLinesApart(FrameFilterTest.java:"), top);
    }

    @Test
    void aRecursionIsOneCallSiteAtEveryDepth() {
        CallSites sites = new CallSites(new FrameFilter(List.of(), null));
        java.util.Set<Long> direct = new java.util.HashSet<>();
        loadTree(sites, 0, direct);
        assertEquals(1, direct.size(), "the same line reached at depths 0 to 4");
        java.util.Set<Long> indirect = new java.util.HashSet<>();
        visit(sites, 0, indirect);
        assertEquals(1, indirect.size(), "a recursion through another method too");
        org.junit.jupiter.api.Assertions.assertFalse(direct.equals(indirect), "two recursions stay two call sites");
    }

    private static void loadTree(CallSites sites, int depth, java.util.Set<Long> seen) {
        seen.add(sites.fingerprint()); // "select the children of this node"
        if (depth < 4) {
            loadTree(sites, depth + 1, seen);
        }
    }

    private static void visit(CallSites sites, int depth, java.util.Set<Long> seen) {
        seen.add(sites.fingerprint());
        if (depth < 4) {
            children(sites, depth, seen);
        }
    }

    private static void children(CallSites sites, int depth, java.util.Set<Long> seen) {
        visit(sites, depth + 1, seen);
    }

    @Test
    void bridgeMethodsAreLeftOutOfStacks() {
        java.util.function.Function<String, List<String>> lookup = new Lookup();
        List<String> stack = lookup.apply("en");
        assertEquals(1, stack.stream().filter(frame -> frame.startsWith(Lookup.class.getName() + ".apply(")).count(), stack::toString);
    }

    @Test
    void theLocationIsTheInnermostApplicationFrameHoweverDeepItLies() throws Exception {
        // As Spring puts hundreds of frames between a controller and the driver: 300 calls deep.
        CallSites sites = new CallSites(new FrameFilter(List.of(FrameFilterTest.class.getName()), null));
        long fingerprint = DeepStack.down(sites, 300);
        String location = sites.stack(fingerprint).frames().get(0);
        assertEquals(true, location.startsWith(FrameFilterTest.class.getName() + ".theLocationIsTheInnermostApplicationFrameHoweverDeepItLies("),
                location);
    }
}

/** A generic interface's implementation: called through it, the compiler's bridge method is on the stack too. */
final class Lookup implements java.util.function.Function<String, List<String>> {
    private final CallSites sites = new CallSites(new FrameFilter(List.of(), null));

    @Override
    public List<String> apply(String key) {
        return sites.stack(sites.fingerprint()).frames();
    }
}

/** Frames between the test and the stack walk, none of them in the test's class. */
final class DeepStack {
    private DeepStack() {
    }

    static long down(CallSites sites, int depth) {
        return depth == 0 ? sites.fingerprint() : down(sites, depth - 1);
    }
}
