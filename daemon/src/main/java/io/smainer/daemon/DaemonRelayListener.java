package io.smainer.daemon;

import io.netty.channel.Channel;
import io.smainer.daemon.health.DaemonState;
import io.smainer.daemon.relay.RelayLink;
import io.smainer.daemon.relay.RelayListener;
import io.smainer.daemon.task.Outbox;
import io.smainer.daemon.task.TaskIntake;
import io.smainer.protocol.Limits;
import io.smainer.protocol.wire.Ack;
import io.smainer.protocol.wire.TaskAssigned;
import io.smainer.protocol.wire.TaskCancel;
import io.smainer.protocol.wire.TaskErrorCode;
import java.util.List;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Connects relay events to the task side. Intake work (eligibility, outbox fsync, resends) runs on
 * one intake thread, never on the event loop, and in arrival order.
 */
final class DaemonRelayListener implements RelayListener {
    private static final Logger log = LoggerFactory.getLogger(DaemonRelayListener.class);

    private final TaskIntake intake;
    private final Outbox outbox;
    private final RelayLink link;
    private final DaemonState state;
    private final Executor intakeThread;
    private final Runnable onDisconnect;

    /** @param onDisconnect runs after every disconnect (refreshes the offered models before the next registration) */
    DaemonRelayListener(TaskIntake intake, Outbox outbox, RelayLink link, DaemonState state, Executor intakeThread,
                        Runnable onDisconnect) {
        this.intake = intake;
        this.outbox = outbox;
        this.link = link;
        this.state = state;
        this.intakeThread = intakeThread;
        this.onDisconnect = onDisconnect;
    }

    @Override
    public void onRegistered(Channel channel, List<String> features) {
        link.registered(channel, features);
        state.registered(features.contains(Ack.FEATURE_RESULT_ACK));
        intakeThread.execute(intake::resendPending);
    }

    @Override
    public void onTaskAssigned(TaskAssigned task) {
        intakeThread.execute(() -> intake.onAssigned(task));
    }

    @Override
    public void onTaskCancel(TaskCancel cancel) {
        intakeThread.execute(() -> {
            String reason = Limits.clip(cancel.reason(), 200);
            if (!intake.cancel(cancel.taskId(), TaskErrorCode.CANCELLED, "cancelled by the relayer: " + reason)) {
                log.info("task_cancel for task {} which is not running; ignored", cancel.taskId());
            }
        });
    }

    @Override
    public void onAck(Ack ack) {
        if (outbox.acknowledge(ack.ackEventId())) {
            log.info("relay: result event {} acknowledged; removed from the outbox", ack.ackEventId());
        } else {
            state.heartbeatAcked();
        }
    }

    @Override
    public void onDisconnected(Channel channel, String reason) {
        link.disconnected(channel);
        onDisconnect.run();
    }
}
