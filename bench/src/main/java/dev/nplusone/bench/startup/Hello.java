package dev.nplusone.bench.startup;

/** The trivial main of the start-up figure: a JVM that starts, prints a line, and exits. */
public final class Hello {

    private Hello() {
    }

    public static void main(String[] args) {
        System.out.println("hello");
    }
}
