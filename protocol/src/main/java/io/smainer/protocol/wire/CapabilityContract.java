package io.smainer.protocol.wire;

import io.smainer.protocol.Require;
import java.util.List;

/**
 * {@code capability_contract} (also sent as {@code capabilities}): what a node offers the scheduler.
 */
public record CapabilityContract(
        String contractVersion,
        List<String> supportedModels,
        List<String> supportedPrivacyModes,
        String declaredAt) {

    public static final String VERSION = "1.0";
    public static final int MAX_MODELS = 256;

    public CapabilityContract {
        contractVersion = contractVersion == null ? VERSION : contractVersion;
        supportedModels = List.copyOf(supportedModels == null ? List.of() : supportedModels);
        supportedPrivacyModes = List.copyOf(supportedPrivacyModes == null ? List.of() : supportedPrivacyModes);
        Require.range("supported_models", supportedModels.size(), 0, MAX_MODELS);
    }
}
