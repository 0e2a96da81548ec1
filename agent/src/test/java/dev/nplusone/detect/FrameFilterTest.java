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
        String top = sites.stack(fingerprints[0]).stream()
                .filter(frame -> frame.startsWith(FrameFilterTest.class.getName())).findFirst().orElseThrow();
        assertEquals(true, top.startsWith(FrameFilterTest.class.getName() + ".callSitesTellTwoLinesApart(FrameFilterTest.java:"), top);
    }
}
