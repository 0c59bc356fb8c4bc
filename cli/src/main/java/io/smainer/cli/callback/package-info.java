/** {@code smainer callback}: tools for integrators receiving signed callbacks (PROTOCOL.md §3). */
package io.smainer.cli.callback;
