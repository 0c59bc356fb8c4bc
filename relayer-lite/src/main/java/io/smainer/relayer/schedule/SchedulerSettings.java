package io.smainer.relayer.schedule;

import java.time.Duration;

/**
 * The scheduler's timing rules. {@code assignmentTimeout}: an assigned task counts as started when the
 * node sends any frame after the assignment (the relayer sends a {@code ping} right after
 * {@code task_assigned} to provoke one); a task not started within this time is re-queued.
 */
public record SchedulerSettings(Duration heartbeatTimeout, Duration assignmentTimeout, int maxAttempts, Duration resultTtl) {}
