package io.smainer.sandbox.ai;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Samples {@code nvidia-smi --query-gpu=utilization.gpu,memory.used --format=csv,noheader,nounits} while
 * an inference runs: GPU seconds ≈ Σ utilization × interval, and peak VRAM. Absent binary → no samples,
 * and the metrics stay null (no GPU is a valid answer).
 */
public final class GpuSampler {
    private final Path nvidiaSmi;
    private final long intervalMillis;

    public GpuSampler(Path nvidiaSmi, long intervalMillis) {
        this.nvidiaSmi = nvidiaSmi;
        this.intervalMillis = intervalMillis;
    }

    public boolean present() {
        return nvidiaSmi != null && Files.isExecutable(nvidiaSmi);
    }

    /** Samples until {@link Session#close()}; one daemon thread per session. */
    public Session start() {
        Session s = new Session();
        if (present()) {
            Thread t = new Thread(s::loop, "gpu-sampler");
            t.setDaemon(true);
            s.thread = t;
            t.start();
        }
        return s;
    }

    /** One row: utilization percent (summed over GPUs) and MiB used (summed); null when the call failed. */
    double[] sample() {
        try {
            Process p = new ProcessBuilder(nvidiaSmi.toString(), "--query-gpu=utilization.gpu,memory.used",
                    "--format=csv,noheader,nounits").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(5, TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroyForcibly();
                return null;
            }
            double util = 0;
            double mem = 0;
            for (String line : out.strip().split("\n")) {
                String[] f = line.split(",");
                util += Double.parseDouble(f[0].trim());
                mem += Double.parseDouble(f[1].trim());
            }
            return new double[] {util, mem};
        } catch (IOException | RuntimeException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    public final class Session implements AutoCloseable {
        private volatile boolean running = true;
        private Thread thread;
        private double gpuSeconds;
        private double peakMib = -1;
        private int samples;

        private void loop() {
            while (running) {
                double[] s = sample();
                if (s != null) {
                    synchronized (this) {
                        gpuSeconds += s[0] / 100.0 * intervalMillis / 1000.0;
                        peakMib = Math.max(peakMib, s[1]);
                        samples++;
                    }
                }
                try {
                    Thread.sleep(intervalMillis);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        @Override
        public void close() {
            running = false;
            if (thread != null) {
                thread.interrupt();
                try {
                    thread.join(5000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }

        public synchronized Double gpuSeconds() {
            return samples == 0 ? null : gpuSeconds;
        }

        public synchronized Double peakVramGb() {
            return samples == 0 ? null : peakMib / 1024.0;
        }
    }
}
