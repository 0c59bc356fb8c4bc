package io.smainer.devnet.chain;

/** Gas a transaction consumes, per Starknet v3 resource ({@code l1_gas}, {@code l1_data_gas}, {@code l2_gas}). */
public record ResourceUsage(long l1Gas, long l1DataGas, long l2Gas) {}
