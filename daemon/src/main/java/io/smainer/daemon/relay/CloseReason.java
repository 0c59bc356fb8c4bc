package io.smainer.daemon.relay;

import io.netty.channel.Channel;
import io.netty.util.AttributeKey;

/** Why the daemon closed a relay connection; the reconnect log line reports it. The first reason wins. */
public final class CloseReason {
    static final AttributeKey<String> KEY = AttributeKey.valueOf("smainer.close-reason");

    private CloseReason() {}

    public static void close(Channel channel, String reason) {
        channel.attr(KEY).setIfAbsent(reason);
        channel.close();
    }

    /** The recorded reason, or a description of a close the daemon did not ask for. */
    public static String of(Channel channel) {
        String r = channel.attr(KEY).get();
        return r != null ? r : "connection closed by the relayer or the network";
    }
}
