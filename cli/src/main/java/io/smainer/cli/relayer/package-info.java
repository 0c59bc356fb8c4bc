/**
 * The CLI's client of a relayer's REST API (PROTOCOL.md §1) over {@code java.net.http}: where it is
 * ({@code --relayer-api}, {@code SMAINER_RELAYER_API}, the daemon config), the API key (a file or the
 * environment, never a flag value), and HTTP failures turned into {@link io.smainer.cli.relayer.RelayerApiException}
 * that the one exit-code mapper translates.
 */
package io.smainer.cli.relayer;
