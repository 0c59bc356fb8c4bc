package io.smainer.protocol.keystore;

/**
 * scrypt cost parameters. {@link #DEFAULT} (N = 2^16, r = 8, p = 1: 64 MiB, about 0.3 s here) is
 * stronger than starkli's default (N = 2^13) and fits the daemon's heap; reading accepts any file up to
 * {@link #MAX_N} so a hostile file cannot exhaust memory.
 */
public record KdfParams(int n, int r, int p) {
    public static final KdfParams DEFAULT = new KdfParams(1 << 16, 8, 1);
    /** Fast parameters for tests only. */
    public static final KdfParams TESTING = new KdfParams(1 << 10, 8, 1);
    public static final int MAX_N = 1 << 20;

    public KdfParams {
        if (n < 2 || Integer.bitCount(n) != 1 || n > MAX_N) {
            throw new IllegalArgumentException("scrypt n must be a power of two in [2, 2^20], got " + n);
        }
        if (r < 1 || r > 32 || p < 1 || p > 16 || (long) 128 * r * n > 1L << 30) {
            throw new IllegalArgumentException("scrypt r=" + r + ", p=" + p + " out of range");
        }
    }
}
