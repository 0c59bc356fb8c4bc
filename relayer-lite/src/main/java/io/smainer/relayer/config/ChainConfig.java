package io.smainer.relayer.config;

import io.smainer.protocol.stark.Felts;
import java.math.BigInteger;
import java.net.URI;
import java.nio.file.Path;

/**
 * Which Starknet the relayer verifies payments on and settles to. {@link Mode#EMBEDDED_DEVNET} (devnet
 * mode's default) runs a devnet in {@code <data-dir>/devnet} and serves it at {@code /rpc} on the
 * relayer's port; {@link Mode#EXTERNAL} talks to a real network with the relayer's own account;
 * {@link Mode#NONE} verifies nothing and settles nothing.
 */
public record ChainConfig(Mode mode, URI rpcUrl, BigInteger escrow, BigInteger relayerAccount, Path relayerKeystore,
                          Path relayerPassphraseFile) {

    public enum Mode { NONE, EMBEDDED_DEVNET, EXTERNAL }

    public ChainConfig {
        if (mode == Mode.EXTERNAL) {
            require(rpcUrl, "--starknet-rpc");
            require(escrow, "--escrow");
            require(relayerAccount, "--relayer-account");
            require(relayerKeystore, "--relayer-keystore");
            require(relayerPassphraseFile, "--relayer-passphrase-file");
            String scheme = rpcUrl.getScheme();
            if (!"https".equals(scheme) && !"http".equals(scheme) || rpcUrl.getHost() == null) {
                throw new ConfigException("--starknet-rpc " + origin(rpcUrl) + " is not an http(s) URL: give the node's"
                        + " JSON-RPC endpoint, e.g. https://starknet-sepolia.example/rpc/v0_10");
            }
            for (BigInteger a : new BigInteger[] {escrow, relayerAccount}) {
                if (a.signum() <= 0 || !Felts.isFelt(a)) {
                    throw new ConfigException((a == escrow ? "--escrow " : "--relayer-account ") + Felts.toHex(a)
                            + " is not a contract address (a felt above 0)");
                }
            }
        }
    }

    private static void require(Object value, String flag) {
        if (value == null) {
            throw new ConfigException(flag + " is missing: a real network needs --starknet-rpc URL --escrow ADDRESS"
                    + " --relayer-account ADDRESS --relayer-keystore FILE --relayer-passphrase-file FILE");
        }
    }

    public static ChainConfig none() {
        return new ChainConfig(Mode.NONE, null, null, null, null, null);
    }

    public static ChainConfig embeddedDevnet() {
        return new ChainConfig(Mode.EMBEDDED_DEVNET, null, null, null, null, null);
    }

    public static ChainConfig external(URI rpcUrl, BigInteger escrow, BigInteger relayerAccount, Path keystore,
                                       Path passphraseFile) {
        return new ChainConfig(Mode.EXTERNAL, rpcUrl, escrow, relayerAccount, keystore, passphraseFile);
    }

    public boolean configured() {
        return mode != Mode.NONE;
    }

    /**
     * Scheme, host and port of an RPC URL: what may be logged or published. Hosted RPC URLs often carry
     * the provider's API key in the path or query, so those never leave the process.
     */
    public static String origin(URI url) {
        if (url == null) {
            return null;
        }
        return url.getScheme() + "://" + url.getHost() + (url.getPort() < 0 ? "" : ":" + url.getPort());
    }

    @Override
    public String toString() {
        return "ChainConfig[" + mode + (rpcUrl == null ? "" : " " + origin(rpcUrl)) + "]";
    }
}
