package io.smainer.daemon.relay;

import io.smainer.protocol.wire.NodeRegister;

/** Builds a freshly signed {@code node_register} (new timestamp, new signature) for each connection. */
@FunctionalInterface
public interface RegisterSource {
    NodeRegister next();
}
