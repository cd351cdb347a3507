package io.ringkernel.dashboard;

import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * The actions the dashboard sends to its source. Each runs off the JavaFX thread and reports its
 * outcome; call them on the JavaFX thread.
 */
final class KernelActions {
    private final DashboardSource source;
    private final ActionRunner runner;

    /**
     * @param source where actions go
     * @param runner runs them and reports their outcomes
     */
    KernelActions(DashboardSource source, ActionRunner runner) {
        this.source = source;
        this.runner = runner;
    }

    /** @param kernelId a kernel to (re)start consuming */
    void activate(String kernelId) {
        lifecycle(kernelId, "activate", "activated", source::activate);
    }

    /** @param kernelId a kernel to park */
    void deactivate(String kernelId) {
        lifecycle(kernelId, "deactivate", "deactivated", source::deactivate);
    }

    /** @param kernelId a kernel to stop for good */
    void terminate(String kernelId) {
        lifecycle(kernelId, "terminate", "terminated", source::terminate);
    }

    /**
     * @param kernelId the new kernel's id
     * @param definitionId the definition to launch
     */
    void launch(String kernelId, String definitionId) {
        runner.run(kernelId, "launch " + kernelId + " (" + definitionId + ")", () -> {
            source.launch(kernelId, definitionId);
            return kernelId + " launched from " + definitionId;
        });
    }

    /**
     * @param kernelId the kernel
     * @param typeId the message type's wire id
     * @param words one word per record component
     */
    void message(String kernelId, int typeId, String words) {
        runner.run(kernelId, "test message to " + kernelId, () ->
                "reply from " + kernelId + ": " + source.call(kernelId, typeId, words));
    }

    /** @param jar a kernel bundle; anything but a .jar file is refused */
    void deploy(Path jar) {
        String name = jar.getFileName() == null ? jar.toString() : jar.getFileName().toString();
        if (!name.endsWith(".jar")) {
            runner.refuse("", "deploy refused: " + name + " is not a .jar file");
            return;
        }
        runner.run("", "deploy " + name, () -> name + " deployed to " + source.deploy(jar));
    }

    private void lifecycle(String kernelId, String verb, String pastTense, Consumer<String> operation) {
        runner.run(kernelId, verb + " " + kernelId, () -> {
            operation.accept(kernelId);
            return kernelId + " " + pastTense;
        });
    }
}
