package io.smainer.protocol.api;

import java.util.List;

/** {@code GET /tasks?status=&limit=&cursor=} (ours): one page, newest last, and the cursor of the next. */
public record TaskPage(List<TaskView> tasks, String nextCursor) {
    public TaskPage {
        tasks = List.copyOf(tasks == null ? List.of() : tasks);
    }
}
