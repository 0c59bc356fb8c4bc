package io.smainer.daemon.task;

import io.smainer.daemon.health.DaemonMetrics;
import io.smainer.daemon.health.DaemonState;
import io.smainer.protocol.json.ProtocolJson;
import io.smainer.protocol.wire.EventType;
import io.smainer.protocol.wire.TaskAssigned;
import io.smainer.protocol.wire.TaskErrorCode;
import io.smainer.protocol.wire.WsMessage;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes {@code task_assigned}: refuses at once what this node cannot run ({@code NOT_ELIGIBLE},
 * {@code CAPACITY}, and {@code CAPACITY} while draining), runs the rest on worker threads with a
 * timeout, and hands every answer to the outbox before it is sent. A task whose result is already in
 * the outbox is answered from there, never run twice.
 */
public final class TaskIntake {
    private static final Logger log = LoggerFactory.getLogger(TaskIntake.class);
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final Eligibility eligibility;
    private final RunnerRegistry runners;
    private final ResultSigner signer;
    private final Outbox outbox;
    private final ResultLink link;
    private final ProtocolJson json;
    private final DaemonMetrics metrics;
    private final DaemonState state;
    private final int maxConcurrent;
    private final ExecutorService workers;
    private final ScheduledExecutorService timer;
    private final Map<String, RunningTask> running = new ConcurrentHashMap<>();

    public TaskIntake(Eligibility eligibility, RunnerRegistry runners, ResultSigner signer, Outbox outbox,
                      ResultLink link, ProtocolJson json, DaemonMetrics metrics, DaemonState state,
                      int maxConcurrent, ExecutorService workers, ScheduledExecutorService timer) {
        this.eligibility = eligibility;
        this.runners = runners;
        this.signer = signer;
        this.outbox = outbox;
        this.link = link;
        this.json = json;
        this.metrics = metrics;
        this.state = state;
        this.maxConcurrent = maxConcurrent;
        this.workers = workers;
        this.timer = timer;
    }

    public void onAssigned(TaskAssigned task) {
        Optional<OutboxEntry> done = outbox.findByTask(task.taskId());
        if (done.isPresent()) {
            log.info("task {} assigned again; its result is in the outbox and is resent, not re-run", task.taskId());
            link.send(done.get());
            return;
        }
        if (running.containsKey(task.taskId())) {
            log.info("task {} assigned again while it runs; ignoring the duplicate", task.taskId());
            return;
        }
        if (state.draining()) {
            reject(task, TaskErrorCode.CAPACITY, "node is draining for shutdown and takes no new tasks");
            return;
        }
        Optional<String> ineligible = eligibility.check(task.requirements());
        if (ineligible.isPresent()) {
            reject(task, TaskErrorCode.NOT_ELIGIBLE, ineligible.get());
            return;
        }
        Optional<TaskRunner> runner = runners.find(task.payload());
        if (runner.isEmpty()) {
            reject(task, TaskErrorCode.NOT_ELIGIBLE, "this node runs only " + runners.kinds() + " tasks");
            return;
        }
        String unavailable = runner.get().unavailableReason();
        if (unavailable != null) {
            reject(task, TaskErrorCode.NOT_ELIGIBLE, runner.get().kind() + " tasks are unavailable here: " + unavailable);
            return;
        }
        RunningTask rt = new RunningTask(task, runner.get().kind());
        synchronized (running) {
            if (running.size() >= maxConcurrent) {
                reject(task, TaskErrorCode.CAPACITY, "node runs " + running.size() + " of " + maxConcurrent + " tasks");
                return;
            }
            running.put(task.taskId(), rt);
        }
        log.info("task {} accepted: kind={}, timeout={}s", task.taskId(), rt.kind, task.timeoutSeconds());
        rt.future = workers.submit(() -> execute(rt, runner.get()));
        rt.timeout = timer.schedule(() -> cancel(task.taskId(), TaskErrorCode.TIMEOUT,
                "exceeded its timeout of " + task.timeoutSeconds() + " s"), task.timeoutSeconds(), TimeUnit.SECONDS);
    }

    private void execute(RunningTask rt, TaskRunner runner) {
        TaskAssigned task = rt.task;
        long startNanos = System.nanoTime();
        long startCpu = THREADS.getCurrentThreadCpuTime();
        try {
            TaskOutcome outcome = runner.run(new TaskContext(task.taskId(), task.payload(), task.requirements(),
                    Duration.ofSeconds(task.timeoutSeconds())));
            Duration wall = Duration.ofNanos(System.nanoTime() - startNanos);
            double cpu = wall.isZero() ? 0 : 100.0 * (THREADS.getCurrentThreadCpuTime() - startCpu) / wall.toNanos();
            WsMessage result = signer.completed(task, outcome, wall, Math.max(0, Math.min(cpu, 100)));
            if (rt.finish()) {
                metrics.taskCompleted();
                log.info("task {} completed: kind={}, {} ms", task.taskId(), rt.kind, wall.toMillis());
                deliver(task.taskId(), result);
            }
        } catch (TaskRunException e) {
            fail(rt, e.code(), e.getMessage());
        } catch (InterruptedException e) {
            // cancel() already reported the task; the interrupt was how it stopped the runner
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            log.error("task {} failed inside runner {}: {}", task.taskId(), rt.kind, e.getClass().getName());
            fail(rt, TaskErrorCode.EXECUTION_ERROR, rt.kind + " runner failed: " + e.getClass().getSimpleName());
        } finally {
            running.remove(task.taskId(), rt);
            if (rt.timeout != null) {
                rt.timeout.cancel(false);
            }
        }
    }

    /** Stops a running task and reports it failed with {@code code}; false when it is not running. */
    public boolean cancel(String taskId, TaskErrorCode code, String why) {
        RunningTask rt = running.get(taskId);
        if (rt == null) {
            return false;
        }
        if (rt.future != null) {
            rt.future.cancel(true);
        }
        fail(rt, code, why);
        running.remove(taskId, rt);
        return true;
    }

    /** Cancels every running task (second SIGTERM, drain timeout). */
    public void cancelAll(TaskErrorCode code, String why) {
        for (String id : List.copyOf(running.keySet())) {
            cancel(id, code, why);
        }
    }

    private void fail(RunningTask rt, TaskErrorCode code, String message) {
        if (rt.finish()) {
            metrics.taskFailed();
            log.info("task {} failed: kind={}, error_code={}", rt.task.taskId(), rt.kind, code);
            deliver(rt.task.taskId(), ResultSigner.failed(rt.task.taskId(), code, message));
        }
    }

    private void reject(TaskAssigned task, TaskErrorCode code, String why) {
        metrics.taskRejected();
        log.info("task {} refused: {} ({})", task.taskId(), code, why);
        deliver(task.taskId(), ResultSigner.failed(task.taskId(), code, why));
    }

    /** Outbox first (fsynced), then the wire: a crash between the two loses nothing. */
    private void deliver(String taskId, WsMessage frame) {
        OutboxEntry entry = outbox.put(taskId, frame.eventId(), EventType.of(frame).wireName(), json.writeFrame(frame));
        link.send(entry);
    }

    /** Resends every unacknowledged result, oldest first (after each registration). */
    public void resendPending() {
        List<OutboxEntry> pending = outbox.pending();
        if (!pending.isEmpty()) {
            log.info("resending {} unacknowledged result(s) from the outbox", pending.size());
        }
        pending.forEach(link::send);
    }

    public int active() {
        return running.size();
    }

    /** Waits until no task runs or {@code timeout} passes; true when idle. */
    public boolean awaitIdle(Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (!running.isEmpty()) {
            if (System.nanoTime() >= end) {
                return false;
            }
            Thread.sleep(50);
        }
        return true;
    }

    /** One accepted task; {@link #finish()} lets exactly one of worker or canceller report it. */
    private static final class RunningTask {
        final TaskAssigned task;
        final String kind;
        volatile java.util.concurrent.Future<?> future;
        volatile java.util.concurrent.ScheduledFuture<?> timeout;
        private final java.util.concurrent.atomic.AtomicBoolean finished = new java.util.concurrent.atomic.AtomicBoolean();

        RunningTask(TaskAssigned task, String kind) {
            this.task = task;
            this.kind = kind;
        }

        boolean finish() {
            return finished.compareAndSet(false, true);
        }
    }
}
