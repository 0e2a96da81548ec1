package dev.nplusone.testkit;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A child JVM to start: which java, what to run (a main class on a class path, or {@code -jar}),
 * with which options and arguments, and with or without an agent. Each child works in a directory of
 * its own under the module's {@code target/it-work} ({@value #WORK_DIR_PROPERTY}), emptied when it
 * starts, where its command, standard output and standard error stay for a look after a failure.
 *
 * <pre>{@code
 * JvmResult result = JvmLauncher.named("orm").classpath(classpath).mainClass(App.class.getName())
 *         .agent(agentJar, "report=" + reportFile).run().assertCleanRun();
 * }</pre>
 */
public final class JvmLauncher {

    /** The directory the children's directories are made in; every module's pom sets it to target/it-work. */
    public static final String WORK_DIR_PROPERTY = "nplusone.it.workDir";
    /** Generous: a child normally ends within seconds; this only stops a hung one. */
    private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(90);

    private final String name;
    private final Path dir;
    private Path javaHome = Path.of(System.getProperty("java.home"));
    private List<Path> classpath = List.of();
    private String mainClass;
    private Path jar;
    private final List<String> jvmOptions = new ArrayList<>();
    private final List<String> args = new ArrayList<>();
    private String agent; // the whole -javaagent option; null: none
    private Duration timeout = DEFAULT_TIMEOUT;

    private JvmLauncher(String name, Path dir) {
        this.name = name;
        this.dir = dir;
    }

    /** A child named {@code name}, which is also its directory's name under {@link #workRoot()}. */
    public static JvmLauncher named(String name) {
        return new JvmLauncher(name, workRoot().resolve(name));
    }

    /** Where the children's directories are: {@value #WORK_DIR_PROPERTY}. */
    public static Path workRoot() {
        return BuildProperties.path(WORK_DIR_PROPERTY);
    }

    /** The JDK to run; by default the one running the tests. */
    public JvmLauncher javaHome(Path home) {
        this.javaHome = home;
        return this;
    }

    public JvmLauncher classpath(List<Path> entries) {
        this.classpath = List.copyOf(entries);
        return this;
    }

    /** Runs {@code java -cp <class path> <main class>}. */
    public JvmLauncher mainClass(String className) {
        this.mainClass = className;
        this.jar = null;
        return this;
    }

    /** Runs {@code java -jar <jar>} instead of a main class; the class path is then the jar's own. */
    public JvmLauncher jar(Path executableJar) {
        this.jar = executableJar;
        this.mainClass = null;
        return this;
    }

    /** Options before the main class or jar, after the agent: {@code -D...}, {@code -XX:...}, other agents. */
    public JvmLauncher jvmOptions(String... options) {
        jvmOptions.addAll(List.of(options));
        return this;
    }

    /** Arguments after the main class or jar. */
    public JvmLauncher args(String... values) {
        args.addAll(List.of(values));
        return this;
    }

    /** Attaches an agent at start: {@code -javaagent:<jar>=<argument>}, or without {@code =} when the argument is empty. */
    public JvmLauncher agent(Path agentJar, String argument) {
        this.agent = "-javaagent:" + agentJar + (argument.isEmpty() ? "" : "=" + argument);
        return this;
    }

    /** How long {@link RunningJvm#await} waits for the child to end before it kills it and fails. */
    public JvmLauncher timeout(Duration limit) {
        this.timeout = limit;
        return this;
    }

    public String name() {
        return name;
    }

    /** This child's own directory; emptied when it starts. */
    public Path dir() {
        return dir;
    }

    /** Starts the child, waits for its end and returns what it left behind. */
    public JvmResult run() {
        return start().await();
    }

    /**
     * Starts the child and returns at once, for an application that runs until it is told to stop
     * ({@link RunningJvm#stop}) or that the test talks to while it runs.
     */
    public RunningJvm start() {
        try {
            recreate(dir);
            List<String> command = command();
            Files.writeString(dir.resolve("command.txt"), String.join("\n", command) + "\n");
            Process process = new ProcessBuilder(command)
                    .directory(dir.toFile())
                    // Nothing to read: a child that waits for input must not hang on the tests' own.
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectOutput(dir.resolve(RunningJvm.STDOUT).toFile())
                    .redirectError(dir.resolve(RunningJvm.STDERR).toFile())
                    .start();
            return new RunningJvm(name, dir, process, timeout);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name, e);
        }
    }

    /** The command line, as {@link #start} runs it (and writes it to command.txt). */
    public List<String> command() {
        if (mainClass == null && jar == null) {
            throw new IllegalStateException(name + ": neither a main class nor a jar to run");
        }
        List<String> command = new ArrayList<>();
        command.add(javaHome.resolve("bin").resolve("java").toString());
        // Not what is tested, only a quicker start: children are short-lived, the machine has few cores.
        command.add("-XX:TieredStopAtLevel=1");
        command.add("-XX:+UseSerialGC");
        if (agent != null) {
            command.add(agent);
        }
        command.addAll(jvmOptions);
        if (jar != null) {
            command.add("-jar");
            command.add(jar.toString());
        } else {
            command.add("-cp");
            command.add(classpath.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator)));
            command.add(mainClass);
        }
        command.addAll(args);
        return command;
    }

    private static void recreate(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> all = Files.walk(dir)) {
                for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        Files.createDirectories(dir);
    }
}
