package io.ringkernel.dashboard;

import org.osgi.framework.Bundle;

/** Names of OSGi bundle states, as the dashboard shows them. */
final class BundleStates {

    private BundleStates() {
    }

    /**
     * @param state a {@link Bundle#getState()} value
     * @return its name, e.g. ACTIVE
     */
    static String name(int state) {
        return switch (state) {
            case Bundle.UNINSTALLED -> "UNINSTALLED";
            case Bundle.INSTALLED -> "INSTALLED";
            case Bundle.RESOLVED -> "RESOLVED";
            case Bundle.STARTING -> "STARTING";
            case Bundle.STOPPING -> "STOPPING";
            case Bundle.ACTIVE -> "ACTIVE";
            default -> "state " + state;
        };
    }
}
