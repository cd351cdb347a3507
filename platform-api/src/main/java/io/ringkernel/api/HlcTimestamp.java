package io.ringkernel.api;

/**
 * A hybrid logical clock reading: physical milliseconds, a logical counter that orders events
 * within one millisecond, and the node (kernel) that made it. Ordered by physical, then logical,
 * then node.
 *
 * @param physicalMillis wall-clock milliseconds since the epoch (48 bits on the wire)
 * @param logical logical counter (16 bits on the wire)
 * @param nodeId the node that produced the reading
 */
public record HlcTimestamp(long physicalMillis, int logical, int nodeId) implements Comparable<HlcTimestamp> {

    @Override
    public int compareTo(HlcTimestamp other) {
        int byPhysical = Long.compare(physicalMillis, other.physicalMillis);
        if (byPhysical != 0) {
            return byPhysical;
        }
        int byLogical = Integer.compare(logical, other.logical);
        return byLogical != 0 ? byLogical : Integer.compare(nodeId, other.nodeId);
    }
}
