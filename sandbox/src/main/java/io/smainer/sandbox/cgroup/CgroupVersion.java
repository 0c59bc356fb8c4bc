package io.smainer.sandbox.cgroup;

/** Which cgroup hierarchy the driver uses. */
public enum CgroupVersion {
    V1,
    V2
}
