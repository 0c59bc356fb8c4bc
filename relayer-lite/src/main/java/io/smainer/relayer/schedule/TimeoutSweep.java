package io.smainer.relayer.schedule;

import io.smainer.protocol.api.TaskStatus;
import java.util.ArrayList;

/**
 * The once-a-second scan for what did not happen in time: nodes without a heartbeat for
 * {@code --heartbeat-timeout} are dropped, tasks not started within {@code --assignment-timeout} are
 * re-queued, tasks without a result within their {@code max_execution_time} become {@code timeout}.
 * Runs on the scheduler thread.
 */
public final class TimeoutSweep implements Runnable {
    private final Scheduler scheduler;

    public TimeoutSweep(Scheduler scheduler) {
        this.scheduler = scheduler;
    }

    @Override
    public void run() {
        long now = scheduler.nowMillis();
        SchedulerSettings s = scheduler.settings();
        long heartbeat = s.heartbeatTimeout().toMillis();
        for (NodeState n : new ArrayList<>(scheduler.nodes().all())) {
            if (now - n.lastHeartbeatMillis > heartbeat) {
                n.session.close(1001, "no heartbeat for " + s.heartbeatTimeout().toSeconds() + " s");
                scheduler.disconnected(n.session, "missed heartbeats for " + s.heartbeatTimeout().toSeconds() + " s");
            }
        }
        long assignment = s.assignmentTimeout().toMillis();
        for (LiveTask t : scheduler.liveTasks()) {
            if (t.finishing != null || t.status == TaskStatus.PENDING) {
                continue;
            }
            long running = now - t.assignedAtMillis;
            int limitSeconds = t.requirements.executionTimeSeconds();
            if (running > limitSeconds * 1000L) {
                scheduler.cancelOnNode(t, "timeout after " + limitSeconds + " s");
                scheduler.finish(t, TaskStatus.TIMEOUT, null, null, null,
                        "no result within max_execution_time of " + limitSeconds + " s", null, null);
            } else if (t.status == TaskStatus.ASSIGNED && running > assignment) {
                scheduler.cancelOnNode(t, "not started within " + s.assignmentTimeout().toSeconds() + " s");
                scheduler.requeue(t, "node " + t.nodeId + " did not answer within " + s.assignmentTimeout().toSeconds() + " s");
            }
        }
    }
}
