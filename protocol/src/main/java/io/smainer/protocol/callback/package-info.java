/**
 * Signed callbacks (PROTOCOL.md §3): the relayer signs {@code timestamp + "." + raw_body} with the
 * integrator's secret (HMAC-SHA256, lowercase hex) and receivers verify it in constant time within a
 * ±300 s window, failing closed when no secret is configured. Secrets never reach a log or a message.
 */
package io.smainer.protocol.callback;
