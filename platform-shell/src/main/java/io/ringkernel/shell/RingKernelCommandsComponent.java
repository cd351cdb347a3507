package io.ringkernel.shell;

import io.ringkernel.api.RingKernelRuntime;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Registers the {@code rk} commands with Gogo in an OSGi framework: a service carrying the
 * standard {@code osgi.command.scope} and {@code osgi.command.function} properties (the functions
 * listed here are {@link RingKernelCommands#FUNCTIONS}; an integration test checks they agree).
 */
@Component(service = Object.class, property = {
    "osgi.command.scope=rk",
    "osgi.command.function=list", "osgi.command.function=launch", "osgi.command.function=activate",
    "osgi.command.function=deactivate", "osgi.command.function=terminate", "osgi.command.function=send",
    "osgi.command.function=call", "osgi.command.function=metrics", "osgi.command.function=backends"})
public final class RingKernelCommandsComponent extends RingKernelCommands {

    /** @param runtime the runtime service the commands drive */
    @Activate
    public RingKernelCommandsComponent(@Reference RingKernelRuntime runtime) {
        super(runtime, SessionOutput.stream());
    }
}
