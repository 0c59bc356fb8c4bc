/**
 * relayer-lite's configuration: one immutable, validated {@link io.smainer.relayer.config.RelayerConfig}
 * built from defaults, environment ({@code SMAINER_API_KEY}, {@code SMAINER_CALLBACK_SECRET}) and flags,
 * and the data directory (single-instance lock, generated secrets, {@code endpoint.json}).
 */
package io.smainer.relayer.config;
