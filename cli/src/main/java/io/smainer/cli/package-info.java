/**
 * The {@code smainer} command line: one class per command, all wired in {@link io.smainer.cli.SmainerCli},
 * exceptions mapped to exit codes in {@link io.smainer.cli.ExitCodes} and nowhere else.
 */
package io.smainer.cli;
