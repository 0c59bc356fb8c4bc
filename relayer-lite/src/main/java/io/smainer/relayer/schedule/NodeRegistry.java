package io.smainer.relayer.schedule;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Authenticated nodes by id, with the placement rule: among eligible nodes the least loaded one, ties
 * broken round-robin (a rotating start index), so equal nodes share work evenly.
 */
final class NodeRegistry {
    private final Map<String, NodeState> byId = new HashMap<>();
    private final List<NodeState> ring = new ArrayList<>();
    private int cursor;

    /** Adds a node; returns the node it replaced (same id), or null. */
    NodeState put(NodeState node) {
        NodeState old = byId.put(node.nodeId, node);
        if (old != null) {
            ring.set(ring.indexOf(old), node);
        } else {
            ring.add(node);
        }
        return old;
    }

    /** Removes the node only if {@code session} is still its current session. */
    NodeState remove(NodeSession session) {
        NodeState n = byId.get(session.nodeId());
        if (n == null || n.session != session) {
            return null;
        }
        byId.remove(n.nodeId);
        int i = ring.indexOf(n);
        ring.remove(i);
        if (cursor > i) {
            cursor--;
        }
        return n;
    }

    NodeState get(String nodeId) {
        return byId.get(nodeId);
    }

    /** The node for this session, or null if the session is not (or no longer) registered. */
    NodeState of(NodeSession session) {
        NodeState n = byId.get(session.nodeId());
        return n != null && n.session == session ? n : null;
    }

    Collection<NodeState> all() {
        return ring;
    }

    int size() {
        return ring.size();
    }

    /** Sum of free slots of nodes that could take any work at all. */
    int freeSlots(long nowMillis, long heartbeatTimeoutMillis) {
        int free = 0;
        for (NodeState n : ring) {
            if (!n.draining && nowMillis - n.lastHeartbeatMillis <= heartbeatTimeoutMillis) {
                free += n.freeSlots();
            }
        }
        return free;
    }

    /** The least loaded eligible node, ties broken round-robin; null when none is eligible. */
    NodeState pick(LiveTask task, long nowMillis, long heartbeatTimeoutMillis) {
        int n = ring.size();
        NodeState best = null;
        int bestIndex = -1;
        for (int k = 0; k < n; k++) {
            int i = (cursor + k) % n;
            NodeState node = ring.get(i);
            if ((best == null || node.active.size() < best.active.size())
                    && Eligibility.canRun(node, task, nowMillis, heartbeatTimeoutMillis)) {
                best = node;
                bestIndex = i;
                if (node.active.isEmpty()) {
                    break;
                }
            }
        }
        if (best != null) {
            cursor = (bestIndex + 1) % n;
        }
        return best;
    }
}
