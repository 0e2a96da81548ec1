package dev.nplusone.bench.profile;

import dev.nplusone.bench.Jmh;
import dev.nplusone.bench.Settings;
import dev.nplusone.bench.jdbc.StatementBenchmark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Profiles the hot path: configuration (c), a statement loop inside one scope with the agent, in
 * a JMH fork recorded by JFR (the JDK's "profile" settings, from the end of the warm-up), then
 * summarized by {@link JfrSummary}. Not part of the default run: {@code bench/run.sh --only profile}.
 */
public final class HotPath {

    private final Settings settings;

    public HotPath(Settings settings) {
        this.settings = settings;
    }

    /** Returns the summary; the recording stays in the work folder for {@code jfr print} or JMC. */
    public String run(String benchmark) throws Exception {
        Path recording = settings.work.resolve(benchmark + ".jfr");
        Files.deleteIfExists(recording);
        String jfr = "-XX:StartFlightRecording=settings=profile,delay=" + (settings.jmhWarmups + 2) + "s,filename=" + recording;
        Jmh.Score score = new Jmh(settings, settings.jmhWarmups, 15)
                .run(StatementBenchmark.class, benchmark, List.of(),
                        List.of(settings.agentArgument("profile-agent.log"), jfr, "-Xlog:jfr+startup=warning"));
        System.err.printf("  %s: %.0f ns/op, %.0f B/op; recording %s%n", benchmark, score.nanos(), score.bytes(), recording);
        String text = "Profile of StatementBenchmark." + benchmark + " with the agent (" + String.format("%.0f ns/op", score.nanos())
                + "); recording: " + recording + "\n\n" + JfrSummary.read(recording, "jmh-worker").text(score.bytes(), 15);
        Files.writeString(settings.work.resolve(benchmark + "-profile.txt"), text);
        return text;
    }
}
