package dev.nplusone.testkit;

import java.util.Arrays;

/** The child the launcher's tests start: {@code echo <args>}, {@code exit <code>}, {@code serve} or {@code hang}. */
public final class ChildApp {

    private ChildApp() {
    }

    public static void main(String[] args) throws InterruptedException {
        switch (args[0]) {
            case "echo" -> {
                Arrays.stream(args).skip(1).forEach(System.out::println);
                System.out.println("property: " + System.getProperty("testkit.property"));
                System.err.println("on standard error");
            }
            case "exit" -> System.exit(Integer.parseInt(args[1]));
            case "serve" -> {
                Runtime.getRuntime().addShutdownHook(new Thread(() -> System.out.println("shutdown hook ran")));
                System.out.println("child: listening on http://127.0.0.1:4711");
                Thread.sleep(Long.MAX_VALUE);
            }
            case "hang" -> Thread.sleep(Long.MAX_VALUE);
            default -> throw new IllegalArgumentException(args[0]);
        }
    }
}
