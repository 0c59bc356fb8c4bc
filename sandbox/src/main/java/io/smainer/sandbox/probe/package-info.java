/**
 * What this host can isolate, as one JSON-able {@link io.smainer.sandbox.probe.IsolationReport} for the
 * CLI's {@code doctor}, the daemon's {@code /status} and its start-up log. Reads /proc and /sys only;
 * every path is injectable.
 */
package io.smainer.sandbox.probe;
