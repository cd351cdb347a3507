package io.ringkernel.api;

import java.util.List;
import java.util.Set;

/**
 * What the runtime knows about one installed backend.
 *
 * @param type its kind
 * @param name its name
 * @param priority higher wins when {@link BackendType#AUTO} chooses
 * @param available whether it can launch kernels on this machine
 * @param unavailableReason why not, or the empty string when available
 * @param modes launch modes it supports
 * @param devices its devices (empty when unavailable)
 */
public record BackendInfo(BackendType type, String name, int priority, boolean available, String unavailableReason,
                          Set<LaunchMode> modes, List<DeviceInfo> devices) {
}
