package dev.nplusone.maven;

import org.apache.maven.artifact.Artifact;
import org.apache.maven.plugin.MojoExecutionException;

import java.io.File;
import java.util.Map;

/** The agent jar this plugin depends on, found among the plugin's own resolved artifacts. */
final class AgentJar {

    static final String KEY = "dev.nplusone:nplusone-agent";

    private AgentJar() {
    }

    static File find(Map<String, Artifact> pluginArtifacts) throws MojoExecutionException {
        Artifact agent = pluginArtifacts == null ? null : pluginArtifacts.get(KEY);
        if (agent == null || agent.getFile() == null) {
            throw new MojoExecutionException("the plugin's dependency " + KEY + " is not resolved; was it excluded from the plugin?");
        }
        File jar = agent.getFile();
        // "java -jar" on a missing jar exits 1, which the check would take for a breach.
        if (!jar.isFile()) {
            throw new MojoExecutionException("the nplusone agent jar " + jar + " does not exist");
        }
        return jar;
    }
}
