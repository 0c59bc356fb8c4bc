package io.smainer.daemon.task;

import com.fasterxml.jackson.databind.JsonNode;
import io.smainer.protocol.api.TaskRequirements;
import java.time.Duration;

/** What a {@link TaskRunner} gets: the task's id, its (sensitive) payload, requirements and time budget. */
public record TaskContext(String taskId, JsonNode payload, TaskRequirements requirements, Duration timeout) {
    @Override
    public String toString() {
        return "TaskContext[taskId=" + taskId + ", payload=<redacted>, timeout=" + timeout + "]";
    }
}
