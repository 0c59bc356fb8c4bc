/**
 * The scheduler: one thread owns the FIFO queue of pending tasks, the registry of authenticated nodes
 * and every in-flight assignment. It dispatches on events (submit, node join, node free), picks the
 * least loaded eligible node with round-robin ties, re-queues on disconnect, retryable failure or
 * assignment timeout (bounded attempts) and times tasks out. Durable state goes through the
 * {@link io.smainer.relayer.store.TaskStore}; nothing here blocks on I/O.
 */
package io.smainer.relayer.schedule;
