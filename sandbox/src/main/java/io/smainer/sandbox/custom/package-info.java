/**
 * The CUSTOM task kind (off by default, {@code ENABLE_CUSTOM_TASKS}): code plus arguments for an
 * operator-allow-listed interpreter, run through the sandbox; result {@code {stdout, stderr, exit_code,
 * resource_report}}.
 */
package io.smainer.sandbox.custom;
