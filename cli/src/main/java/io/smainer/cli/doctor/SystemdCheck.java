package io.smainer.cli.doctor;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * {@code systemctl is-active smainer-provider} when systemd runs ({@code /run/systemd/system} exists):
 * active PASS, failed FAIL, anything else WARN. Without systemd: SKIP with a note.
 */
public final class SystemdCheck implements DoctorCheck {
    public static final String UNIT = "smainer-provider";
    private final HostCommands host;
    private final Path systemdRunDir;

    public SystemdCheck(HostCommands host, Path systemdRunDir) {
        this.host = host;
        this.systemdRunDir = systemdRunDir;
    }

    @Override
    public String name() {
        return "systemd";
    }

    @Override
    public CheckResult run(DoctorContext ctx) {
        if (!Files.isDirectory(systemdRunDir)) {
            return CheckResult.skip(name(), "systemd is not running here (no " + systemdRunDir + "); run smainer-daemon under your"
                    + " own supervisor");
        }
        Optional<HostCommands.Output> out = host.run(List.of("systemctl", "is-active", UNIT), Duration.ofSeconds(10));
        if (out.isEmpty()) {
            return CheckResult.warn(name(), "systemctl did not answer", "check systemd: systemctl status " + UNIT);
        }
        String state = out.get().text().trim();
        return switch (state) {
            case "active" -> CheckResult.pass(name(), UNIT + ".service is active");
            case "failed" -> CheckResult.fail(name(), UNIT + ".service has failed",
                    "read why: journalctl -u " + UNIT + " -n 50; then: sudo systemctl restart " + UNIT);
            default -> CheckResult.warn(name(), UNIT + ".service is " + (state.isEmpty() ? "unknown" : state),
                    "sudo systemctl enable --now " + UNIT + " (install systemd/smainer-provider.service first if it is missing)");
        };
    }
}
