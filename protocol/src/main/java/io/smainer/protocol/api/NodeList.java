package io.smainer.protocol.api;

import java.util.List;

/** {@code GET /nodes}: {@code {"nodes": [...]}}. */
public record NodeList(List<NodeView> nodes) {
    public NodeList {
        nodes = List.copyOf(nodes == null ? List.of() : nodes);
    }
}
