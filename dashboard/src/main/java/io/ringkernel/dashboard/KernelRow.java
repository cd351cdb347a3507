package io.ringkernel.dashboard;

import io.ringkernel.api.KernelMetrics;
import io.ringkernel.api.KernelStatus;
import java.util.Objects;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.Property;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * One kernel's line in the kernels table. It lives as long as the kernel and is updated in place
 * from each snapshot, so sorting and selection survive refreshes.
 */
final class KernelRow {
    private final ReadOnlyStringWrapper kernelId;
    private final StringProperty backend = new SimpleStringProperty(this, "backend", "");
    private final StringProperty device = new SimpleStringProperty(this, "device", "");
    private final ObjectProperty<KernelStatus> status = new SimpleObjectProperty<>(this, "status");
    private final LongProperty processed = new SimpleLongProperty(this, "processed");
    private final LongProperty inputDepth = new SimpleLongProperty(this, "inputDepth");
    private final LongProperty outputDepth = new SimpleLongProperty(this, "outputDepth");
    private final DoubleProperty throughput = new SimpleDoubleProperty(this, "throughput");
    private final DoubleProperty p50Micros = new SimpleDoubleProperty(this, "p50Micros");
    private final DoubleProperty p99Micros = new SimpleDoubleProperty(this, "p99Micros");
    private final LongProperty errors = new SimpleLongProperty(this, "errors");

    /** @param kernelId the kernel the row shows */
    KernelRow(String kernelId) {
        this.kernelId = new ReadOnlyStringWrapper(this, "kernelId", kernelId);
    }

    /**
     * Copies the kernel's newest metrics into the row's properties.
     *
     * @param metrics the kernel's metrics
     * @return true if any property changed
     */
    boolean update(KernelMetrics metrics) {
        boolean changed = set(backend, metrics.backend().name());
        changed |= set(device, metrics.device().name());
        changed |= set(status, metrics.status());
        changed |= set(processed, metrics.processed());
        changed |= set(inputDepth, metrics.inputDepth());
        changed |= set(outputDepth, metrics.outputDepth());
        changed |= set(throughput, metrics.throughput());
        changed |= set(p50Micros, Formats.micros(metrics.latencyP50()));
        changed |= set(p99Micros, Formats.micros(metrics.latencyP99()));
        changed |= set(errors, metrics.errors());
        return changed;
    }

    private static <T> boolean set(Property<T> property, T value) {
        if (Objects.equals(property.getValue(), value)) {
            return false;
        }
        property.setValue(value);
        return true;
    }

    private static boolean set(LongProperty property, long value) {
        if (property.get() == value) {
            return false;
        }
        property.set(value);
        return true;
    }

    private static boolean set(DoubleProperty property, double value) {
        if (Double.compare(property.get(), value) == 0) {
            return false;
        }
        property.set(value);
        return true;
    }

    /** @return the kernel's id */
    String kernelId() {
        return kernelId.get();
    }

    /** @return the kernel's id, as a property for the table */
    ReadOnlyStringProperty kernelIdProperty() {
        return kernelId.getReadOnlyProperty();
    }

    /** @return the backend it runs on */
    ReadOnlyStringProperty backendProperty() {
        return backend;
    }

    /** @return the name of the device it runs on */
    ReadOnlyStringProperty deviceProperty() {
        return device;
    }

    /** @return its state */
    ReadOnlyObjectProperty<KernelStatus> statusProperty() {
        return status;
    }

    /** @return messages its handler processed */
    ReadOnlyLongProperty processedProperty() {
        return processed;
    }

    /** @return messages waiting in its input queue */
    ReadOnlyLongProperty inputDepthProperty() {
        return inputDepth;
    }

    /** @return messages waiting in its output queue */
    ReadOnlyLongProperty outputDepthProperty() {
        return outputDepth;
    }

    /** @return processed messages per second */
    ReadOnlyDoubleProperty throughputProperty() {
        return throughput;
    }

    /** @return median latency in microseconds */
    ReadOnlyDoubleProperty p50MicrosProperty() {
        return p50Micros;
    }

    /** @return 99th percentile latency in microseconds */
    ReadOnlyDoubleProperty p99MicrosProperty() {
        return p99Micros;
    }

    /** @return error replies it produced */
    ReadOnlyLongProperty errorsProperty() {
        return errors;
    }
}
