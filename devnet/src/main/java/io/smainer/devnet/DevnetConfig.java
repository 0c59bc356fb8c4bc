package io.smainer.devnet;

import io.smainer.protocol.stark.StarkCrypto;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * Immutable devnet settings. {@code dataDir} null means in memory (nothing persists); otherwise every
 * block is persisted there (a journal record, fsynced) before it is acknowledged, and a restart
 * continues the chain. The seed determines the predeployed accounts' keys, so the same seed gives the
 * same accounts on every machine.
 *
 * @param chainName Cairo short string the chain id encodes (default {@code SN_SMAINER_DEVNET})
 * @param accountCount predeployed accounts (at least 3: owner, relayer, treasury come first)
 * @param initialBalance STRK (wei) each predeployed account starts with
 * @param epochSeconds wall clock for block timestamps (tests inject a fixed one)
 */
public record DevnetConfig(Path dataDir, String seed, String chainName, int accountCount, BigInteger initialBalance,
                           StarkCrypto crypto, LongSupplier epochSeconds) {
    public static final String DEFAULT_CHAIN_NAME = "SN_SMAINER_DEVNET";
    public static final String DEFAULT_SEED = "smainer-devnet";
    public static final int DEFAULT_ACCOUNTS = 10;
    /** 10 000 STRK in wei. */
    public static final BigInteger DEFAULT_BALANCE = BigInteger.TEN.pow(22);

    public DevnetConfig {
        Objects.requireNonNull(seed, "seed");
        Objects.requireNonNull(chainName, "chainName");
        Objects.requireNonNull(initialBalance, "initialBalance");
        Objects.requireNonNull(crypto, "crypto");
        Objects.requireNonNull(epochSeconds, "epochSeconds");
        if (seed.isEmpty()) {
            throw new IllegalArgumentException("devnet seed must not be empty");
        }
        if (chainName.isEmpty() || chainName.length() > 31 || !chainName.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            throw new IllegalArgumentException("devnet chain name '" + chainName
                    + "' must be 1..31 printable ASCII characters without spaces (a Cairo short string)");
        }
        if (accountCount < 3 || accountCount > 100) {
            throw new IllegalArgumentException("devnet account count must be 3..100 (owner, relayer, treasury first), got "
                    + accountCount);
        }
        if (initialBalance.signum() < 0) {
            throw new IllegalArgumentException("devnet initial balance must not be negative, got " + initialBalance);
        }
    }

    /** Defaults: the given data dir (null = in memory), default seed, chain name, 10 accounts of 10 000 STRK, system clock. */
    public static DevnetConfig defaults(Path dataDir, StarkCrypto crypto) {
        return new DevnetConfig(dataDir, DEFAULT_SEED, DEFAULT_CHAIN_NAME, DEFAULT_ACCOUNTS, DEFAULT_BALANCE, crypto,
                () -> System.currentTimeMillis() / 1000);
    }

    public DevnetConfig withClock(LongSupplier clock) {
        return new DevnetConfig(dataDir, seed, chainName, accountCount, initialBalance, crypto, clock);
    }

    public DevnetConfig withAccounts(int count) {
        return new DevnetConfig(dataDir, seed, chainName, count, initialBalance, crypto, epochSeconds);
    }
}
