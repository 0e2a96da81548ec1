package dev.nplusone.maven;

import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginExecution;
import org.apache.maven.project.MavenProject;
import org.codehaus.plexus.util.xml.Xpp3Dom;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Keeps the nplusone agent's own classes out of JaCoCo's coverage data. JaCoCo's agent instruments
 * every class it sees loaded: in a test JVM with both agents, about a thousand classes of the
 * nplusone agent's isolated loader (Byte Buddy and the rest, shaded) went into jacoco.exec. JaCoCo's
 * agent leaves alone the class loaders its {@code exclclassloader} option names, and the classes its
 * {@code excludes} option names; this adds the agent's to a JaCoCo {@code -javaagent} token already
 * in the test JVMs' arguments, or to the property JaCoCo's prepare-agent reads when it comes later.
 */
final class Jacoco {

    static final String PLUGIN_KEY = "org.jacoco:jacoco-maven-plugin";
    /**
     * The agent's class loaders, as a pattern of JaCoCo's: the loader of everything it bundles
     * ({@code dev.nplusone.boot.AgentClassLoader}, nearly all of its classes), and those Byte Buddy,
     * bundled and renamed, creates for the few classes it generates.
     */
    static final String AGENT_LOADERS = "dev.nplusone.*";
    /** The few classes the JVM loads from the agent jar to start the agent, before that loader exists. */
    static final String BOOT_CLASSES = "dev.nplusone.boot.*";
    /** JaCoCo's default value of exclclassloader, which a value of ours replaces, so it is kept. */
    static final String DEFAULT_EXCLUDED_LOADERS = "sun.reflect.DelegatingClassLoader";
    /** The user property of jacoco-maven-plugin's {@code exclClassLoaders} parameter. */
    static final String EXCL_CLASS_LOADERS = "jacoco.exclClassLoaders";

    private static final String JAVAAGENT = "-javaagent:";

    private Jacoco() {
    }

    static boolean inBuild(MavenProject project) {
        return plugin(project) != null;
    }

    /** Whether these JVM arguments hold JaCoCo's agent. */
    static boolean holdsAgent(String jvmArguments) {
        return !tokens(jvmArguments).isEmpty();
    }

    /**
     * These JVM arguments with each JaCoCo {@code -javaagent} token told to leave the agent's
     * classes alone: its loader added to {@code exclclassloader}, its start-up classes to
     * {@code excludes}. The same string when it holds no such token, or they already do.
     */
    static String excludeAgent(String jvmArguments) {
        List<int[]> tokens = tokens(jvmArguments);
        StringBuilder out = new StringBuilder(jvmArguments);
        // From the last, so that the offsets of the earlier ones stay right.
        for (int i = tokens.size() - 1; i >= 0; i--) {
            int start = tokens.get(i)[0];
            int end = tokens.get(i)[1];
            out.replace(start, end, excluded(jvmArguments.substring(start, end)));
        }
        return out.toString();
    }

    /** Whether a list of class loader names, separated by ':', holds the agent's. */
    static boolean excludesAgent(String loaders) {
        return List.of(loaders.split(":")).contains(AGENT_LOADERS);
    }

    /** A list of class loader names with the agent's added, separated by ':' as JaCoCo reads them. */
    static String withAgentLoaders(String loaders) {
        if (loaders == null || loaders.isBlank()) {
            return DEFAULT_EXCLUDED_LOADERS + ":" + AGENT_LOADERS;
        }
        return excludesAgent(loaders) ? loaders : loaders.trim() + ":" + AGENT_LOADERS;
    }

    /** The value of {@code <exclClassLoaders>} in JaCoCo's plugin configuration (plugin-wide or of an execution), or null. */
    static String configuredExclClassLoaders(MavenProject project) {
        Plugin plugin = plugin(project);
        if (plugin == null) {
            return null;
        }
        String found = child(plugin.getConfiguration());
        for (PluginExecution execution : plugin.getExecutions()) {
            String value = child(execution.getConfiguration());
            found = value != null ? value : found;
        }
        return found;
    }

    private static String child(Object configuration) {
        if (configuration instanceof Xpp3Dom) {
            Xpp3Dom child = ((Xpp3Dom) configuration).getChild("exclClassLoaders");
            return child == null ? null : child.getValue();
        }
        return null;
    }

    private static Plugin plugin(MavenProject project) {
        for (Plugin plugin : project.getBuildPlugins()) {
            if (PLUGIN_KEY.equals(plugin.getKey())) {
                return plugin;
            }
        }
        return null;
    }

    /** Start and end of each JaCoCo -javaagent token (without its quotes). */
    private static List<int[]> tokens(String arguments) {
        List<int[]> found = new ArrayList<>();
        if (arguments == null) {
            return found;
        }
        for (int start = arguments.indexOf(JAVAAGENT); start >= 0; start = arguments.indexOf(JAVAAGENT, start + 1)) {
            // JaCoCo puts a token holding a space in double quotes, and escapes none inside them.
            boolean quoted = start > 0 && arguments.charAt(start - 1) == '"';
            int end = start;
            while (end < arguments.length() && (quoted ? arguments.charAt(end) != '"' : !Character.isWhitespace(arguments.charAt(end)))) {
                end++;
            }
            String token = arguments.substring(start, end);
            int eq = token.indexOf('=');
            String jar = (eq < 0 ? token : token.substring(0, eq)).toLowerCase(Locale.ROOT);
            if (jar.contains("org.jacoco.agent") || jar.endsWith("jacocoagent.jar")) {
                found.add(new int[] {start, end});
            }
        }
        return found;
    }

    private static String excluded(String token) {
        int eq = token.indexOf('=');
        String jar = eq < 0 ? token : token.substring(0, eq);
        List<String> options = new ArrayList<>();
        if (eq >= 0 && eq + 1 < token.length()) {
            options.addAll(List.of(token.substring(eq + 1).split(",")));
        }
        add(options, "exclclassloader", AGENT_LOADERS, DEFAULT_EXCLUDED_LOADERS + ":");
        add(options, "excludes", BOOT_CLASSES, "");
        return jar + "=" + String.join(",", options);
    }

    // Adds a ':'-separated entry to option key, or the option with the default before it.
    private static void add(List<String> options, String key, String entry, String defaultBefore) {
        for (int i = 0; i < options.size(); i++) {
            String option = options.get(i);
            if (option.startsWith(key + "=")) {
                String value = option.substring(key.length() + 1);
                if (!List.of(value.split(":")).contains(entry)) {
                    options.set(i, option + (value.isEmpty() ? "" : ":") + entry);
                }
                return;
            }
        }
        options.add(key + "=" + defaultBefore + entry);
    }
}
