/** Hardware detection for {@code node_register} and load sampling for heartbeats; every OS path is injectable. */
package io.smainer.daemon.hardware;
