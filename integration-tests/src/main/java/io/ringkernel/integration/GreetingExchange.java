package io.ringkernel.integration;

import io.ringkernel.conformance.chaos.CallLoad;
import io.ringkernel.examples.Greeting;

/** The exchange with the examples' echo kernel that the integration tests load it with. */
final class GreetingExchange {
    /** Calls an echo kernel with a {@link Greeting} and expects the same text back. */
    static final CallLoad.Exchange ECHO = (kernel, caller, sequence, timeout) -> {
        String text = caller + ":" + sequence;
        String echoed = kernel.call(new Greeting(text), Greeting.class, timeout).text();
        if (!echoed.equals(text)) {
            throw new AssertionError("call '" + text + "' was answered with '" + echoed + "'");
        }
    };

    private GreetingExchange() {
    }
}
