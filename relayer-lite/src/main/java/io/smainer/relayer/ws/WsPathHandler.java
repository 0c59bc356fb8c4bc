package io.smainer.relayer.ws;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.util.ReferenceCountUtil;
import io.smainer.protocol.json.ProtocolJson;
import io.smainer.relayer.api.HttpResponses;

/**
 * Lets a request reach the WebSocket handshake only on {@code /ws/{node_id}} or {@code /ws/node/{node_id}}
 * with a valid node id (PROTOCOL.md §2), and records that id on the channel. Other {@code /ws…} paths get
 * a JSON 404 or 400; non-WebSocket paths pass through untouched to the REST API.
 */
public final class WsPathHandler extends ChannelInboundHandlerAdapter {
    public static final String PREFIX = "/ws";
    private final ProtocolJson json;

    public WsPathHandler(ProtocolJson json) {
        this.json = json;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof FullHttpRequest req)) {
            ctx.fireChannelRead(msg);
            return;
        }
        String path = new QueryStringDecoder(req.uri()).path();
        if (!path.equals(PREFIX) && !path.startsWith(PREFIX + "/")) {
            ctx.fireChannelRead(msg);
            return;
        }
        String nodeId = nodeId(path);
        if (nodeId == null || !NodeFrames.isNodeId(nodeId)) {
            boolean shape = nodeId != null;
            ReferenceCountUtil.release(msg);
            HttpResponses.send(ctx, HttpResponses.error(json, shape ? 400 : 404, shape ? "invalid_node_id" : "not_found",
                    shape ? "node id in " + path + " must match ^[A-Za-z0-9_-]{1,64}$"
                            : "WebSocket endpoints are /ws/{node_id} and /ws/node/{node_id}; got " + path), false);
            return;
        }
        ctx.channel().attr(NodeSessionHandler.NODE_ID).set(nodeId);
        ctx.fireChannelRead(msg);
    }

    /** The id of {@code /ws/{id}} or {@code /ws/node/{id}}, or null for any other shape. */
    static String nodeId(String path) {
        String[] parts = path.substring(1).split("/", -1);
        if (parts.length == 2) {
            return parts[1];
        }
        if (parts.length == 3 && parts[1].equals("node")) {
            return parts[2];
        }
        return null;
    }
}
