/** Local status: the {@code /status} JSON and {@code /metrics} Prometheus endpoint on loopback, and the live state they show. */
package io.smainer.daemon.health;
