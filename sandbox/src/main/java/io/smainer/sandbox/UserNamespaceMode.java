package io.smainer.sandbox;

/**
 * Whether tasks get a user namespace of their own ({@code SMAINER_SANDBOX_USERNS}). {@code AUTO} uses one
 * when the host allows it and says why not otherwise; there is no "required" mode because the rest of the
 * isolation (unprivileged uid, no capabilities, seccomp, namespaces) applies either way.
 */
public enum UserNamespaceMode {
    AUTO,
    OFF;

    /** {@code auto}/{@code on}/{@code true} or {@code off}/{@code false}, case-insensitive. */
    public static UserNamespaceMode parse(String value) {
        String v = value == null ? "" : value.trim().toLowerCase(java.util.Locale.ROOT);
        return switch (v) {
            case "auto", "on", "true" -> AUTO;
            case "off", "false" -> OFF;
            default -> throw new IllegalArgumentException(SandboxConfig.KEY_USERNS + "='" + value
                    + "' is not a user namespace mode; use auto (default) or off");
        };
    }
}
