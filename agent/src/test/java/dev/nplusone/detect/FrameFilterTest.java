package dev.nplusone.detect;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class FrameFilterTest {

    @Test
    void classifiesJdkFrameworkAndApplicationFrames() {
        FrameFilter filter = new FrameFilter(List.of(), null, List.of("$$_hibernate_", "_persistence_"));
        assertEquals(FrameFilter.Kind.PLUMBING, filter.kind(String.class, "valueOf"));
        assertEquals(FrameFilter.Kind.INFRASTRUCTURE, filter.kind(org.junit.jupiter.api.Test.class, "x"));
        assertEquals(FrameFilter.Kind.APPLICATION, filter.kind(FrameFilterTest.class, "x"));
        assertEquals(FrameFilter.Kind.INFRASTRUCTURE, filter.kind(FrameFilterTest.class, "$$_hibernate_read_attendees"));
        assertEquals(FrameFilter.Kind.INFRASTRUCTURE, filter.kind(FrameFilterTest.class, "_persistence_get_organization"));
        assertEquals(FrameFilter.Kind.APPLICATION, new FrameFilter(List.of(), null).kind(FrameFilterTest.class, "_persistence_get_x"),
                "only what a registered ORM generates");
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
}
