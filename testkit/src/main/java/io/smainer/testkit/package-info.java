/**
 * Fixtures for integration tests across modules, used in test scope only: {@link io.smainer.testkit.AppProcess}
 * (an app of the repo started from its packaged jar, as operators run it), {@link io.smainer.testkit.CallbackReceiver}
 * (loopback receiver that verifies every callback's HMAC) and {@link io.smainer.testkit.BlackHoleProxy} (a TCP path
 * that can silently drop traffic). Depends on protocol only.
 */
package io.smainer.testkit;
