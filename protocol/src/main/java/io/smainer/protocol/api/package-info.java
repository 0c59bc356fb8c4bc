/**
 * Relayer REST bodies (PROTOCOL.md §1): task submission and status, nodes, health, stats, callback
 * registration and delivery log, FastAPI-style errors. Records validate in their constructors and
 * never print payloads or results.
 */
package io.smainer.protocol.api;
