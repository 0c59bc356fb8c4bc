package io.smainer.daemon.task;

import com.fasterxml.jackson.databind.JsonNode;
import io.smainer.protocol.wire.EffortMetrics;

/** A runner's success: {@code result_data} and, optionally, runner-specific effort metrics. */
public record TaskOutcome(JsonNode resultData, EffortMetrics effort) {
    @Override
    public String toString() {
        return "TaskOutcome[resultData=<redacted>]";
    }
}
