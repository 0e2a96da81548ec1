package dev.nplusone.bench.http;

import java.util.ArrayList;
import java.util.List;

/**
 * Every demo start of the run, with and without the agent: the start-up figure uses the starts of
 * the load runs too, so that it gets more samples at no extra cost.
 */
public final class DemoStarts {

    private final List<Double> bare = new ArrayList<>();
    private final List<Double> agent = new ArrayList<>();

    public synchronized void add(Demo demo) {
        (demo.agent ? agent : bare).add(demo.startedAfterSeconds);
    }

    public synchronized List<Double> bare() {
        return new ArrayList<>(bare);
    }

    public synchronized List<Double> agent() {
        return new ArrayList<>(agent);
    }
}
