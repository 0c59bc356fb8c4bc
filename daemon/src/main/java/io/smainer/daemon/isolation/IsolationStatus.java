package io.smainer.daemon.isolation;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smainer.daemon.health.StatusSection;
import io.smainer.daemon.task.TaskRunner;
import io.smainer.sandbox.probe.IsolationReport;
import java.util.List;

/**
 * The {@code /status} fields of issue 6: {@code isolation} (the probe's facts at start, the shape
 * {@code smainer doctor} prints), {@code task_kinds} (per kind: {@code available} and the {@code reason}
 * it is refused or degraded) and {@code ai} (backend, offered models, problem).
 */
public final class IsolationStatus implements StatusSection {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final IsolationReport report;
    private final List<TaskRunner> runners;
    private final ModelOffer offer;

    public IsolationStatus(IsolationReport report, List<TaskRunner> runners, ModelOffer offer) {
        this.report = report;
        this.runners = List.copyOf(runners);
        this.offer = offer;
    }

    @Override
    public void addTo(ObjectNode status) {
        status.set("isolation", JSON.valueToTree(report.toJsonMap()));
        ObjectNode kinds = status.putObject("task_kinds");
        for (TaskRunner r : runners) {
            String reason = r instanceof AiInferenceRunner ai ? ai.statusReason() : r.unavailableReason();
            kinds.putObject(r.kind()).put("available", reason == null).put("reason", reason);
        }
        status.set("ai", offer.toJson());
    }
}
