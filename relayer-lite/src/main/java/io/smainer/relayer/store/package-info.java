/**
 * Durable task state behind {@link io.smainer.relayer.store.TaskStore}: tasks, payloads (dropped when a
 * task is final), the callback outbox and its delivery log, and seen node-auth timestamps. The embedded
 * implementation is SQLite with group commit; a Redis implementation can follow for multi-instance relayers.
 */
package io.smainer.relayer.store;
