package io.smainer.sandbox.ai;

import io.smainer.sandbox.SandboxException;
import java.util.List;
import java.util.Set;

/**
 * Models this node offers ({@code capability_contract.supported_models}): what the backend reports,
 * intersected with the operator's allow-list ({@code SMAINER_AI_MODELS}; {@code *} allows every reported
 * model, empty offers none). Order follows the backend's listing.
 */
public final class ModelCatalog {
    public static final String CONFIG_KEY = "SMAINER_AI_MODELS";

    private final InferenceBackend backend;
    private final Set<String> allowList;

    public ModelCatalog(InferenceBackend backend, Set<String> allowList) {
        this.backend = backend;
        this.allowList = Set.copyOf(allowList);
    }

    public List<String> offered() throws SandboxException {
        return backend.listModels().stream().filter(this::allowed).distinct().toList();
    }

    public boolean allowed(String model) {
        return allowList.contains("*") || allowList.contains(model);
    }
}
