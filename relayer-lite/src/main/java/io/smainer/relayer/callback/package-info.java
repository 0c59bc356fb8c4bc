/**
 * Signed callbacks (PROTOCOL.md §3): URL policy, canonical bodies, HMAC headers and the durable,
 * at-least-once outbox with exponential retries and a delivery log. Bodies are never logged.
 */
package io.smainer.relayer.callback;
