package io.smainer.relayer.api;

import io.smainer.protocol.api.NodeList;
import io.smainer.protocol.json.ProtocolJson;
import io.smainer.relayer.schedule.NodeViews;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/** {@code GET /nodes}, {@code /nodes/summary}, {@code /nodes/{node_id}}: snapshots taken on the scheduler thread. */
public final class NodeRoutes {
    private final ProtocolJson json;
    private final NodeViews views;
    private final Executor loop;

    public NodeRoutes(ProtocolJson json, NodeViews views, Executor loop) {
        this.json = json;
        this.views = views;
        this.loop = loop;
    }

    public CompletableFuture<ApiResponse> list() {
        return CompletableFuture.supplyAsync(() -> new ApiResponse(200, json.write(new NodeList(views.all()))), loop);
    }

    public CompletableFuture<ApiResponse> summary() {
        return CompletableFuture.supplyAsync(() -> new ApiResponse(200, json.write(views.summary())), loop);
    }

    public CompletableFuture<ApiResponse> one(String nodeId) {
        return CompletableFuture.supplyAsync(() -> views.one(nodeId)
                .map(v -> new ApiResponse(200, json.write(v)))
                .orElseThrow(() -> ApiException.notFound("node " + nodeId + " is not connected")), loop);
    }
}
