package io.smainer.protocol.keystore;

import java.util.Arrays;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.engines.Salsa20Engine;
import org.bouncycastle.crypto.generators.PKCS5S2ParametersGenerator;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.util.Pack;

/**
 * scrypt (RFC 7914) as Ethereum/starkli keystores use it. BouncyCastle's {@code SCrypt} refuses
 * N ≥ 2^(16·r) (RFC 7914's bound), but geth's and starkli's implementations accept it and the published
 * Web3 Secret Storage vector uses N = 2^18 with r = 1; so the ROMix loop is ours, over BouncyCastle's
 * Salsa20 core and PBKDF2. Cost limits are {@link KdfParams}'s.
 */
final class Scrypt {
    private Scrypt() {}

    static byte[] derive(byte[] password, byte[] salt, int n, int r, int p, int dkLen) {
        int blockBytes = 128 * r;
        byte[] b = pbkdf2(password, salt, p * blockBytes);
        int[] x = new int[32 * r];
        int[] v = new int[32 * r * n];
        int[] t = new int[16];
        int[] y = new int[32 * r];
        try {
            for (int i = 0; i < p; i++) {
                for (int k = 0; k < x.length; k++) {
                    x[k] = Pack.littleEndianToInt(b, i * blockBytes + 4 * k);
                }
                roMix(x, v, y, t, n, r);
                for (int k = 0; k < x.length; k++) {
                    Pack.intToLittleEndian(x[k], b, i * blockBytes + 4 * k);
                }
            }
            return pbkdf2(password, b, dkLen);
        } finally {
            Arrays.fill(b, (byte) 0);
            Arrays.fill(x, 0);
            Arrays.fill(v, 0);
            Arrays.fill(y, 0);
        }
    }

    private static void roMix(int[] x, int[] v, int[] y, int[] t, int n, int r) {
        int len = x.length;
        for (int i = 0; i < n; i++) {
            System.arraycopy(x, 0, v, i * len, len);
            blockMix(x, y, t, r);
        }
        for (int i = 0; i < n; i++) {
            int j = x[(2 * r - 1) * 16] & (n - 1);
            for (int k = 0; k < len; k++) {
                x[k] ^= v[j * len + k];
            }
            blockMix(x, y, t, r);
        }
    }

    /** scryptBlockMix: y holds the Salsa outputs, then x gets even blocks first, odd blocks second. */
    private static void blockMix(int[] b, int[] y, int[] t, int r) {
        int[] xBlock = Arrays.copyOfRange(b, (2 * r - 1) * 16, 2 * r * 16);
        for (int i = 0; i < 2 * r; i++) {
            for (int k = 0; k < 16; k++) {
                xBlock[k] ^= b[i * 16 + k];
            }
            Salsa20Engine.salsaCore(8, xBlock, t);
            System.arraycopy(t, 0, xBlock, 0, 16);
            System.arraycopy(t, 0, y, i * 16, 16);
        }
        for (int i = 0; i < r; i++) {
            System.arraycopy(y, (2 * i) * 16, b, i * 16, 16);
            System.arraycopy(y, (2 * i + 1) * 16, b, (r + i) * 16, 16);
        }
    }

    private static byte[] pbkdf2(byte[] password, byte[] salt, int bytes) {
        PKCS5S2ParametersGenerator gen = new PKCS5S2ParametersGenerator(new SHA256Digest());
        gen.init(password, salt, 1);
        return ((KeyParameter) gen.generateDerivedParameters(bytes * 8)).getKey();
    }
}
