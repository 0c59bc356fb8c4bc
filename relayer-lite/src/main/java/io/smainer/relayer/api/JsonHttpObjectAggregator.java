package io.smainer.relayer.api;

import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpMessage;
import io.smainer.protocol.json.ProtocolJson;

/** {@link HttpObjectAggregator} whose 413 is a FastAPI-style JSON error; the connection is closed after it. */
public final class JsonHttpObjectAggregator extends HttpObjectAggregator {
    private final ProtocolJson json;
    private final int maxBytes;

    public JsonHttpObjectAggregator(ProtocolJson json, int maxBytes) {
        super(maxBytes);
        this.json = json;
        this.maxBytes = maxBytes;
    }

    @Override
    protected void handleOversizedMessage(ChannelHandlerContext ctx, HttpMessage oversized) {
        HttpResponses.send(ctx, HttpResponses.error(json, 413, "payload_too_large",
                "request body exceeds the limit of " + maxBytes + " bytes"), false);
    }
}
