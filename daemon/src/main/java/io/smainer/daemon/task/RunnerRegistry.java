package io.smainer.daemon.task;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;

/** The runners this daemon offers, in priority order; the first that accepts a payload runs it. */
public final class RunnerRegistry {
    private final List<TaskRunner> runners;

    public RunnerRegistry(List<TaskRunner> runners) {
        this.runners = List.copyOf(runners);
    }

    public Optional<TaskRunner> find(JsonNode payload) {
        return runners.stream().filter(r -> r.accepts(payload)).findFirst();
    }

    public List<String> kinds() {
        return runners.stream().map(TaskRunner::kind).toList();
    }
}
