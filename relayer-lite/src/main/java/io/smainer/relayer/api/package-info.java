/**
 * The REST API (PROTOCOL.md §1, base path {@code /api/v1}): routing, API-key auth in constant time,
 * FastAPI-style errors with a stable {@code code}, and the task, node, health and stats routes.
 */
package io.smainer.relayer.api;
