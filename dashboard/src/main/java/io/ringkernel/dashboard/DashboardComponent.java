package io.ringkernel.dashboard;

import io.ringkernel.api.RingKernelRuntime;
import io.ringkernel.management.KernelBundles;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/**
 * Opens the dashboard inside the platform, on the runtime service, when the framework property
 * {@value #ENABLED} is {@code true} (the launcher sets it where a display is present). The window
 * closes when the runtime or this bundle goes away.
 */
@Component(immediate = true)
public final class DashboardComponent {
    /** Framework property: "true" to open the window. */
    public static final String ENABLED = "ringkernel.dashboard";
    /** Framework property FileInstall watches: the deploy/ folder. */
    static final String DEPLOY_DIRECTORY = "felix.fileinstall.dir";

    private final RingKernelRuntime runtime;
    private final BundleContext context;
    private final AtomicReference<DashboardWindow> window = new AtomicReference<>();

    /**
     * @param runtime the platform's runtime
     * @param context this bundle's context
     */
    @Activate
    public DashboardComponent(@Reference RingKernelRuntime runtime, BundleContext context) {
        this.runtime = runtime;
        this.context = context;
        if (Boolean.parseBoolean(context.getProperty(ENABLED))) {
            FxPlatform.run(this::open);
        }
    }

    private void open() {
        String deploy = context.getProperty(DEPLOY_DIRECTORY);
        KernelBundles bundles = new KernelBundles(context);
        LocalSource source = new LocalSource(runtime, Optional.ofNullable(deploy).map(Path::of),
                () -> DeployedBundle.all(bundles.getKernelBundles()));
        window.set(DashboardWindow.show(new Stage(), source));
    }

    /** Closes the window. */
    @Deactivate
    public void close() {
        DashboardWindow open = window.getAndSet(null);
        if (open != null) {
            Platform.runLater(open::close);
        }
    }
}
