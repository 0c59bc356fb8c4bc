package io.smainer.daemon.health;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** A part of {@code /status} owned by another area of the daemon (isolation, task kinds, AI backend). */
@FunctionalInterface
public interface StatusSection {
    /** Adds this section's fields to the {@code /status} object; must not block or throw. */
    void addTo(ObjectNode status);
}
