package io.ringkernel.backend.opencl;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where the ICD loader's libraries are found, as the loader reads its variables. */
class IcdLibrariesTest {
    @TempDir
    Path vendors;

    @Test
    void shouldListTheNamedLibrariesFirstThenTheVendorFilesInNameOrderEachOnce() throws IOException {
        Files.writeString(vendors.resolve("b-nvidia.icd"), "libnvidia-opencl.so.1\n");
        Files.writeString(vendors.resolve("a-pocl.icd"), "\n  libpocl.so.2  \n");
        Files.writeString(vendors.resolve("empty.icd"), "   \n");
        Files.writeString(vendors.resolve("notes.txt"), "libnot-an-icd.so");

        assertThat(IcdLibraries.of(Map.of(IcdLibraries.FILENAMES, "/opt/x/libx.so::libnvidia-opencl.so.1",
                IcdLibraries.VENDORS, vendors.toString())))
                .containsExactly("/opt/x/libx.so", "libnvidia-opencl.so.1", "libpocl.so.2");
    }

    @Test
    void shouldReadOneVendorFileWhereTheVariableNamesAFile() throws IOException {
        Path icd = Files.writeString(vendors.resolve("only.icd"), "libonly.so");

        assertThat(IcdLibraries.of(Map.of(IcdLibraries.VENDORS, icd.toString()))).containsExactly("libonly.so");
    }

    @Test
    void shouldFindNoneInAFolderThatIsNotThere() {
        assertThat(IcdLibraries.of(Map.of(IcdLibraries.VENDORS, vendors.resolve("absent").toString()))).isEmpty();
    }

    @Test
    void shouldMakeTheLoaderLoadOneLibraryAlone() {
        assertThat(IcdLibraries.only("libpocl.so.2"))
                .isEqualTo(Map.of(IcdLibraries.VENDORS, "libpocl.so.2", IcdLibraries.FILENAMES, "libpocl.so.2"));
    }
}
