package io.ringkernel.conformance.chaos;

import io.ringkernel.conformance.Ping;

/**
 * The conformance kernel's messages sent without a call waiting: a {@link Ping} that carries the
 * request's ledger id as its sequence, echoed back unchanged.
 */
public final class PingStream implements ChaosKernel.Stream {
    /** The sender number every streamed ping carries, apart from the callers' numbers. */
    private static final int SENDER = -1;

    @Override
    public Object request(long id) {
        return new Ping(id, SENDER);
    }

    @Override
    public long answers(Object reply) {
        if (!(reply instanceof Ping ping) || ping.sender() != SENDER) {
            throw new AssertionError("a streamed ping was answered with " + reply);
        }
        return ping.sequence();
    }
}
