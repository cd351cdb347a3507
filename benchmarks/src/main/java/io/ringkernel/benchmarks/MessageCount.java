package io.ringkernel.benchmarks;

import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** Messages a benchmark thread moved in an iteration; JMH reports them per second as {@code :messages}. */
@State(Scope.Thread)
@AuxCounters(AuxCounters.Type.OPERATIONS)
public class MessageCount {
    /** Messages moved in this iteration. */
    public long messages;

    /** Starts each iteration from zero. */
    @Setup(Level.Iteration)
    public void reset() {
        messages = 0;
    }
}
