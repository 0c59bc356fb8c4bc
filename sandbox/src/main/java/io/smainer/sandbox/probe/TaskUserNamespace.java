package io.smainer.sandbox.probe;

import io.smainer.sandbox.SandboxConfig;
import io.smainer.sandbox.UserNamespaceMode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Whether sandboxed tasks get a user namespace, and why not. The launcher creates it as host root (with
 * CAP_SYS_ADMIN), so Debian's {@code kernel.unprivileged_userns_clone} and Ubuntu's
 * {@code kernel.apparmor_restrict_unprivileged_userns}, which only restrict unprivileged creators, do not
 * stop it; a kernel without {@code CONFIG_USER_NS} or {@code user.max_user_namespaces = 0} does. The same
 * decision feeds the probe ({@code /status}, {@code doctor}) and {@link io.smainer.sandbox.SandboxFactory}.
 *
 * @param reason why it is off, or what it maps when on
 */
public record TaskUserNamespace(boolean enabled, String reason) {

    /** @param procRoot normally {@code /proc} */
    public static TaskUserNamespace decide(UserNamespaceMode mode, Path procRoot, int taskUid, int taskGid) {
        if (mode == UserNamespaceMode.OFF) {
            return off("disabled by " + SandboxConfig.KEY_USERNS + "=off");
        }
        if (!Files.exists(procRoot.resolve("self/ns/user"))) {
            return off("the kernel has no user namespaces (" + procRoot.resolve("self/ns/user")
                    + " missing; CONFIG_USER_NS)");
        }
        String max = read(procRoot.resolve("sys/user/max_user_namespaces"));
        if ("0".equals(max)) {
            return off("sysctl user.max_user_namespaces is 0; set it above 0 to give tasks a user namespace,"
                    + " or set " + SandboxConfig.KEY_USERNS + "=off to silence this");
        }
        return new TaskUserNamespace(true, "maps only uid " + taskUid + " and gid " + taskGid
                + " (same ids inside); host root is unmapped");
    }

    private static TaskUserNamespace off(String why) {
        return new TaskUserNamespace(false, why);
    }

    /** Through a stream: {@code Files.readString} trusts the size 0 that /proc reports and can return one byte. */
    static String read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII).trim();
        } catch (IOException e) {
            return null;
        }
    }
}
