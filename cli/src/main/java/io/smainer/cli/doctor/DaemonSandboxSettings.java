package io.smainer.cli.doctor;

import io.smainer.sandbox.SandboxConfig;
import io.smainer.sandbox.TaskUser;
import io.smainer.sandbox.UserNamespaceMode;
import io.smainer.sandbox.custom.RuntimeAllowList;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * The sandbox settings the daemon would run with, resolved as the daemon resolves them (defaults, then
 * provider.toml, then the environment), so that doctor probes the launcher, task user and runtimes the daemon's
 * {@code /status} reports. Mirrors {@code ConfigValidator.sandbox()} in
 * daemon/src/main/java/io/smainer/daemon/config/ConfigValidator.java (the CLI must not depend on the daemon
 * module); the task user comes from the sandbox module's {@link TaskUser#resolve}, which the daemon uses too.
 *
 * @param runtimes runtime name → interpreter, from {@code custom_runtimes}
 */
public record DaemonSandboxSettings(UserNamespaceMode userns, Path launcher, int taskUid, int taskGid,
                             Map<String, Path> runtimes, String cgroupParent) {
    /** The system user {@code sandbox_uid = "auto"} picks when {@code /etc/passwd} has it. */
    private static final java.util.regex.Pattern CGROUP_NAME = java.util.regex.Pattern.compile("[A-Za-z0-9_.-]{1,64}");

    /** A value the daemon refuses to start with (exit 78): names key, value and source; {@code fix} says what to set. */
    static final class InvalidSetting extends IllegalArgumentException {
        private final transient DaemonConfigKeys.Value value;
        private final String fix;

        InvalidSetting(DaemonConfigKeys.Value value, String problem, String fix) {
            super(value.describe() + " " + problem);
            this.value = value;
            this.fix = fix;
        }

        DaemonConfigKeys.Value value() {
            return value;
        }

        String fix() {
            return fix;
        }
    }

    /**
     * @param smainerHome the installation ({@code -Dsmainer.home}): where the default launcher is looked up
     * @param passwd      normally {@code /etc/passwd}: where {@code auto} looks for {@value TaskUser#DEDICATED_USER}
     * @throws InvalidSetting for the first value the daemon would refuse
     */
    static DaemonSandboxSettings resolve(DoctorContext ctx, Path smainerHome, Path passwd) {
        UserNamespaceMode userns = userns(ctx.resolve(DaemonConfigKeys.SANDBOX_USERNS));
        Path launcher = launcher(ctx.resolve(DaemonConfigKeys.SANDBOX_LAUNCHER), smainerHome);
        Integer uid = taskId(ctx.resolve(DaemonConfigKeys.SANDBOX_UID));
        Integer gid = taskId(ctx.resolve(DaemonConfigKeys.SANDBOX_GID));
        Map<String, Path> runtimes = runtimes(ctx.resolve(DaemonConfigKeys.CUSTOM_RUNTIMES));
        String parent = cgroupParent(ctx.resolve(DaemonConfigKeys.SANDBOX_CGROUP_PARENT));
        TaskUser user = TaskUser.resolve(uid, gid, passwd);
        return new DaemonSandboxSettings(userns, launcher, user.uid(), user.gid(), runtimes, parent);
    }

    /** What the probe needs, built as the daemon's {@code TaskIsolation.sandboxConfig} builds it. */
    SandboxConfig sandboxConfig() {
        return SandboxConfig.defaults(launcher).withTaskUser(taskUid, taskGid).withCgroupParentName(cgroupParent)
                .withUserns(userns);
    }

    static UserNamespaceMode userns(DaemonConfigKeys.Value v) {
        try {
            return UserNamespaceMode.parse(v.text());
        } catch (IllegalArgumentException e) {
            throw new InvalidSetting(v, "is not auto or off", "set " + v.setting().key() + " = \"auto\" (or \"off\")");
        }
    }

    /**
     * Throws what the daemon would refuse in a value of provider.toml (the config check: user namespace mode, task
     * user, launcher, runtimes, cgroup parent).
     *
     * @throws InvalidSetting naming key, value and source
     */
    static void validate(DaemonConfigKeys.Value v) {
        DaemonConfigKeys.Setting s = v.setting();
        if (s.equals(DaemonConfigKeys.SANDBOX_USERNS)) {
            userns(v);
        } else if (s.equals(DaemonConfigKeys.SANDBOX_UID) || s.equals(DaemonConfigKeys.SANDBOX_GID)) {
            taskId(v);
        } else if (s.equals(DaemonConfigKeys.SANDBOX_LAUNCHER)) {
            launcher(v, Path.of(System.getProperty("smainer.home", "/opt/smainer")));
        } else if (s.equals(DaemonConfigKeys.CUSTOM_RUNTIMES)) {
            runtimes(v);
        } else if (s.equals(DaemonConfigKeys.SANDBOX_CGROUP_PARENT)) {
            cgroupParent(v);
        } else {
            throw new IllegalArgumentException("not a sandbox setting: " + s.key());
        }
    }

    /** {@code sandbox_launcher}, else {@code lib/smainer-launch} of the install, else the source checkout's build. */
    static Path launcher(DaemonConfigKeys.Value v, Path smainerHome) {
        if (!v.text().isEmpty()) {
            Path p = Path.of(v.text());
            if (!p.isAbsolute()) {
                throw new InvalidSetting(v, "must be an absolute path", "set " + v.setting().key()
                        + " to the absolute path of smainer-launch, or remove it to use "
                        + smainerHome.resolve("lib/smainer-launch"));
            }
            return p.normalize();
        }
        Path installed = smainerHome.resolve("lib/smainer-launch");
        Path built = smainerHome.resolve("sandbox/target/native/smainer-launch");
        return Files.exists(installed) || !Files.exists(built) ? installed : built;
    }

    /** A task uid or gid; null for {@code auto}. */
    static Integer taskId(DaemonConfigKeys.Value v) {
        String fix = "set " + v.setting().key() + " to auto (" + TaskUser.DEDICATED_USER + " if it exists, else " + TaskUser.NOBODY
                + ") or the numeric id of a dedicated unprivileged user";
        if (v.text().toLowerCase(Locale.ROOT).equals("auto")) {
            return null;
        }
        int id;
        try {
            id = Integer.parseInt(v.text());
        } catch (NumberFormatException e) {
            throw new InvalidSetting(v, "is not a numeric id or auto", fix);
        }
        if (id <= 0) {
            throw new InvalidSetting(v, "must not be root (0) or negative: tasks run as a dedicated unprivileged user", fix);
        }
        return id;
    }

    static Map<String, Path> runtimes(DaemonConfigKeys.Value v) {
        try {
            return RuntimeAllowList.parse(v.text()).interpreters();
        } catch (IllegalArgumentException e) {
            throw new InvalidSetting(v, "is not a list of name=/absolute/path entries separated by commas",
                    "set " + v.setting().key() + " like python3=/usr/bin/python3,sh=/bin/sh");
        }
    }

    static String cgroupParent(DaemonConfigKeys.Value v) {
        if (!CGROUP_NAME.matcher(v.text()).matches()) {
            throw new InvalidSetting(v, "is not a plain directory name of 1 to 64 letters, digits, '_', '.' or '-'",
                    "set " + v.setting().key() + " = \"smainer\"");
        }
        return v.text();
    }
}
