package io.ringkernel.conformance.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringkernel.api.RingKernelException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * Every request of a test by its id, from the moment it is made until its one outcome: a reply
 * whose content matches the request, a typed error of the platform's API, or — for a message
 * that was queued without a call waiting for it — a place among the messages its kernel counted
 * as dropped when it terminated. Counts the outcomes by kind and keeps what breaks the promise:
 * a second outcome for a request, a reply that does not match its request, an exception outside
 * the platform's API.
 */
public final class Ledger {
    /** The kind a request that was queued and dropped by its terminating kernel is counted under. */
    public static final String DROPPED = "dropped by its terminating kernel (metrics)";
    /** The kind a reply with the wrong content is counted under. */
    public static final String WRONG_REPLY = "wrong reply";

    private final AtomicLong ids = new AtomicLong();
    private final Map<Long, String> open = new ConcurrentHashMap<>();
    private final LongAdder sent = new LongAdder();
    private final LongAdder replied = new LongAdder();
    private final Map<String, LongAdder> failed = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<String> violations = new ConcurrentLinkedQueue<>();

    /** An empty ledger. */
    public Ledger() {
    }

    /**
     * @param kernel the kernel the request goes to
     * @return the request's id, unique in this ledger
     */
    public long open(String kernel) {
        long id = ids.incrementAndGet();
        open.put(id, kernel);
        sent.increment();
        return id;
    }

    /** @param id a request answered with the reply its content asks for */
    public void replied(long id) {
        if (close(id, "a reply")) {
            replied.increment();
        }
    }

    /**
     * @param id a request
     * @param error the typed error it failed with
     */
    public void failed(long id, RingKernelException error) {
        String kind = CallLoad.kind(error);
        if (close(id, kind)) {
            count(kind);
        }
    }

    /** @param id a request that was queued and counted as dropped by its kernel when it terminated */
    public void dropped(long id) {
        if (close(id, DROPPED)) {
            count(DROPPED);
        }
    }

    /**
     * @param id a request
     * @param mismatch how its reply differs from what it asked for
     */
    public void wrongReply(long id, AssertionError mismatch) {
        violation("request " + id + " to " + open.get(id) + ": " + mismatch.getMessage());
        if (close(id, WRONG_REPLY)) {
            count(WRONG_REPLY);
        }
    }

    /**
     * @param id a request
     * @param failure what was thrown at its sender, outside the platform's typed errors
     */
    public void untyped(long id, Throwable failure) {
        violation("request " + id + " to " + open.get(id) + " failed with an exception outside the platform's API: "
                + stackTrace(failure));
        String kind = "untyped " + failure.getClass().getName();
        if (close(id, kind)) {
            count(kind);
        }
    }

    /** @param what something that breaks the promise, besides a request's outcome */
    public void violation(String what) {
        violations.add(what);
    }

    private boolean close(long id, String outcome) {
        if (open.remove(id) == null) {
            violation("request " + id + " got a second outcome: " + outcome);
            return false;
        }
        return true;
    }

    private void count(String kind) {
        failed.computeIfAbsent(kind, name -> new LongAdder()).increment();
    }

    /** @return requests made */
    public long sent() {
        return sent.sum();
    }

    /** @return requests answered with a matching reply */
    public long replied() {
        return replied.sum();
    }

    /** @return requests that ended otherwise, by kind: an error code, an exception's name, or {@link #DROPPED} */
    public Map<String, Long> failed() {
        Map<String, Long> counts = new TreeMap<>();
        failed.forEach((kind, count) -> counts.put(kind, count.sum()));
        return counts;
    }

    /** @return requests that ended otherwise than with a matching reply */
    public long failedTotal() {
        return failed.values().stream().mapToLong(LongAdder::sum).sum();
    }

    /** @return requests without an outcome yet, by id, with their kernel */
    public Map<Long, String> open() {
        return new TreeMap<>(open);
    }

    /**
     * Asserts the promise: nothing broke it, every request has its outcome, replies and failures
     * add up to the requests, and some requests were replied to.
     *
     * @param seed the seed of the run, named in the failure
     */
    public void assertBalanced(long seed) {
        assertThat(violations()).as("what broke the promise (seed %d)", seed).isEmpty();
        assertThat(open()).as("requests without an outcome (seed %d)", seed).isEmpty();
        assertThat(replied() + failedTotal()).as("replies and failures against requests").isEqualTo(sent());
        assertThat(replied()).as("requests replied to").isPositive();
    }

    /** @return what broke the promise, in the order it was seen */
    public List<String> violations() {
        return new ArrayList<>(violations);
    }

    /**
     * @param failure an exception
     * @return its stack trace, causes included
     */
    public static String stackTrace(Throwable failure) {
        StringWriter trace = new StringWriter();
        failure.printStackTrace(new PrintWriter(trace));
        return trace.toString();
    }

    @Override
    public String toString() {
        return sent() + " requests, " + replied() + " replied, " + failed();
    }
}
