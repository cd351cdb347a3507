package io.ringkernel.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ApiTourTest {

    @Test
    void shouldRunTheTour() {
        assertThat(ApiTour.tour()).isEqualTo("HELLO RING KERNEL / processed 3, TERMINATED");
    }

    @Test
    void shouldShowInTheReadmeExactlyTheCodeThatIsCompiled() throws IOException {
        String readme = Files.readString(Path.of("..", "README.md"));
        String shown = between(readme, "<!-- api-tour:begin -->\n```java\n", "```\n<!-- api-tour:end -->");
        String source = Files.readString(Path.of("src/main/java/io/ringkernel/examples/ApiTour.java"));
        String compiled = between(source, "// api-tour:begin\n", "    // api-tour:end").lines()
                .map(line -> line.startsWith("    ") ? line.substring(4) : line)
                .collect(Collectors.joining("\n", "", "\n"));
        assertThat(shown).isEqualTo(compiled);
    }

    private static String between(String text, String begin, String end) {
        int start = text.indexOf(begin);
        assertThat(start).as("marker %s", begin).isNotNegative();
        int stop = text.indexOf(end, start);
        assertThat(stop).as("marker %s", end).isPositive();
        return text.substring(start + begin.length(), stop);
    }
}
