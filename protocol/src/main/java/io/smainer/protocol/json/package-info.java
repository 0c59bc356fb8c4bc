/**
 * JSON of the protocol: the Jackson mapping of REST bodies and WebSocket frames, and
 * {@code canonical_json} (PROTOCOL.md §2), the Python-identical byte form that result hashes and
 * callback signatures cover.
 */
package io.smainer.protocol.json;
