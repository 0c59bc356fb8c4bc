package io.smainer.daemon.relay;

import io.netty.channel.Channel;
import io.smainer.protocol.wire.Ack;
import io.smainer.protocol.wire.TaskAssigned;
import io.smainer.protocol.wire.TaskCancel;
import java.util.List;

/** What the relay pipeline tells the rest of the daemon. Called on the channel's event loop: do not block. */
public interface RelayListener {

    /** {@code node_register} was acked with success; {@code features} from the ack. */
    void onRegistered(Channel channel, List<String> features);

    void onTaskAssigned(TaskAssigned task);

    void onTaskCancel(TaskCancel cancel);

    /** An ack other than the registration's (results, heartbeats). */
    void onAck(Ack ack);

    /** The connection closed; {@code wasRegistered} when it had been acked. */
    void onDisconnected(Channel channel, String reason);
}
