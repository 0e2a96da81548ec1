package dev.nplusone.maven;

import org.apache.maven.artifact.Artifact;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

import java.io.File;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Sets a project property, {@code argLine} unless told otherwise, so that the JVMs Surefire and
 * Failsafe fork for tests run with the nplusone agent and write one JSON report each into
 * {@code reportDirectory}.
 */
@Mojo(name = "prepare-agent", defaultPhase = LifecyclePhase.INITIALIZE, threadSafe = true)
public class PrepareAgentMojo extends AbstractMojo {

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    private MavenProject project;

    @Parameter(defaultValue = "${session}", readonly = true, required = true)
    private MavenSession session;

    @Parameter(defaultValue = "${plugin.artifactMap}", readonly = true, required = true)
    private Map<String, Artifact> pluginArtifactMap;

    /** The project property to set; a value it already has stays in front of the agent's. */
    @Parameter(property = "nplusone.propertyName", defaultValue = "argLine", required = true)
    private String propertyName;

    /** Where each test JVM writes its report, {@code nplusone-<pid>.json}. */
    @Parameter(property = "nplusone.reportDirectory", defaultValue = "${project.build.directory}/nplusone", required = true)
    private File reportDirectory;

    /**
     * More agent options, one {@code key=value} each ({@code threshold=3},
     * {@code packages=com.acme;org.shop}, {@code params=true}, {@code log=summary}...). See
     * docs/options.md; {@code report} is the plugin's.
     */
    @Parameter(property = "nplusone.options")
    private List<String> options;

    /** Set nothing and keep old reports. */
    @Parameter(property = "nplusone.skip", defaultValue = "false")
    private boolean skip;

    @Override
    public void execute() throws MojoExecutionException {
        Properties properties = project.getProperties();
        if (skip) {
            getLog().info("Skipping nplusone: skip is true");
            // A pom that writes <argLine>@{argLine} ...</argLine> would otherwise hand the
            // test JVM the literal text "@{argLine}".
            if (properties.getProperty(propertyName) == null) {
                properties.setProperty(propertyName, "");
            }
            return;
        }
        String token = AgentArgument.of(AgentJar.find(pluginArtifactMap), reportDirectory, options);
        deleteStaleReports();
        String value = AgentArgument.appended(properties.getProperty(propertyName), token);
        properties.setProperty(propertyName, value);
        getLog().info(propertyName + " set to " + value);
        if (commandLine(propertyName) != null) {
            getLog().warn("-D" + propertyName + " is given on the command line, and Maven lets it win over the project property,"
                    + " so test JVMs may run without the agent; put such options into the pom, or give them in another property");
        }
        keepOutOfJacoco(properties);
    }

    /**
     * JaCoCo's agent would record about a thousand classes of this agent in its coverage data (see
     * {@link Jacoco}). When JaCoCo's prepare-agent ran before this one, its token is in a property:
     * it is told there. When it runs after, it reads {@code jacoco.exclClassLoaders}, set here.
     */
    private void keepOutOfJacoco(Properties properties) {
        boolean tokenSeen = false;
        for (String name : properties.stringPropertyNames()) {
            String value = properties.getProperty(name);
            if (Jacoco.holdsAgent(value)) {
                tokenSeen = true;
                String excluded = Jacoco.excludeAgent(value);
                if (!excluded.equals(value)) {
                    properties.setProperty(name, excluded);
                    getLog().info("JaCoCo's agent in " + name + " told to leave nplusone's classes out of its coverage data:"
                            + " exclclassloader " + Jacoco.AGENT_LOADERS + ", excludes " + Jacoco.BOOT_CLASSES);
                }
            }
        }
        if (tokenSeen || !Jacoco.inBuild(project)) {
            return;
        }
        String given = commandLine(Jacoco.EXCL_CLASS_LOADERS);
        String configured = Jacoco.configuredExclClassLoaders(project);
        if (given != null && !Jacoco.excludesAgent(given)) {
            getLog().warn("-D" + Jacoco.EXCL_CLASS_LOADERS + "=" + given + " does not exclude the nplusone agent's class loaders ("
                    + Jacoco.AGENT_LOADERS + "), so JaCoCo will record the agent's own classes in its coverage data; add them: -D"
                    + Jacoco.EXCL_CLASS_LOADERS + "=" + Jacoco.withAgentLoaders(given));
        } else if (given == null && configured != null && !Jacoco.excludesAgent(configured)) {
            getLog().warn("JaCoCo's <exclClassLoaders>" + configured + "</exclClassLoaders> does not exclude the nplusone agent's class"
                    + " loaders (" + Jacoco.AGENT_LOADERS + "), so JaCoCo will record the agent's own classes in its coverage data; set it to "
                    + Jacoco.withAgentLoaders(configured) + ", or run nplusone's prepare-agent after JaCoCo's");
        } else if (given == null && configured == null) {
            String loaders = Jacoco.withAgentLoaders(properties.getProperty(Jacoco.EXCL_CLASS_LOADERS));
            properties.setProperty(Jacoco.EXCL_CLASS_LOADERS, loaders);
            getLog().info(Jacoco.EXCL_CLASS_LOADERS + " set to " + loaders + ", so that JaCoCo's prepare-agent leaves nplusone's"
                    + " classes out of its coverage data");
        }
    }

    private String commandLine(String property) {
        String user = session.getUserProperties().getProperty(property);
        return user != null ? user : session.getSystemProperties().getProperty(property);
    }

    // A report left by an earlier build would be read by the check again: an N+1 fixed since
    // would still fail "mvn verify" run without "clean".
    private void deleteStaleReports() throws MojoExecutionException {
        try {
            int deleted = Reports.delete(reportDirectory);
            if (deleted > 0) {
                getLog().debug("Deleted " + deleted + " report(s) of an earlier run from " + reportDirectory);
            }
        } catch (IOException e) {
            throw new MojoExecutionException("cannot delete the old reports in " + reportDirectory + ": " + e, e);
        }
    }
}
