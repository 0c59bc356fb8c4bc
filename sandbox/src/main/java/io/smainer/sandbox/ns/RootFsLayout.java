package io.smainer.sandbox.ns;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Decides what the task's root contains: the configured read-only host paths (symlinks such as
 * {@code /bin -> usr/bin} recreated as symlinks, missing ones skipped), {@code /proc}, a {@code /dev} with
 * only the listed nodes (plus {@code /dev/nvidia*} for GPU tasks) and the mount point of the work dir,
 * whose tmpfs ({@link #workDir}) is mounted per task once the root is read-only. Nothing else of the host
 * (no /etc, /home, /root, /var, /sys, /run) exists inside.
 */
public final class RootFsLayout {
    public static final Path WORK_DIR = Path.of("/work");

    private final List<Path> readOnlyPaths;
    private final List<Path> devices;
    private final Path gpuDeviceDir;

    public RootFsLayout(List<Path> readOnlyPaths, List<Path> devices, Path gpuDeviceDir) {
        this.readOnlyPaths = List.copyOf(readOnlyPaths);
        this.devices = List.copyOf(devices);
        this.gpuDeviceDir = gpuDeviceDir;
    }

    /** The root, assembled before the task is known when these equal a warm spare's. */
    public List<MountOp> mounts(List<Path> extraReadOnly, boolean gpu) throws IOException {
        List<MountOp> ops = new ArrayList<>();
        List<Path> bound = new ArrayList<>();
        List<Path> all = new ArrayList<>(readOnlyPaths);
        all.addAll(extraReadOnly);
        for (Path p : all) {
            if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
                continue;
            }
            if (Files.isSymbolicLink(p)) {
                ops.add(new MountOp.Symlink(Files.readSymbolicLink(p).toString(), p));
                continue;
            }
            Path real = p.toRealPath();
            if (bound.stream().anyMatch(real::startsWith)) {
                continue;
            }
            ops.add(new MountOp.ReadOnlyBind(real, real));
            bound.add(real);
        }
        ops.add(new MountOp.Proc(Path.of("/proc")));
        for (Path device : devices) {
            ops.add(new MountOp.DeviceBind(device, device));
        }
        if (gpu) {
            for (Path device : gpuDevices(gpuDeviceDir)) {
                ops.add(new MountOp.DeviceBind(device, device));
            }
        }
        ops.add(new MountOp.Symlink("/proc/self/fd", Path.of("/dev/fd")));
        ops.add(new MountOp.Symlink("/proc/self/fd/0", Path.of("/dev/stdin")));
        ops.add(new MountOp.Symlink("/proc/self/fd/1", Path.of("/dev/stdout")));
        ops.add(new MountOp.Symlink("/proc/self/fd/2", Path.of("/dev/stderr")));
        ops.add(new MountOp.Dir(WORK_DIR));
        return List.copyOf(ops);
    }

    /** The task's own work dir: a new tmpfs, mounted once its plan arrives. */
    public static MountOp.Tmpfs workDir(long tmpfsBytes) {
        return new MountOp.Tmpfs(WORK_DIR, tmpfsBytes);
    }

    /** {@code nvidia0}, {@code nvidiactl}, {@code nvidia-uvm}, ... character devices in {@code dir}. */
    public static List<Path> gpuDevices(Path dir) {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.filter(p -> p.getFileName().toString().startsWith("nvidia"))
                    .filter(p -> !Files.isDirectory(p)).sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }
}
