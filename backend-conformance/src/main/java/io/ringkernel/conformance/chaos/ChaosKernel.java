package io.ringkernel.conformance.chaos;

import io.ringkernel.api.KernelErrorException;
import io.ringkernel.api.KernelHandle;
import io.ringkernel.api.KernelStatus;
import io.ringkernel.api.KernelTimeoutException;
import io.ringkernel.api.LaunchOptions;
import io.ringkernel.api.ReceivedMessage;
import io.ringkernel.api.RingKernelException;
import io.ringkernel.api.RingKernelRuntime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Collectors;

/**
 * One kernel that a chaos or churn test keeps busy under a fixed id, with calls or with sends whose
 * replies are received, every request entered in the {@link Ledger}. When its kernel has
 * terminated (its definition or backend left for longer than the runtime waits, or the test
 * {@linkplain #relaunch relaunched} it), the next request launches it again, which works once its
 * plug-ins are back. Each launch is an instance
 * of its own, which accounts for its messages once it has terminated and no caller uses it any
 * more: a call instance never counted more late replies than calls timed out on it, and a send
 * instance's messages that got no reply are exactly those its metrics count as dropped.
 */
public final class ChaosKernel {
    private static final System.Logger LOG = System.getLogger(ChaosKernel.class.getName());
    /** Messages sent back to back before the sender receives. */
    private static final int MAX_BURST = 8;
    /** Messages received at most after a burst: more than a burst, so a backlog drains. */
    private static final int MAX_RECEIVED = 4 * MAX_BURST;
    /** How long a receive waits for a reply. */
    private static final Duration RECEIVE_TIMEOUT = Duration.ofMillis(50);

    /** Messages for a kernel that answers each with one reply, sent without a call waiting. */
    public interface Stream {
        /**
         * @param id the request's id in the ledger
         * @return the message, carrying the id
         */
        Object request(long id);

        /**
         * @param reply a reply's payload
         * @return the id of the request it answers
         * @throws AssertionError if it is not a reply this kernel would give to any request
         */
        long answers(Object reply);
    }

    private final RingKernelRuntime runtime;
    private final Ledger ledger;
    private final String id;
    private final LaunchOptions options;
    private final CallLoad.Exchange calls;
    private final Stream stream;
    /** Instances that terminated, until no caller uses them and they have accounted for their messages. */
    private final List<Instance> retired = new ArrayList<>();
    private final Map<String, LongAdder> refusedLaunches = new ConcurrentHashMap<>();
    private final LongAdder replies = new LongAdder();
    private final LongAdder exchanges = new LongAdder();
    private final LongAdder exchangeNanos = new LongAdder();
    /** What each instance that FAILED reported; guarded by this. */
    private final List<String> failedKernels = new ArrayList<>();
    /* Guarded by this. */
    private Instance current;
    private int launches;
    private long lateReplies;
    private long timeouts;

    private ChaosKernel(RingKernelRuntime runtime, Ledger ledger, String id, LaunchOptions options,
                        CallLoad.Exchange calls, Stream stream) {
        this.runtime = runtime;
        this.ledger = ledger;
        this.id = id;
        this.options = options;
        this.calls = calls;
        this.stream = stream;
    }

    /**
     * @param runtime the runtime that launches it
     * @param ledger where its requests are entered
     * @param id its kernel id
     * @param options how it is launched
     * @param exchange one call and the check of its reply, with the request's ledger id as sequence
     * @return the kernel, not launched yet
     */
    public static ChaosKernel calling(RingKernelRuntime runtime, Ledger ledger, String id, LaunchOptions options,
                               CallLoad.Exchange exchange) {
        return new ChaosKernel(runtime, ledger, id, options, exchange, null);
    }

    /**
     * @param runtime the runtime that launches it
     * @param ledger where its requests are entered
     * @param id its kernel id
     * @param options how it is launched
     * @param stream its messages and replies
     * @return the kernel, not launched yet
     */
    public static ChaosKernel streaming(RingKernelRuntime runtime, Ledger ledger, String id, LaunchOptions options,
                                 Stream stream) {
        return new ChaosKernel(runtime, ledger, id, options, null, stream);
    }

    /**
     * Launches the kernel, once at the start.
     *
     * @throws AssertionError if the runtime refuses to launch it
     */
    public void launch() {
        Instance launched = serving();
        if (launched == null) {
            throw new AssertionError("the runtime refused to launch " + this + "; " + ledger.violations());
        }
        launched.release();
    }

    /**
     * The instance that serves now, for one exchange: the one launched last, or a new one if that
     * one has terminated and the runtime launches the kernel again. Instances retired earlier
     * that no caller uses any more account for their messages first.
     *
     * @return the instance, to be {@linkplain Instance#release released} after the exchange, or
     *         null while the kernel cannot be launched (the refusal is counted)
     */
    private synchronized Instance serving() {
        reconcileRetired();
        Instance serving = current;
        if (serving != null) {
            KernelStatus status = serving.handle.status();
            if (status != KernelStatus.TERMINATED && status != KernelStatus.FAILED) {
                serving.users++;
                return serving;
            }
            if (status == KernelStatus.FAILED) {
                failedKernels.add("#" + serving.number + ": " + serving.handle.metrics().lastError());
                serving.handle.terminate();
            }
            retired.add(serving);
            current = null;
        }
        try {
            current = new Instance(runtime.launch(id, options), launches + 1);
        } catch (RingKernelException refused) {
            refusedLaunches.computeIfAbsent(CallLoad.kind(refused), kind -> {
                LOG.log(System.Logger.Level.INFO, "launching {0} refused, the first time with a {1}: {2}", id, kind,
                        refused.getMessage());
                return new LongAdder();
            }).increment();
            return null;
        } catch (RuntimeException e) {
            ledger.violation("launching " + id + " failed with an exception outside the platform's API: "
                    + Ledger.stackTrace(e));
            return null;
        }
        launches++;
        current.users++;
        return current;
    }

    /** Retired instances that no caller uses account for their messages, and are dropped. */
    private synchronized void reconcileRetired() {
        for (Iterator<Instance> instances = retired.iterator(); instances.hasNext(); ) {
            Instance instance = instances.next();
            if (instance.users == 0) {
                instance.reconcile();
                instances.remove();
            }
        }
    }

    /**
     * Terminates the kernel that serves now, and launches it again under the same id; a caller
     * that finds it terminated first may be the one that launches it again.
     *
     * @return true if it serves again, false if the runtime refused to launch it (the refusal is counted)
     */
    public boolean relaunch() {
        Instance serving;
        synchronized (this) {
            serving = current;
        }
        if (serving != null) {
            serving.handle.terminate();
        }
        Instance launched = serving();
        if (launched == null) {
            return false;
        }
        launched.release();
        return true;
    }

    /** @return the kernel id it is launched under */
    public String id() {
        return id;
    }

    /**
     * Makes one call, or sends a burst of messages and receives replies while messages of the
     * kernel wait for theirs.
     *
     * @param caller which calling thread
     * @param random the caller's random numbers
     * @param timeout a call's timeout
     * @return true if a reply came back, false after a failure or while the kernel could not be launched
     */
    public boolean exchange(int caller, Random random, Duration timeout) {
        Instance instance = serving();
        if (instance == null) {
            return false;
        }
        long start = System.nanoTime();
        try {
            return calls != null ? call(instance, caller, timeout) : stream(instance, random);
        } finally {
            exchanges.increment();
            exchangeNanos.add(System.nanoTime() - start);
            instance.release();
        }
    }

    private boolean call(Instance instance, int caller, Duration timeout) {
        long request = ledger.open(id);
        try {
            calls.call(instance.handle, caller, request, timeout);
            ledger.replied(request);
            replies.increment();
            return true;
        } catch (KernelTimeoutException e) {
            instance.timeouts.increment();
            ledger.failed(request, e);
        } catch (RingKernelException e) {
            ledger.failed(request, e);
        } catch (AssertionError e) {
            ledger.wrongReply(request, e);
        } catch (RuntimeException e) {
            ledger.untyped(request, e);
        }
        return false;
    }

    private boolean stream(Instance instance, Random random) {
        int burst = 1 + random.nextInt(MAX_BURST);
        for (int sent = 0; sent < burst; sent++) {
            long request = ledger.open(id);
            try {
                instance.queued(instance.handle.send(stream.request(request)), request);
            } catch (RingKernelException e) {
                ledger.failed(request, e);
                break;
            } catch (RuntimeException e) {
                ledger.untyped(request, e);
                break;
            }
        }
        int received = 0;
        while (received < MAX_RECEIVED && instance.waiting() > 0 && receive(instance, RECEIVE_TIMEOUT)) {
            received++;
        }
        return received > 0;
    }

    /** @return true if a message or an error reply came, false if none came in time or receiving failed */
    private boolean receive(Instance instance, Duration timeout) {
        try {
            ReceivedMessage message = instance.handle.receive(timeout);
            instance.arrived(message.correlationId(), message);
            return true;
        } catch (KernelTimeoutException none) {
            return false;
        } catch (KernelErrorException error) {
            instance.arrived(error.messageId(), error);
            return true;
        } catch (RuntimeException e) {
            ledger.violation("receiving from " + id + " #" + instance.number + " failed without naming the message: "
                    + Ledger.stackTrace(e));
            return false;
        }
    }

    /** @return replies that matched their request */
    public long replies() {
        return replies.sum();
    }

    /**
     * Once nobody sends any more: receives what is still coming to the kernel that serves now,
     * terminates it, and accounts for the messages of every instance it had.
     *
     * @param timeout how long to wait for replies still coming
     */
    public void finish(Duration timeout) {
        Instance last;
        synchronized (this) {
            last = current;
            current = null;
        }
        if (last != null) {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (stream != null && last.waiting() > 0 && System.nanoTime() < deadline) {
                receive(last, RECEIVE_TIMEOUT);
            }
            last.handle.terminate();
        }
        synchronized (this) {
            if (last != null) {
                retired.add(last);
            }
            reconcileRetired();
            retired.forEach(instance -> ledger.violation(id + " #" + instance.number + " is still used by "
                    + instance.users + " callers"));
        }
    }

    /** @return late replies counted by the instances that accounted for their messages */
    public synchronized long lateReplies() {
        return lateReplies;
    }

    /** @return calls that timed out on the instances that accounted for their messages */
    public synchronized long timeouts() {
        return timeouts;
    }

    /**
     * @param ledger the run's ledger
     * @param kernels the run's kernels
     * @return the run's counts, for its log: requests, replies and failures by kind, late replies
     *         against timed-out calls, then one line per kernel
     */
    public static String report(Ledger ledger, List<ChaosKernel> kernels) {
        return ledger.sent() + " requests, " + ledger.replied() + " replied, " + ledger.failedTotal() + " failed: "
                + ledger.failed() + "\n  " + kernels.stream().mapToLong(ChaosKernel::lateReplies).sum()
                + " late replies to " + kernels.stream().mapToLong(ChaosKernel::timeouts).sum()
                + " calls that timed out\n  "
                + kernels.stream().map(ChaosKernel::toString).collect(Collectors.joining("\n  "));
    }

    @Override
    public synchronized String toString() {
        Map<String, Long> refused = new TreeMap<>();
        refusedLaunches.forEach((kind, count) -> refused.put(kind, count.sum()));
        long made = exchanges.sum();
        return id + ": " + replies() + " replies, " + made + " exchanges of " + (made == 0 ? 0
                : exchangeNanos.sum() / made / 1_000) + " us on average, " + launches + " launches, launches refused "
                + refused
                + (calls != null ? ", " + timeouts() + " calls timed out, " + lateReplies() + " late replies" : "")
                + (failedKernels.isEmpty() ? "" : ", FAILED " + failedKernels);
    }

    /** One launch of the kernel, and the messages sent to it that wait for their reply. */
    private final class Instance {
        private final KernelHandle handle;
        private final int number;
        private final LongAdder timeouts = new LongAdder();
        /** Callers that use it now; guarded by the kernel's lock. */
        private int users;
        /** Request ids by message id, of messages queued and not answered yet. */
        private final Map<Long, Long> waiting = new HashMap<>();
        /** Outcomes by message id that came before their send returned, or for a message that had one already. */
        private final Map<Long, Object> early = new HashMap<>();

        Instance(KernelHandle handle, int number) {
            this.handle = handle;
            this.number = number;
        }

        /** Ends one caller's use of it. */
        void release() {
            synchronized (ChaosKernel.this) {
                users--;
            }
        }

        /** Accounts for its messages: it has terminated, and no caller uses it. */
        void reconcile() {
            if (stream != null) {
                reconcileSends();
            } else {
                reconcileCalls();
            }
        }

        synchronized void queued(long messageId, long request) {
            Object outcome = early.remove(messageId);
            if (outcome != null) {
                settle(messageId, request, outcome);
            } else {
                waiting.put(messageId, request);
            }
        }

        /** @param outcome a {@link ReceivedMessage} or a {@link KernelErrorException} */
        synchronized void arrived(long messageId, Object outcome) {
            Long request = waiting.remove(messageId);
            if (request != null) {
                settle(messageId, request, outcome);
            } else if (early.putIfAbsent(messageId, outcome) != null) {
                ledger.violation(id + " #" + number + ": a second unmatched outcome for message " + messageId + ": "
                        + outcome);
            }
        }

        private void settle(long messageId, long request, Object outcome) {
            if (outcome instanceof KernelErrorException error) {
                ledger.failed(request, error);
                return;
            }
            Object payload = ((ReceivedMessage) outcome).payload();
            try {
                long answered = stream.answers(payload);
                if (answered != request) {
                    throw new AssertionError("message " + messageId + " (request " + request + ") was answered with "
                            + payload + ", the reply to request " + answered);
                }
                ledger.replied(request);
                replies.increment();
            } catch (AssertionError e) {
                ledger.wrongReply(request, e);
            }
        }

        synchronized int waiting() {
            return waiting.size();
        }

        /** Takes what its inbox still holds; the messages still waiting must be those its metrics count as dropped. */
        void reconcileSends() {
            while (true) {
                try {
                    Optional<ReceivedMessage> message = handle.tryReceive();
                    if (message.isEmpty()) {
                        break;
                    }
                    arrived(message.get().correlationId(), message.get());
                } catch (KernelErrorException error) {
                    arrived(error.messageId(), error);
                } catch (RuntimeException e) {
                    ledger.violation("receiving from terminated " + id + " #" + number + " failed: " + Ledger.stackTrace(e));
                    break;
                }
            }
            long dropped = handle.metrics().dropped();
            synchronized (this) {
                if (!early.isEmpty()) {
                    ledger.violation(id + " #" + number + ": outcomes for messages never sent or answered already: "
                            + early);
                }
                if (waiting.size() != dropped) {
                    ledger.violation(id + " #" + number + " (" + handle.status() + "): " + waiting.size()
                            + " messages got no reply, but its metrics count " + dropped + " dropped; requests "
                            + new TreeMap<>(waiting).values());
                    return;
                }
                waiting.values().forEach(ledger::dropped);
                waiting.clear();
            }
        }

        /** Late replies can only answer calls that timed out: more of them would be duplicates. */
        void reconcileCalls() {
            long late = handle.metrics().lateReplies();
            long timedOut = this.timeouts.sum();
            if (late > timedOut) {
                ledger.violation(id + " #" + number + ": " + late + " late replies, but only " + timedOut
                        + " of its calls timed out");
            }
            ChaosKernel.this.lateReplies += late;
            ChaosKernel.this.timeouts += timedOut;
        }
    }
}
