package io.ringkernel.integration;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.IntFunction;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;

/**
 * A plug-in bundle that the chaos test updates, takes away and brings back, one move at a time.
 * It is refreshed after each update and uninstall, as the other tests refresh backends — unless
 * a refresh would take the test's own bundle with it (the test imports the examples' messages,
 * and the examples require the Kryo serializer): those are left to the framework's old
 * revisions, as {@link HotDeploymentIT} leaves the examples. A bundle that is meant to be there
 * but did not start (an update whose new revision could not resolve while another plug-in was
 * away) is started again by {@link #heal}.
 */
final class ChaosPlugin {
    /** What the chaos test can do to a plug-in. */
    enum Move {
        /** Updates the bundle to its next content. */
        UPDATE,
        /** Stops the bundle; {@link #START} brings it back. */
        STOP,
        /** Starts the bundle it stopped. */
        START,
        /** Uninstalls the bundle; {@link #REINSTALL} brings it back. */
        UNINSTALL,
        /** Installs the bundle again from its content, and starts it. */
        REINSTALL
    }

    private final BundleContext context;
    private final String name;
    private final String location;
    private final IntFunction<byte[]> content;
    private final Set<Move> removals;
    private final boolean refreshed;
    private final Duration timeout;
    private Bundle bundle;
    private Move away;
    private int revisions;

    /**
     * @param context the test bundle's context
     * @param name what the counts call it
     * @param bundle the installed, active bundle
     * @param content the bundle's jar for each revision the test installs, numbered from 1
     * @param removals how it may be taken away: {@link Move#STOP}, {@link Move#UNINSTALL}
     * @param timeout how long a refresh may take
     */
    ChaosPlugin(BundleContext context, String name, Bundle bundle, IntFunction<byte[]> content, Set<Move> removals,
                Duration timeout) {
        this.context = context;
        this.name = name;
        this.bundle = bundle;
        this.location = bundle.getLocation();
        this.content = content;
        this.removals = EnumSet.copyOf(removals);
        this.refreshed = !Bundles.refreshTakes(context, bundle, context.getBundle());
        this.timeout = timeout;
    }

    /** @return what the counts call it */
    String name() {
        return name;
    }

    /** @return whether it is refreshed after an update or uninstall */
    boolean refreshed() {
        return refreshed;
    }

    /**
     * @param random the chaos test's random numbers
     * @return a move it allows now: bring it back if it is away, otherwise update or take it away
     */
    Move pick(Random random) {
        if (away != null) {
            return away == Move.STOP ? Move.START : Move.REINSTALL;
        }
        List<Move> moves = new ArrayList<>(List.of(Move.UPDATE));
        moves.addAll(removals);
        return moves.get(random.nextInt(moves.size()));
    }

    /**
     * @param move what to do, as {@link #pick} chose it
     * @throws BundleException if the framework refused; a bundle meant to be there is then healed later
     */
    void perform(Move move) throws BundleException, InterruptedException {
        switch (move) {
            case UPDATE -> {
                bundle.update(next());
                refresh();
            }
            case STOP -> {
                away = Move.STOP;
                bundle.stop();
            }
            case START -> {
                away = null;
                bundle.start();
            }
            case UNINSTALL -> {
                away = Move.UNINSTALL;
                bundle.uninstall();
                refresh();
            }
            case REINSTALL -> {
                bundle = context.installBundle(location, next());
                away = null;
                bundle.start();
            }
        }
    }

    /**
     * Starts the bundle again if it is meant to be there and is not active.
     *
     * @return true if it had to be started and started
     * @throws BundleException if it still cannot start
     */
    boolean heal() throws BundleException {
        if (away != null || bundle.getState() == Bundle.ACTIVE) {
            return false;
        }
        bundle.start();
        return true;
    }

    /** Brings it back if it is away. */
    void bringBack() throws BundleException, InterruptedException {
        if (away != null) {
            perform(away == Move.STOP ? Move.START : Move.REINSTALL);
        }
    }

    /** @return whether it is away now */
    boolean away() {
        return away != null;
    }

    /** @return the bundle installed now */
    Bundle bundle() {
        return bundle;
    }

    private ByteArrayInputStream next() {
        revisions++;
        return new ByteArrayInputStream(content.apply(revisions));
    }

    private void refresh() throws InterruptedException {
        if (refreshed) {
            Bundles.refresh(context, bundle, timeout);
        }
    }
}
