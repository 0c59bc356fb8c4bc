/*
 * smainer-launch: the one exec path between the provider daemon and an untrusted task.
 *
 * Auditable on purpose: no allocation beyond fixed tables, no config files, no environment parsing.
 * Every decision (which paths are visible, limits, uid) is made by the JVM and arrives in two parts: argv
 * (io.smainer.sandbox.ns.LauncherSetup: cgroups, uid/gid, user namespace, fds) and, with --plan-fd, the task's
 * plan (io.smainer.sandbox.ns.LaunchPlan: mounts, rlimits, env, argv) as NUL-terminated words on a pipe. The
 * daemon may start a launcher before any task is accepted (a warm spare: its namespaces and cgroup are new
 * and serve exactly one task); it then waits for the plan right after joining the cgroup. Without --plan-fd
 * everything is in argv. This program only applies it, in this order:
 *
 *   outer (host pid ns): close stray fds, die with the daemon, [make the task's user namespace with a
 *     helper and map only the task uid/gid (--userns)], unshare mount/pid/net/uts/ipc namespaces, fork,
 *     then only wait and report. It stays
 *     outside the task cgroup, so killing that cgroup kills the task tree while the outer survives to reap
 *     pid 1 (whose exit makes the kernel reap the whole pid ns).
 *   inner (pid 1 of the new pid ns): join the task cgroups first (every byte and pid the task ever uses is
 *     charged), new cgroup namespace, private mounts, tmpfs root with read-only binds, /proc, a /dev with
 *     only the listed nodes, pivot_root, root remounted read-only, hostname, [wait for and read the plan],
 *     tmpfs work dir with a size cap, task files from a pipe, rlimits, setgroups, [enter the task's user namespace],
 *     drop every capability (bounding, ambient, effective, permitted, inheritable),
 *     setresgid/setresuid to the task user, no_new_privs, seccomp filter, execve.  When pid 1 exits the
 *     kernel kills everything left in the pid namespace.
 *
 * Status protocol on --status-fd (one line each, mirrored by io.smainer.sandbox.ns.LaunchStatus):
 *   "exec"                      the task's execve succeeded (its first instruction runs next)
 *   "error <stage> <errno>"     setup failed before the task ran (exit 125)
 *   "workdir <used> <size>"     bytes used in the tmpfs work dir when the task ended
 *   "exit <code>" | "signal <n>" how the task ended
 * Build: gcc -std=gnu11 -O2 -Wall -Wextra -Werror (see sandbox/pom.xml); needs gcc, libc6-dev, linux-libc-dev.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <linux/audit.h>
#include <linux/capability.h>
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <sched.h>
#include <signal.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mount.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#if defined(__x86_64__)
#define SMAINER_AUDIT_ARCH AUDIT_ARCH_X86_64
#elif defined(__aarch64__)
#define SMAINER_AUDIT_ARCH AUDIT_ARCH_AARCH64
#else
#error "smainer-launch supports x86_64 and aarch64 only"
#endif

#define MAX_OPS 128
#define MAX_CGROUPS 8
#define MAX_RLIMITS 8
#define MAX_ENV 256
#define MAX_PLAN_BYTES (256 * 1024) /* must match LaunchPlan.MAX_BYTES */
#define MAX_PLAN_WORDS 4096
#define EXIT_SETUP 125

enum op_kind { OP_RO_BIND, OP_DEV_BIND, OP_SYMLINK, OP_TMPFS, OP_PROC, OP_DIR };
struct op { enum op_kind kind; const char *a; const char *b; const char *c; int fd; };
struct rl { int resource; rlim_t value; };

static struct op ops[MAX_OPS];
static int n_ops;
static const char *cgroup_procs[MAX_CGROUPS];
static int n_cgroups;
static struct rl rlimits[MAX_RLIMITS];
static int n_rlimits;
static const char *newroot = "/tmp";
static const char *hostname = "sandbox";
static const char *workdir = "/work";
static uid_t task_uid = 65534;
static gid_t task_gid = 65534;
static int status_fd = -1;
static int files_fd = -1;
static int use_seccomp = 0;
static int plan_fd = -1;
static int use_userns = 0;
static int userns_fd = -1; /* the task's user namespace, made and mapped by the outer before the other namespaces */
static const char *task_env[MAX_ENV + 1];
static int n_env;
static int report_fd = -1; /* where setup errors go: status fd in the outer, exec pipe in the inner */

static void report(const char *line) {
    if (report_fd >= 0) {
        ssize_t ignored = write(report_fd, line, strlen(line));
        (void) ignored;
    }
}

static void fail(const char *stage) {
    char buf[160];
    snprintf(buf, sizeof buf, "error %s %d\n", stage, errno);
    report(buf);
    _exit(EXIT_SETUP);
}

static void usage(const char *why) {
    errno = EINVAL;
    fprintf(stderr, "smainer-launch: %s\n", why);
    fail("usage");
}

static long parse_num(const char *s) {
    char *end;
    errno = 0;
    long v = strtol(s, &end, 10);
    if (errno != 0 || *s == '\0' || *end != '\0' || v < 0) usage("bad number");
    return v;
}

static int parse_rlimit_name(const char *s) {
    if (strcmp(s, "nofile") == 0) return RLIMIT_NOFILE;
    if (strcmp(s, "fsize") == 0) return RLIMIT_FSIZE;
    if (strcmp(s, "stack") == 0) return RLIMIT_STACK;
    if (strcmp(s, "core") == 0) return RLIMIT_CORE;
    usage("unknown rlimit");
    return -1;
}

static void add_op(enum op_kind kind, const char *a, const char *b, const char *c) {
    if (n_ops == MAX_OPS) usage("too many mount operations");
    if (b != NULL && b[0] != '/') usage("mount targets must be absolute");
    ops[n_ops++] = (struct op) { kind, a, b, c, -1 };
}

/* Parses options from index `i`; returns the index after "--" (the task argv), or -1 when the options end
 * without one. The plan (in_plan) may not repeat what was applied before it arrived: only the work-dir
 * --tmpfs, rlimits, seccomp, env and the task argv belong there. */
static int parse_opts(int argc, char **argv, int i, int in_plan) {
    for (; i < argc; i++) {
        const char *o = argv[i];
        int left = argc - i - 1;
#define NEED(n) do { if (left < (n)) usage("missing value"); } while (0)
#define SETUP_ONLY() do { if (in_plan) usage("option not allowed in the plan"); } while (0)
        if (strcmp(o, "--") == 0) return i + 1;
        else if (strcmp(o, "--cgroup-procs") == 0) { SETUP_ONLY(); NEED(1); if (n_cgroups == MAX_CGROUPS) usage("too many cgroups"); cgroup_procs[n_cgroups++] = argv[++i]; }
        else if (strcmp(o, "--ro-bind") == 0) { SETUP_ONLY(); NEED(2); add_op(OP_RO_BIND, argv[i + 1], argv[i + 2], NULL); i += 2; }
        else if (strcmp(o, "--dev-bind") == 0) { SETUP_ONLY(); NEED(2); add_op(OP_DEV_BIND, argv[i + 1], argv[i + 2], NULL); i += 2; }
        else if (strcmp(o, "--symlink") == 0) { SETUP_ONLY(); NEED(2); add_op(OP_SYMLINK, argv[i + 1], argv[i + 2], NULL); i += 2; }
        else if (strcmp(o, "--tmpfs") == 0) { NEED(2); parse_num(argv[i + 2]); add_op(OP_TMPFS, NULL, argv[i + 1], argv[i + 2]); i += 2; }
        else if (strcmp(o, "--proc") == 0) { SETUP_ONLY(); NEED(1); add_op(OP_PROC, NULL, argv[++i], NULL); }
        else if (strcmp(o, "--dir") == 0) { SETUP_ONLY(); NEED(1); add_op(OP_DIR, NULL, argv[++i], NULL); }
        else if (strcmp(o, "--newroot") == 0) { SETUP_ONLY(); NEED(1); newroot = argv[++i]; }
        else if (strcmp(o, "--hostname") == 0) { SETUP_ONLY(); NEED(1); hostname = argv[++i]; }
        else if (strcmp(o, "--chdir") == 0) { SETUP_ONLY(); NEED(1); workdir = argv[++i]; }
        else if (strcmp(o, "--uid") == 0) { SETUP_ONLY(); NEED(1); task_uid = (uid_t) parse_num(argv[++i]); }
        else if (strcmp(o, "--gid") == 0) { SETUP_ONLY(); NEED(1); task_gid = (gid_t) parse_num(argv[++i]); }
        else if (strcmp(o, "--status-fd") == 0) { SETUP_ONLY(); NEED(1); status_fd = (int) parse_num(argv[++i]); }
        else if (strcmp(o, "--files-fd") == 0) { SETUP_ONLY(); NEED(1); files_fd = (int) parse_num(argv[++i]); }
        else if (strcmp(o, "--plan-fd") == 0) { SETUP_ONLY(); NEED(1); plan_fd = (int) parse_num(argv[++i]); }
        else if (strcmp(o, "--userns") == 0) { SETUP_ONLY(); use_userns = 1; }
        else if (strcmp(o, "--seccomp") == 0) { use_seccomp = 1; }
        else if (strcmp(o, "--env") == 0) {
            NEED(1);
            if (n_env == MAX_ENV) usage("too many environment variables");
            if (strchr(argv[i + 1], '=') == NULL) usage("--env needs NAME=VALUE");
            task_env[n_env++] = argv[++i];
        } else if (strcmp(o, "--rlimit") == 0) {
            NEED(2);
            if (n_rlimits == MAX_RLIMITS) usage("too many rlimits");
            rlimits[n_rlimits++] = (struct rl) { parse_rlimit_name(argv[i + 1]), (rlim_t) parse_num(argv[i + 2]) };
            i += 2;
        } else usage("unknown option");
#undef SETUP_ONLY
#undef NEED
    }
    return -1;
}

static int is_kept_fd(int fd) {
    return fd == status_fd || fd == files_fd || fd == plan_fd;
}

/* Closes every fd but 0-2 and the kept ones: one close_range(2) above the highest kept fd instead of ~1000
 * close(2) calls (Linux >= 5.9; a loop otherwise). */
static void close_stray_fds(void) {
    int highest = 2;
    if (status_fd > highest) highest = status_fd;
    if (files_fd > highest) highest = files_fd;
    if (plan_fd > highest) highest = plan_fd;
    for (int fd = 3; fd < highest; fd++) {
        if (!is_kept_fd(fd)) close(fd);
    }
#ifdef SYS_close_range
    if (syscall(SYS_close_range, (unsigned int) highest + 1, ~0U, 0) == 0) return;
#endif
    for (int fd = highest + 1; fd < 1024; fd++) close(fd);
}

/* The JVM thread that spawned us may have blocked or ignored signals; exec keeps both. Start clean. */
static void reset_signals(void) {
    sigset_t none;
    sigemptyset(&none);
    if (sigprocmask(SIG_SETMASK, &none, NULL) < 0) fail("sigmask");
    for (int sig = 1; sig < NSIG; sig++) {
        if (sig != SIGKILL && sig != SIGSTOP) signal(sig, SIG_DFL);
    }
}

static void write_file(const char *path, const char *text) {
    int fd = open(path, O_WRONLY | O_CLOEXEC);
    if (fd < 0) fail("cgroup-open");
    if (write(fd, text, strlen(text)) < 0) fail("cgroup-join");
    close(fd);
}

static void join_cgroups(void) {
    /* "0" = the writing process itself: our pid in the new pid namespace would be 1. */
    for (int i = 0; i < n_cgroups; i++) write_file(cgroup_procs[i], "0\n");
}

/* mkdir -p below newroot; path is absolute inside the sandbox. */
static void make_dirs(const char *inside, mode_t mode) {
    char path[4096];
    if (snprintf(path, sizeof path, "%s%s", newroot, inside) >= (int) sizeof path) usage("path too long");
    for (char *p = path + strlen(newroot) + 1; *p; p++) {
        if (*p == '/') {
            *p = '\0';
            if (mkdir(path, 0755) < 0 && errno != EEXIST) fail("mkdir");
            *p = '/';
        }
    }
    if (mkdir(path, mode) < 0 && errno != EEXIST) fail("mkdir");
}

static void target_path(char *out, size_t size, const char *inside) {
    if (snprintf(out, size, "%s%s", newroot, inside) >= (int) size) usage("path too long");
}

static void bind_path(const struct op *op, unsigned long remount_flags) {
    char dst[4096], src[64];
    struct stat st;
    target_path(dst, sizeof dst, op->b);
    if (fstat(op->fd, &st) < 0) fail("bind-source");
    snprintf(src, sizeof src, "/proc/self/fd/%d", op->fd);
    if (S_ISDIR(st.st_mode)) {
        make_dirs(op->b, 0755);
    } else {
        char parent[4096];
        snprintf(parent, sizeof parent, "%s", op->b);
        char *slash = strrchr(parent, '/');
        *slash = '\0';
        if (parent[0] != '\0') make_dirs(parent, 0755);
        int fd = open(dst, O_CREAT | O_WRONLY | O_CLOEXEC, 0444);
        if (fd < 0) fail("bind-target");
        close(fd);
    }
    /* Non-recursive: mounts below the source stay invisible inside. */
    if (mount(src, dst, NULL, MS_BIND, NULL) < 0) fail("bind");
    close(op->fd);
    if (mount(NULL, dst, NULL, MS_REMOUNT | MS_BIND | remount_flags, NULL) < 0) fail("bind-remount");
}

static void apply_op(const struct op *op) {
    char dst[4096];
    char data[96];
    switch (op->kind) {
    case OP_RO_BIND:
        bind_path(op, MS_RDONLY | MS_NOSUID | MS_NODEV);
        break;
    case OP_DEV_BIND:
        bind_path(op, MS_NOSUID | MS_NOEXEC);
        break;
    case OP_SYMLINK:
        target_path(dst, sizeof dst, op->b);
        if (symlink(op->a, dst) < 0 && errno != EEXIST) fail("symlink");
        break;
    case OP_TMPFS:
        make_dirs(op->b, 0700);
        target_path(dst, sizeof dst, op->b);
        snprintf(data, sizeof data, "size=%s,mode=0700,uid=%u,gid=%u", op->c, task_uid, task_gid);
        if (mount("tmpfs", dst, "tmpfs", MS_NOSUID | MS_NODEV | MS_NOEXEC, data) < 0) fail("tmpfs");
        break;
    case OP_PROC:
        make_dirs(op->b, 0555);
        target_path(dst, sizeof dst, op->b);
        if (mount("proc", dst, "proc", MS_NOSUID | MS_NODEV | MS_NOEXEC, NULL) < 0) fail("proc");
        break;
    case OP_DIR:
        make_dirs(op->b, 0755);
        break;
    }
}

/* Files framing: name NUL size NUL bytes..., repeated until EOF. Names are plain (no '/'). */
static int read_full(int fd, char *buf, size_t n) {
    size_t got = 0;
    while (got < n) {
        ssize_t r = read(fd, buf + got, n - got);
        if (r < 0 && errno == EINTR) continue;
        if (r <= 0) return (int) got;
        got += (size_t) r;
    }
    return (int) got;
}

static int read_field(int fd, char *buf, size_t size) {
    for (size_t i = 0; i < size; i++) {
        ssize_t r = read(fd, buf + i, 1);
        if (r == 0 && i == 0) return 0;
        if (r != 1) { errno = EPROTO; fail("files"); }
        if (buf[i] == '\0') return 1;
    }
    errno = ENAMETOOLONG;
    fail("files");
    return 0;
}

static void receive_files(void) {
    char name[256], size_text[24], path[4096], chunk[65536];
    while (read_field(files_fd, name, sizeof name)) {
        if (!read_field(files_fd, size_text, sizeof size_text)) { errno = EPROTO; fail("files"); }
        if (name[0] == '\0' || name[0] == '.' || strchr(name, '/') != NULL) { errno = EINVAL; fail("files-name"); }
        long size = parse_num(size_text);
        if (snprintf(path, sizeof path, "%s%s/%s", newroot, workdir, name) >= (int) sizeof path) usage("path too long");
        int out = open(path, O_CREAT | O_EXCL | O_WRONLY | O_NOFOLLOW | O_CLOEXEC, 0644);
        if (out < 0) fail("files-create");
        while (size > 0) {
            size_t want = size < (long) sizeof chunk ? (size_t) size : sizeof chunk;
            int got = read_full(files_fd, chunk, want);
            if (got != (int) want) { errno = EPROTO; fail("files"); }
            if (write(out, chunk, want) != (ssize_t) want) fail("files-write");
            size -= (long) want;
        }
        if (fchown(out, task_uid, task_gid) < 0) fail("files-chown");
        close(out);
    }
    close(files_fd);
}

static void enter_root(void) {
    if (chdir(newroot) < 0) fail("chdir-newroot");
    if (syscall(SYS_pivot_root, ".", ".") < 0) fail("pivot_root");
    if (umount2(".", MNT_DETACH) < 0) fail("umount-oldroot");
    if (chdir("/") < 0) fail("chdir-root");
    if (mount(NULL, "/", NULL, MS_REMOUNT | MS_BIND | MS_RDONLY | MS_NOSUID | MS_NODEV, NULL) < 0) fail("remount-root");
}

static int write_proc(pid_t pid, const char *file, const char *text) {
    char path[64];
    snprintf(path, sizeof path, "/proc/%d/%s", (int) pid, file);
    int fd = open(path, O_WRONLY | O_CLOEXEC);
    if (fd < 0) return -1;
    ssize_t n = write(fd, text, strlen(text));
    int saved = errno;
    close(fd);
    errno = saved;
    return n == (ssize_t) strlen(text) ? 0 : -1;
}

/* Outer, host root in the initial user and pid namespaces, before it unshares anything: a short-lived helper
 * creates the task's user namespace; we (the only writer allowed to map ids other than our own) map exactly
 * one uid and one gid, the task's, with the same numbers inside (host root stays unmapped), keep the
 * namespace by fd and end the helper. The inner enters it with setns() as its last privileged step, so the
 * namespace owns none of the task's other namespaces: no capability inside it reaches them. Doing this
 * before the task is accepted keeps the mapping round trip off the accepted -> exec path. */
static void make_user_namespace(void) {
    int sync[2];
    if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sync) < 0) fail("userns-sync");
    pid_t helper = fork();
    if (helper < 0) fail("userns-fork");
    if (helper == 0) {
        char c = 'U';
        close(sync[0]);
        if (unshare(CLONE_NEWUSER) < 0) _exit(errno);
        if (write(sync[1], &c, 1) != 1) _exit(EPIPE);
        ssize_t ignored = read(sync[1], &c, 1); /* until the outer has the namespace and closes */
        (void) ignored;
        _exit(0);
    }
    close(sync[1]);
    char c, uid_map[64], gid_map[64];
    if (read(sync[0], &c, 1) != 1) {
        int status = 0;
        waitpid(helper, &status, 0);
        errno = WIFEXITED(status) ? WEXITSTATUS(status) : EPROTO;
        fail("unshare-user");
    }
    snprintf(uid_map, sizeof uid_map, "%u %u 1\n", task_uid, task_uid);
    snprintf(gid_map, sizeof gid_map, "%u %u 1\n", task_gid, task_gid);
    /* setgroups "deny" before gid_map: a task could otherwise drop a group that denies it access. */
    if (write_proc(helper, "setgroups", "deny") < 0) fail("userns-setgroups");
    if (write_proc(helper, "uid_map", uid_map) < 0) fail("userns-uid-map");
    if (write_proc(helper, "gid_map", gid_map) < 0) fail("userns-gid-map");
    char ns_path[64];
    snprintf(ns_path, sizeof ns_path, "/proc/%d/ns/user", (int) helper);
    userns_fd = open(ns_path, O_RDONLY | O_CLOEXEC);
    if (userns_fd < 0) fail("userns-open");
    close(sync[0]);
    while (waitpid(helper, NULL, 0) < 0 && errno == EINTR) {
    }
}

static void drop_privileges(void) {
    /* As host root, before any user namespace: inside one, setgroups is denied. */
    if (setgroups(0, NULL) < 0) fail("setgroups");
    if (use_userns) {
        if (setns(userns_fd, CLONE_NEWUSER) < 0) fail("setns-user");
        close(userns_fd);
    }
    /* After the user namespace: a new one starts with a full bounding set. */
    for (int cap = 0; cap <= 63; cap++) {
        if (prctl(PR_CAPBSET_DROP, cap, 0, 0, 0) < 0 && errno != EINVAL) fail("capbset");
    }
    if (setresgid(task_gid, task_gid, task_gid) < 0) fail("setresgid");
    if (setresuid(task_uid, task_uid, task_uid) < 0) fail("setresuid");
    /* A credential change clears the parent-death signal: re-arm it so the task dies with the launcher. */
    if (prctl(PR_SET_PDEATHSIG, SIGKILL, 0, 0, 0) < 0) fail("pdeathsig");
    if (prctl(PR_CAP_AMBIENT, PR_CAP_AMBIENT_CLEAR_ALL, 0, 0, 0) < 0) fail("ambient");
    struct __user_cap_header_struct header = { _LINUX_CAPABILITY_VERSION_3, 0 };
    struct __user_cap_data_struct data[2];
    memset(data, 0, sizeof data);
    if (syscall(SYS_capset, &header, data) < 0) fail("capset");
    if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) < 0) fail("no_new_privs");
}

/* ---- seccomp: a deny-list in classic BPF, loaded through prctl(PR_SET_SECCOMP) ---- */
static struct sock_filter filter[256];
static unsigned short n_filter;

static void emit(unsigned short code, unsigned char jt, unsigned char jf, unsigned int k) {
    if (n_filter == sizeof filter / sizeof filter[0]) { errno = E2BIG; fail("seccomp-size"); }
    filter[n_filter++] = (struct sock_filter) BPF_JUMP(code, k, jt, jf);
}

#define LOAD_NR() emit(BPF_LD | BPF_W | BPF_ABS, 0, 0, offsetof(struct seccomp_data, nr))
#define LOAD_ARG_LO(i) emit(BPF_LD | BPF_W | BPF_ABS, 0, 0, offsetof(struct seccomp_data, args[i]))
#define RET(v) emit(BPF_RET | BPF_K, 0, 0, (v))
#define DENY(nr) do { emit(BPF_JMP | BPF_JEQ | BPF_K, 0, 1, (nr)); RET(SECCOMP_RET_ERRNO | EPERM); } while (0)

static const int denied[] = {
    SYS_mount, SYS_umount2, SYS_pivot_root, SYS_chroot, SYS_ptrace, SYS_process_vm_readv,
    SYS_process_vm_writev, SYS_kexec_load, SYS_init_module, SYS_finit_module, SYS_delete_module, SYS_bpf,
    SYS_keyctl, SYS_add_key, SYS_request_key, SYS_unshare, SYS_setns, SYS_perf_event_open, SYS_userfaultfd,
    SYS_reboot, SYS_swapon, SYS_swapoff, SYS_syslog, SYS_acct, SYS_settimeofday, SYS_clock_settime,
    SYS_clock_adjtime, SYS_adjtimex, SYS_quotactl, SYS_open_by_handle_at, SYS_name_to_handle_at,
    SYS_sethostname, SYS_setdomainname, SYS_vhangup, SYS_fanotify_init, SYS_migrate_pages, SYS_move_pages,
    SYS_kcmp, SYS_personality,
#ifdef SYS_kexec_file_load
    SYS_kexec_file_load,
#endif
#ifdef SYS_iopl
    SYS_iopl, SYS_ioperm,
#endif
#ifdef SYS_uselib
    SYS_uselib,
#endif
#ifdef SYS_lookup_dcookie
    SYS_lookup_dcookie,
#endif
#ifdef SYS_open_tree
    SYS_open_tree, SYS_move_mount, SYS_fsopen, SYS_fsconfig, SYS_fsmount, SYS_fspick,
#endif
#ifdef SYS_mount_setattr
    SYS_mount_setattr,
#endif
#ifdef SYS_pidfd_getfd
    SYS_pidfd_getfd,
#endif
#ifdef SYS_io_uring_setup
    SYS_io_uring_setup, SYS_io_uring_enter, SYS_io_uring_register,
#endif
};

/* Each guarded block is "JEQ nr ? next : skip the block"; the jf counts below are the block lengths. */
static void install_seccomp(void) {
    const unsigned int ns_flags = CLONE_NEWNS | CLONE_NEWUTS | CLONE_NEWIPC | CLONE_NEWUSER | CLONE_NEWPID
        | CLONE_NEWNET | CLONE_NEWCGROUP;
    emit(BPF_LD | BPF_W | BPF_ABS, 0, 0, offsetof(struct seccomp_data, arch));
    emit(BPF_JMP | BPF_JEQ | BPF_K, 1, 0, SMAINER_AUDIT_ARCH);
    RET(SECCOMP_RET_KILL_PROCESS);
    LOAD_NR();
#ifdef __x86_64__
    emit(BPF_JMP | BPF_JGE | BPF_K, 0, 1, 0x40000000u); /* x32 ABI: a second syscall table */
    RET(SECCOMP_RET_KILL_PROCESS);
#endif
    for (size_t i = 0; i < sizeof denied / sizeof denied[0]; i++) DENY((unsigned int) denied[i]);
#ifdef SYS_clone3
    /* clone3 passes flags in memory BPF cannot read: ENOSYS makes libc fall back to clone(2). */
    emit(BPF_JMP | BPF_JEQ | BPF_K, 0, 1, SYS_clone3);
    RET(SECCOMP_RET_ERRNO | ENOSYS);
#endif
    /* clone(2) with any namespace flag: a task must not build namespaces of its own. */
    emit(BPF_JMP | BPF_JEQ | BPF_K, 0, 4, SYS_clone);
    LOAD_ARG_LO(0);
    emit(BPF_JMP | BPF_JSET | BPF_K, 0, 1, ns_flags);
    RET(SECCOMP_RET_ERRNO | EPERM);
    RET(SECCOMP_RET_ALLOW);
    /* socket(2): only unix, inet and inet6 (no packet, netlink, vsock, bluetooth, ...). */
    emit(BPF_JMP | BPF_JEQ | BPF_K, 0, 6, SYS_socket);
    LOAD_ARG_LO(0);
    emit(BPF_JMP | BPF_JEQ | BPF_K, 3, 0, AF_UNIX);
    emit(BPF_JMP | BPF_JEQ | BPF_K, 2, 0, AF_INET);
    emit(BPF_JMP | BPF_JEQ | BPF_K, 1, 0, AF_INET6);
    RET(SECCOMP_RET_ERRNO | EAFNOSUPPORT);
    RET(SECCOMP_RET_ALLOW);
    /* ioctl(TIOCSTI/TIOCLINUX): no injecting keystrokes into a terminal the task might inherit. */
    emit(BPF_JMP | BPF_JEQ | BPF_K, 0, 5, SYS_ioctl);
    LOAD_ARG_LO(1);
    emit(BPF_JMP | BPF_JEQ | BPF_K, 1, 0, TIOCSTI);
    emit(BPF_JMP | BPF_JEQ | BPF_K, 0, 1, TIOCLINUX);
    RET(SECCOMP_RET_ERRNO | EPERM);
    RET(SECCOMP_RET_ALLOW);
    RET(SECCOMP_RET_ALLOW);

    struct sock_fprog prog = { n_filter, filter };
    if (prctl(PR_SET_SECCOMP, SECCOMP_MODE_FILTER, &prog, 0, 0) < 0) fail("seccomp");
}

/* The plan: NUL-terminated option words up to EOF, parsed like argv; it must end with "--" and the task argv. */
static char plan_buf[MAX_PLAN_BYTES];
static char *plan_words[MAX_PLAN_WORDS];

static char **read_plan(void) {
    int got = read_full(plan_fd, plan_buf, sizeof plan_buf);
    char extra;
    if (got == (int) sizeof plan_buf && read(plan_fd, &extra, 1) == 1) { errno = E2BIG; fail("plan"); }
    close(plan_fd);
    if (got == 0 || plan_buf[got - 1] != '\0') { errno = EPROTO; fail("plan"); }
    int n = 0;
    for (int i = 0; i < got; i += (int) strlen(plan_buf + i) + 1) {
        if (n == MAX_PLAN_WORDS - 1) { errno = E2BIG; fail("plan"); }
        plan_words[n++] = plan_buf + i;
    }
    plan_words[n] = NULL;
    int first = parse_opts(n, plan_words, 0, 1);
    if (first < 0 || first >= n) usage("the plan has no -- and task command");
    return plan_words + first;
}

static void inner(char **task_argv, int exec_pipe) {
    report_fd = exec_pipe;
    if (prctl(PR_SET_PDEATHSIG, SIGKILL, 0, 0, 0) < 0) fail("pdeathsig");
    /* Join the task cgroups before anything else runs here, then hide the host's cgroup tree. */
    join_cgroups();
    if (unshare(CLONE_NEWCGROUP) < 0) fail("unshare-cgroup");
    if (mount(NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL) < 0) fail("make-private");
    /* Resolve bind sources once, before the root tmpfs may cover them (a source under --newroot) and
     * so a path swapped later cannot redirect the bind. */
    for (int i = 0; i < n_ops; i++) {
        if (ops[i].kind == OP_RO_BIND || ops[i].kind == OP_DEV_BIND) {
            ops[i].fd = open(ops[i].a, O_PATH | O_CLOEXEC);
            if (ops[i].fd < 0) fail("bind-source");
        }
    }
    if (mount("tmpfs", newroot, "tmpfs", MS_NOSUID | MS_NODEV, "size=1m,mode=0755") < 0) fail("root-tmpfs");
    for (int i = 0; i < n_ops; i++) apply_op(&ops[i]);
    enter_root();
    newroot = ""; /* from here on, paths are absolute inside the task's root */
    if (sethostname(hostname, strlen(hostname)) < 0) fail("hostname");
    /* A warm spare waits here, charged to its cgroup, its root assembled and read-only, until a task is
     * accepted; the plan brings the work dir (a new tmpfs on the existing mount point), limits, env, argv. */
    int setup_ops = n_ops;
    if (plan_fd >= 0) task_argv = read_plan();
    if (task_argv[0][0] != '/') usage("task command must be an absolute path");
    task_env[n_env] = NULL;
    for (int i = setup_ops; i < n_ops; i++) apply_op(&ops[i]);
    if (files_fd >= 0) receive_files();
    struct rlimit zero = { 0, 0 };
    if (setrlimit(RLIMIT_CORE, &zero) < 0) fail("rlimit");
    for (int i = 0; i < n_rlimits; i++) {
        struct rlimit r = { rlimits[i].value, rlimits[i].value };
        if (setrlimit(rlimits[i].resource, &r) < 0) fail("rlimit");
    }
    if (chdir(workdir) < 0) fail("chdir-workdir");
    drop_privileges();
    if (use_seccomp) install_seccomp();
    execve(task_argv[0], task_argv, (char **) task_env);
    fail("execve");
}

int main(int argc, char **argv) {
    int first = parse_opts(argc, argv, 1, 0);
    report_fd = status_fd;
    if (plan_fd < 0 && (first < 0 || first >= argc)) usage("no task command after --");
    if (plan_fd >= 0 && first >= 0) usage("with --plan-fd the task command comes in the plan");
    if (prctl(PR_SET_PDEATHSIG, SIGKILL, 0, 0, 0) < 0) fail("pdeathsig");
    close_stray_fds();
    reset_signals();
    /* Before the pid namespace: our next fork after unshare(CLONE_NEWPID) must be the inner, as its pid 1. */
    if (use_userns) make_user_namespace();
    if (unshare(CLONE_NEWNS | CLONE_NEWPID | CLONE_NEWNET | CLONE_NEWUTS | CLONE_NEWIPC) < 0) fail("unshare");
    int exec_pipe[2];
    if (pipe2(exec_pipe, O_CLOEXEC) < 0) fail("pipe");
    pid_t child = fork();
    if (child < 0) fail("fork");
    if (child == 0) {
        close(exec_pipe[0]);
        if (status_fd >= 0) close(status_fd);
        inner(first >= 0 ? argv + first : NULL, exec_pipe[1]);
    }
    close(exec_pipe[1]);
    /* Only here, after the fork (an ignored signal stays ignored across execve): a daemon that stopped reading
     * our status (a discarded spare) must not kill us with SIGPIPE before we reap the inner, which would
     * leave it a zombie for the host's init. */
    signal(SIGPIPE, SIG_IGN);
    if (files_fd >= 0) close(files_fd);
    if (plan_fd >= 0) close(plan_fd);
    if (use_userns) close(userns_fd);
    /* The inner process reports a setup error on the pipe, or nothing: EOF means execve succeeded. */
    char line[160];
    ssize_t n = read(exec_pipe[0], line, sizeof line - 1);
    close(exec_pipe[0]);
    int started = n == 0;
    if (n > 0) {
        line[n] = '\0';
        report(line);
    } else if (n == 0) {
        report("exec\n");
    } else {
        report("error exec-pipe 5\n");
    }
    int status;
    while (waitpid(child, &status, 0) < 0) {
        if (errno != EINTR) fail("waitpid");
    }
    if (!started) _exit(EXIT_SETUP);
    /* Still in the task's mount namespace (pivot_root moved our root too): how full did the work dir get? */
    struct statvfs sv;
    if (statvfs(workdir, &sv) == 0) {
        snprintf(line, sizeof line, "workdir %llu %llu\n",
                 (unsigned long long) (sv.f_blocks - sv.f_bfree) * sv.f_frsize,
                 (unsigned long long) sv.f_blocks * sv.f_frsize);
        report(line);
    }
    if (WIFSIGNALED(status)) {
        snprintf(line, sizeof line, "signal %d\n", WTERMSIG(status));
        report(line);
        _exit(128 + WTERMSIG(status));
    }
    snprintf(line, sizeof line, "exit %d\n", WEXITSTATUS(status));
    report(line);
    _exit(WEXITSTATUS(status));
}
