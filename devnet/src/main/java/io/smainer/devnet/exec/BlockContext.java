package io.smainer.devnet.exec;

/** What {@code get_block_number()} / {@code get_block_timestamp()} return while a call executes. */
public record BlockContext(long blockNumber, long timestamp) {}
