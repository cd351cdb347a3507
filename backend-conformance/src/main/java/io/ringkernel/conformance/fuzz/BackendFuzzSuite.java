package io.ringkernel.conformance.fuzz;

import io.ringkernel.conformance.BackendPresence;
import io.ringkernel.spi.Backend;
import net.jqwik.api.lifecycle.LifecycleContext;
import net.jqwik.api.lifecycle.SkipExecutionHook;
import org.opentest4j.TestAbortedException;

/**
 * What the fuzz suites that run on a backend share: which backend and device they run on, and
 * skipping their properties where that backend cannot run. A backend runs a suite through a thin
 * subclass that names its {@link Backend}.
 */
public abstract class BackendFuzzSuite {

    /** @return the backend under test */
    protected abstract Backend backend();

    /**
     * @return the index of the device under test within the backend; 0, its first, by default. A
     *         subclass whose device may be missing where its backend runs skips there with an
     *         assumption, as {@link BackendPresence} does.
     */
    protected int device() {
        return 0;
    }

    /**
     * Skips a property, with the reason, where its backend or device cannot run and is not
     * required ({@link BackendPresence}): jqwik reports an assumption that fails in a lifecycle
     * method as a failure, not as skipped. A required backend that cannot run fails in the suite's
     * launch, which calls {@link BackendPresence#require(Backend)} and {@link #device()} itself.
     */
    public static final class SkipWhereTheBackendCannotRun implements SkipExecutionHook {
        @Override
        public SkipResult shouldBeSkipped(LifecycleContext context) {
            Class<?> container = context.optionalContainerClass().orElseThrow();
            BackendFuzzSuite suite = (BackendFuzzSuite) context.newInstance(container);
            try {
                BackendPresence.require(suite.backend());
                suite.device();
                return SkipResult.doNotSkip();
            } catch (TestAbortedException cannotRun) {
                return SkipResult.skip(cannotRun.getMessage());
            } catch (AssertionError requiredButCannotRun) {
                return SkipResult.doNotSkip(); // the suite's launch fails with the same message
            }
        }
    }
}
