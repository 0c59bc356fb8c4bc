package io.smainer.daemon.relay;

import io.netty.channel.Channel;
import io.smainer.protocol.wire.Ack;
import io.smainer.protocol.wire.TaskAssigned;
import io.smainer.protocol.wire.TaskCancel;
import java.util.ArrayList;
import java.util.List;

/** A {@link RelayListener} that records what the pipeline told it. */
final class RecordingListener implements RelayListener {
    final List<List<String>> registered = new ArrayList<>();
    final List<TaskAssigned> tasks = new ArrayList<>();
    final List<TaskCancel> cancels = new ArrayList<>();
    final List<Ack> acks = new ArrayList<>();
    final List<String> disconnects = new ArrayList<>();

    @Override
    public void onRegistered(Channel channel, List<String> features) {
        registered.add(features);
    }

    @Override
    public void onTaskAssigned(TaskAssigned task) {
        tasks.add(task);
    }

    @Override
    public void onTaskCancel(TaskCancel cancel) {
        cancels.add(cancel);
    }

    @Override
    public void onAck(Ack ack) {
        acks.add(ack);
    }

    @Override
    public void onDisconnected(Channel channel, String reason) {
        disconnects.add(reason);
    }
}
