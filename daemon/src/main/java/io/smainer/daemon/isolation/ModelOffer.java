package io.smainer.daemon.isolation;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smainer.protocol.wire.CapabilityContract;
import io.smainer.protocol.wire.Frames;
import io.smainer.sandbox.SandboxException;
import io.smainer.sandbox.ai.ModelCatalog;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The models this node advertises in {@code capability_contract.supported_models}: what the backend
 * reports ({@code /api/tags}, {@code /v1/models}) intersected with the operator's allow-list. Refreshed at
 * start, after every disconnect (so a reconnect registers with the current list) and periodically (the
 * heartbeat carries the contract too). Reads never block: registration runs on the event loop.
 */
public final class ModelOffer {
    private static final Logger log = LoggerFactory.getLogger(ModelOffer.class);

    private final ModelCatalog catalog;
    private final String backendName;
    private final String baseUrl;
    private volatile List<String> models = List.of();
    private volatile String problem = "not checked yet";
    private volatile CapabilityContract contract = new CapabilityContract(CapabilityContract.VERSION, List.of(),
            List.of(), Frames.now());

    /** @param catalog null when AI tasks are disabled: nothing is offered and nothing is asked */
    public ModelOffer(ModelCatalog catalog, String backendName, String baseUrl) {
        this.catalog = catalog;
        this.backendName = backendName;
        this.baseUrl = baseUrl;
        if (catalog == null) {
            problem = "AI tasks are disabled (enable_ai_tasks=false)";
        }
    }

    /** Asks the backend (blocking, bounded by the listing timeout); call off the event loop. */
    public synchronized void refresh() {
        if (catalog == null) {
            return;
        }
        List<String> now;
        String why;
        try {
            List<String> offered = catalog.offered();
            now = offered.size() > CapabilityContract.MAX_MODELS ? offered.subList(0, CapabilityContract.MAX_MODELS) : offered;
            why = now.isEmpty() ? "backend " + backendName + " at " + baseUrl + " reports no model in allowed_models" : null;
        } catch (SandboxException e) {
            now = List.of();
            why = e.getMessage();
        }
        if (!now.equals(models) || !java.util.Objects.equals(why, problem)) {
            if (why == null) {
                log.info("ai: offering {} model(s) from {}: {}", now.size(), backendName, now);
            } else {
                log.warn("ai: offering no models: {}", why);
            }
            contract = new CapabilityContract(CapabilityContract.VERSION, now, List.of(), Frames.now());
        }
        models = List.copyOf(now);
        problem = why;
    }

    /** The contract for {@code node_register} and heartbeats; never blocks. */
    public CapabilityContract capabilities() {
        return contract;
    }

    public List<String> models() {
        return models;
    }

    /** Why no model is offered (backend down, none allowed, disabled), or null. */
    public String problem() {
        return problem;
    }

    /** The {@code ai} object of {@code /status}. */
    public ObjectNode toJson() {
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        n.put("enabled", catalog != null);
        n.put("backend", backendName);
        n.put("base_url", baseUrl);
        models.forEach(n.putArray("offered_models")::add);
        n.put("problem", problem);
        return n;
    }
}
