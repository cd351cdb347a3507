package io.ringkernel.backend.opencl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ringkernel.conformance.BackendPresence;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A worker whose ICD loader does not list its device is started again with one ICD library at a
 * time, and the library that shows the device serves the next workers. The first worker is made
 * to miss the device by pointing its loader at an empty vendors folder.
 */
class WorkerLauncherTest {
    private static final int CAPACITY = 4;
    private static final int STRIDE = 512;

    @TempDir
    Path vendors;
    private OpenClDevice device;
    private Map<String, String> listingNothing;

    @BeforeEach
    void findTheDevice() {
        BackendPresence.require(new OpenClBackend());
        device = OpenClDevices.discover().get(0);
        listingNothing = Map.of(IcdLibraries.VENDORS, vendors.toString(), IcdLibraries.FILENAMES, "");
    }

    @Test
    void shouldStartTheWorkerAgainWithTheLibraryThatShowsTheDeviceAndKeepIt() throws IOException {
        WorkerLauncher launcher = new WorkerLauncher(device, System.getenv(), listingNothing);

        launcher.start("first", CAPACITY, STRIDE).close();
        launcher.start("second", CAPACITY, STRIDE).close();
    }

    @Test
    void shouldNameTheMissingDeviceWhenNoLibraryShowsIt() throws IOException {
        Files.writeString(vendors.resolve("absent.icd"), "libringkernel-absent-icd.so");
        WorkerLauncher launcher = new WorkerLauncher(device, Map.of(IcdLibraries.VENDORS, vendors.toString()),
                listingNothing);

        assertThatThrownBy(() -> launcher.start("k", CAPACITY, STRIDE)).isInstanceOf(MissingDeviceException.class)
                .hasMessageContaining("the worker process finds no OpenCL device '" + device.info().name() + "'")
                .satisfies(e -> assertThat(e.getSuppressed()).as("one try per library").hasSize(1));
    }
}
