/**
 * cgroup drivers for v1 and v2, chosen once from the mount table. Drivers compute the privileged steps
 * as a list of {@link io.smainer.sandbox.cgroup.CgroupOp}s (data); {@link io.smainer.sandbox.cgroup.CgroupFs}
 * applies them. The mount-table path and cgroup root are constructor arguments so tests can use a fake
 * cgroupfs tree in a temporary directory.
 */
package io.smainer.sandbox.cgroup;
