package dev.nplusone.testkit;

/** Lines that {@link SourceLineTest} finds by their marker comments. */
final class MarkedSource {

    private MarkedSource() {
    }

    static int outer() {
        return 1; // marker: in the outer class
    }

    static final class Inner {

        private Inner() {
        }

        static int inner() {
            return 2; // marker: in the nested class
        }
    }

    static int twice() {
        return 3; // marker: twice
    }

    static int again() {
        return 4; // marker: twice
    }
}
