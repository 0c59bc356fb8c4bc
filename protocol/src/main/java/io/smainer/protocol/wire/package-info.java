/**
 * Provider WebSocket frames (PROTOCOL.md §2). Every frame is a {@link io.smainer.protocol.wire.WsMessage}
 * record carrying {@code event_id} and {@code timestamp}; {@code event_type} is written and read only by
 * {@code ProtocolJson}. Records validate in their constructors and never print payloads, results or keys.
 */
package io.smainer.protocol.wire;
