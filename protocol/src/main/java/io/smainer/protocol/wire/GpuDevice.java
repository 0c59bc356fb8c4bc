package io.smainer.protocol.wire;

/** One GPU as {@code nvidia-smi} reports it; an element of {@code hardware_spec.gpu_info}. */
public record GpuDevice(String name, double memoryGb, String driverVersion, String vendor) {}
