/**
 * Tasks through the daemon: intake and eligibility, the {@link io.smainer.daemon.task.TaskRunner}
 * interface with the built-in HASH and MATRIX runners, signed results and the durable outbox.
 */
package io.smainer.daemon.task;
