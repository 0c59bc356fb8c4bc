package io.smainer.protocol.stark;

import java.util.Locale;

/** Default node id (PROTOCOL.md §2): the first 24 hex characters after {@code 0x}; empty → {@code default-node}. */
public final class NodeIds {
    public static final String DEFAULT = "default-node";

    private NodeIds() {}

    public static String fromAddress(String address) {
        if (address == null) {
            return DEFAULT;
        }
        String hex = address.trim();
        if (hex.toLowerCase(Locale.ROOT).startsWith("0x")) {
            hex = hex.substring(2);
        }
        if (hex.isEmpty()) {
            return DEFAULT;
        }
        return hex.length() <= 24 ? hex : hex.substring(0, 24);
    }
}
