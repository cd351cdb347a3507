package io.ringkernel.dashboard;

import java.util.concurrent.ThreadFactory;

/** Names the dashboard's background threads and keeps them from holding the JVM open. */
final class DaemonThreads {

    private DaemonThreads() {
    }

    /**
     * @param name the threads' name
     * @return a factory of daemon threads with that name
     */
    static ThreadFactory named(String name) {
        return task -> {
            Thread thread = new Thread(task, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
