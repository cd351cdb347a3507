package io.ringkernel.runtime.internal;

import io.ringkernel.api.RestartPolicy;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Applies one kernel's {@link RestartPolicy}: counts its restarts in the policy's sliding window
 * and logs each decision, so a restart is visible in the log as well as in the kernel's metrics.
 */
final class Supervisor {
    private static final System.Logger LOG = System.getLogger(Supervisor.class.getName());

    private final String kernelId;
    private final RestartPolicy policy;
    private final Deque<Long> recent = new ArrayDeque<>();
    private int restarts;

    Supervisor(String kernelId, RestartPolicy policy) {
        this.kernelId = kernelId;
        this.policy = policy;
    }

    /**
     * Decides on a failure, and counts the restart if there is one.
     *
     * @param now System.nanoTime
     * @param cause why the kernel failed
     * @return true if the kernel is to be restarted
     */
    synchronized boolean restartAfter(long now, String cause) {
        while (!recent.isEmpty() && now - recent.peekFirst() > policy.window().toNanos()) {
            recent.removeFirst();
        }
        if (recent.size() >= policy.maxRestarts()) {
            if (policy.maxRestarts() > 0) {
                LOG.log(System.Logger.Level.ERROR, "kernel ''{0}'' failed ({1}) and stays FAILED: it was restarted {2} "
                        + "time(s) within {3} ms, all its restart policy allows", kernelId, cause, recent.size(),
                        String.valueOf(policy.window().toMillis()));
            }
            return false;
        }
        recent.addLast(now);
        restarts++;
        LOG.log(System.Logger.Level.WARNING, "kernel ''{0}'' failed ({1}); restarting it, restart {2} of {3} within {4} ms",
                kernelId, cause, recent.size(), policy.maxRestarts(), String.valueOf(policy.window().toMillis()));
        return true;
    }

    /** @return how often the kernel was restarted since launch */
    synchronized int restarts() {
        return restarts;
    }

    /** @return why a failed kernel could not be restarted after all, to append to its failure */
    static String notRestarted(String why) {
        return "; not restarted: " + why;
    }
}
