package io.smainer.cli.node;

import io.smainer.protocol.api.Tier;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * {@code --tier auto|basic|pro|premium}. Auto asks {@code nvidia-smi}: no GPU → basic, a GPU → pro,
 * 40 GB of VRAM or more on one GPU → premium.
 */
public enum TierChoice {
    auto, basic, pro, premium;

    static final double PREMIUM_VRAM_GB = 40;

    public Tier resolve(String nvidiaSmi) {
        return switch (this) {
            case basic -> Tier.BASIC;
            case pro -> Tier.PRO;
            case premium -> Tier.PREMIUM;
            case auto -> detect(nvidiaSmi);
        };
    }

    static Tier detect(String nvidiaSmi) {
        double maxGb = 0;
        try {
            Process p = new ProcessBuilder(nvidiaSmi, "--query-gpu=memory.total", "--format=csv,noheader,nounits")
                    .redirectErrorStream(true).start();
            if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroyForcibly();
                return Tier.BASIC;
            }
            for (String line : new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank()) {
                    maxGb = Math.max(maxGb, Double.parseDouble(line.trim()) / 1024.0);
                }
            }
        } catch (IOException | NumberFormatException e) {
            return Tier.BASIC;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Tier.BASIC;
        }
        if (maxGb <= 0) {
            return Tier.BASIC;
        }
        return maxGb >= PREMIUM_VRAM_GB ? Tier.PREMIUM : Tier.PRO;
    }
}
