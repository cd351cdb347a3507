package io.ringkernel.launcher;

import java.util.Properties;

/**
 * The platform's rule for remote JMX: it starts no JMX connector of its own, so remote access is
 * off unless the JVM is started with {@code -Dcom.sun.management.jmxremote.port=…}; and then the
 * connector must authenticate its clients. The JDK authenticates by default (a password file is
 * required); a JVM started with {@code com.sun.management.jmxremote.authenticate=false} would let
 * anyone on the network launch, call and terminate kernels, so the launcher refuses to run in it.
 */
final class RemoteJmxPolicy {
    static final String PORT = "com.sun.management.jmxremote.port";
    static final String AUTHENTICATE = "com.sun.management.jmxremote.authenticate";

    private RemoteJmxPolicy() {
    }

    /**
     * @param system the JVM's system properties
     * @throws IllegalStateException if remote JMX is on without authentication, saying how to fix it
     */
    static void check(Properties system) {
        String port = system.getProperty(PORT);
        if (port != null && "false".equalsIgnoreCase(system.getProperty(AUTHENTICATE, "true").trim())) {
            throw new IllegalStateException("refusing to run with remote JMX on port " + port + " without "
                    + "authentication: anyone who reaches the port could launch, call and terminate kernels; remove -D"
                    + AUTHENTICATE + "=false and give the JVM a password file (-Dcom.sun.management.jmxremote."
                    + "password.file=…)");
        }
    }
}
