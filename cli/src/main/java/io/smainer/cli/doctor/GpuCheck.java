package io.smainer.cli.doctor;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** GPUs as {@code nvidia-smi} lists them, or "none". Never a FAIL: CPU-only providers are valid (tier basic). */
public final class GpuCheck implements DoctorCheck {
    private final HostCommands host;
    private final String nvidiaSmi;

    public GpuCheck(HostCommands host, String nvidiaSmi) {
        this.host = host;
        this.nvidiaSmi = nvidiaSmi;
    }

    @Override
    public String name() {
        return "gpu";
    }

    @Override
    public CheckResult run(DoctorContext ctx) {
        Optional<HostCommands.Output> out = host.run(List.of(nvidiaSmi, "--query-gpu=name,memory.total,driver_version",
                "--format=csv,noheader"), Duration.ofSeconds(10));
        if (out.isEmpty()) {
            return CheckResult.pass(name(), "none (" + nvidiaSmi + " not found): CPU tasks only, tier basic");
        }
        if (out.get().exitCode() != 0) {
            return CheckResult.warn(name(), nvidiaSmi + " exited " + out.get().exitCode() + ": "
                    + out.get().text().lines().findFirst().orElse("").trim(),
                    "check the NVIDIA driver (nvidia-smi must work for GPU tasks), or ignore on a CPU-only host");
        }
        List<String> gpus = out.get().text().lines().map(String::trim).filter(l -> !l.isEmpty()).toList();
        return gpus.isEmpty() ? CheckResult.pass(name(), "none (nvidia-smi lists no GPU): CPU tasks only, tier basic")
                : CheckResult.pass(name(), gpus.size() + " GPU(s): " + String.join(" | ", gpus));
    }
}
