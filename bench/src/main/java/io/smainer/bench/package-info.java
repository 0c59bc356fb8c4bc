/**
 * JMH benchmarks. They are compiled (and packaged into {@code target/benchmarks.jar}) by every
 * build but only run on request, by {@code bench/stark-crypto.sh}; numbers go to
 * docs/performance.md.
 */
package io.smainer.bench;
