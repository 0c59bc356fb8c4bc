package io.smainer.daemon.hardware;

import io.smainer.protocol.api.Tier;
import io.smainer.protocol.wire.GpuDevice;
import io.smainer.protocol.wire.HardwareSpec;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Real hardware of this host for {@code hardware_spec}: CPU threads from {@code /proc/cpuinfo}, RAM
 * from {@code /proc/meminfo}, disk from statvfs of the state dir, OS/arch, WSL2 from
 * {@code /proc/version}, GPUs from {@code nvidia-smi} when present (no GPU is a valid answer).
 */
public final class HardwareDetector {
    private static final Logger log = LoggerFactory.getLogger(HardwareDetector.class);

    private final HostPaths paths;

    public HardwareDetector(HostPaths paths) {
        this.paths = paths;
    }

    public HardwareSpec detect(Path stateDir) {
        List<GpuDevice> gpus = gpus();
        double vram = gpus.stream().mapToDouble(GpuDevice::memoryGb).sum();
        String model = gpus.isEmpty() ? null : gpus.get(0).name();
        return new HardwareSpec(gpus, vram, ramGb(), cpuThreads(), tier(gpus), storageGb(stateDir),
                !gpus.isEmpty(), model, System.getProperty("os.arch"),
                System.getProperty("os.name").toLowerCase(Locale.ROOT), isWsl2());
    }

    /** BASIC without a GPU of at least 8 GB, PRO from 8 GB, PREMIUM from 24 GB of the largest GPU. */
    static Tier tier(List<GpuDevice> gpus) {
        double largest = gpus.stream().mapToDouble(GpuDevice::memoryGb).max().orElse(0);
        return largest >= 24 ? Tier.PREMIUM : largest >= 8 ? Tier.PRO : Tier.BASIC;
    }

    int cpuThreads() {
        try {
            long n = Files.readAllLines(paths.cpuinfo()).stream().filter(l -> l.startsWith("processor")).count();
            if (n > 0) {
                return (int) n;
            }
        } catch (IOException e) {
            log.debug("cannot read {}: {}", paths.cpuinfo(), e.getClass().getSimpleName());
        }
        return Runtime.getRuntime().availableProcessors();
    }

    double ramGb() {
        long kb = ProcMeminfo.read(paths.meminfo()).getOrDefault("MemTotal", 0L);
        return Math.round(kb / 1024.0 / 1024.0 * 100) / 100.0;
    }

    static double storageGb(Path stateDir) {
        Path p = stateDir;
        while (p != null && !Files.exists(p)) {
            p = p.getParent();
        }
        try {
            long bytes = p == null ? 0 : Files.getFileStore(p).getUsableSpace();
            return Math.round(bytes / 1e9 * 100) / 100.0;
        } catch (IOException e) {
            return 0;
        }
    }

    boolean isWsl2() {
        try {
            String v = Files.readString(paths.procVersion()).toLowerCase(Locale.ROOT);
            return v.contains("microsoft") && (v.contains("wsl2") || !v.contains("microsoft@microsoft.com"));
        } catch (IOException e) {
            return false;
        }
    }

    List<GpuDevice> gpus() {
        List<String> cmd = new ArrayList<>(paths.nvidiaSmi());
        cmd.addAll(HostPaths.NVIDIA_SMI_QUERY);
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(false).start();
            p.getOutputStream().close();
            String out;
            try (InputStream in = p.getInputStream()) {
                out = new String(in.readNBytes(64 * 1024), StandardCharsets.UTF_8);
            }
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                log.warn("nvidia-smi did not answer within 10 s; reporting no GPU");
                return List.of();
            }
            if (p.exitValue() != 0) {
                log.info("nvidia-smi exited with {}; reporting no GPU", p.exitValue());
                return List.of();
            }
            return NvidiaSmiParser.parse(out);
        } catch (IOException e) {
            log.debug("no nvidia-smi ({}); reporting no GPU", e.getClass().getSimpleName());
            return List.of();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of();
        }
    }
}
