/**
 * {@code smainer-daemon --selftest}: every enabled sandboxed kind and a short hostile subset through the
 * real sandbox on this host, a PASS/FAIL table and optional JUnit XML for an operator's CI.
 */
package io.smainer.sandbox.selftest;
