package io.smainer.relayer.schedule;

import java.util.Collection;
import java.util.TreeMap;

/** Pending tasks in submission order; a re-queued task goes back to its original place (FIFO by submission). */
final class TaskQueue {
    private final TreeMap<Long, LiveTask> bySubmission = new TreeMap<>();

    void add(LiveTask t) {
        bySubmission.put(t.order, t);
    }

    void remove(LiveTask t) {
        bySubmission.remove(t.order);
    }

    boolean isEmpty() {
        return bySubmission.isEmpty();
    }

    int size() {
        return bySubmission.size();
    }

    /** Oldest first; a live view, so callers collect before mutating. */
    Collection<LiveTask> inOrder() {
        return bySubmission.values();
    }
}
