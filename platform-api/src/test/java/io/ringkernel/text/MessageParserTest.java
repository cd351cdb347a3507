package io.ringkernel.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ringkernel.spi.MessageType;
import java.util.List;
import org.junit.jupiter.api.Test;

class MessageParserTest {

    record AllKinds(boolean flag, char letter, short small, float ratio, Double boxed, String text, int[] numbers) {
    }

    record Positive(int value) {
        Positive {
            if (value <= 0) {
                throw new IllegalArgumentException("value must be positive");
            }
        }
    }

    record Holder(List<String> items) {
    }

    static final class NotARecord {
    }

    private static Object parse(Class<?> type, String... words) {
        return MessageParser.parse("k", List.of(MessageType.of(1, type, "kryo")), 1, List.of(words));
    }

    @Test
    void shouldBuildEverySupportedComponentKindFromText() {
        AllKinds kinds = (AllKinds) parse(AllKinds.class, "TRUE", "x", "-3", "0.5", "2.25", "hello", "4, 5,6");

        assertThat(kinds.flag()).isTrue();
        assertThat(kinds.letter()).isEqualTo('x');
        assertThat(kinds.small()).isEqualTo((short) -3);
        assertThat(kinds.ratio()).isEqualTo(0.5f);
        assertThat(kinds.boxed()).isEqualTo(2.25);
        assertThat(kinds.text()).isEqualTo("hello");
        assertThat(kinds.numbers()).containsExactly(4, 5, 6);
    }

    @Test
    void shouldReadAnEmptyWordAsAnEmptyArray() {
        AllKinds kinds = (AllKinds) parse(AllKinds.class, "false", "x", "1", "1", "1", "", "");

        assertThat(kinds.text()).isEmpty();
        assertThat(kinds.numbers()).isEmpty();
    }

    @Test
    void shouldRejectABooleanOtherThanTrueOrFalse() {
        assertThatThrownBy(() -> parse(AllKinds.class, "yes", "x", "1", "1", "1", "", ""))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("cannot read 'yes' as boolean for AllKinds.flag");
    }

    @Test
    void shouldRejectACharOfMoreThanOneLetter() {
        assertThatThrownBy(() -> parse(AllKinds.class, "true", "xy", "1", "1", "1", "", ""))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("cannot read 'xy' as char for AllKinds.letter");
    }

    @Test
    void shouldReportTheRecordsOwnValidationMessage() {
        assertThatThrownBy(() -> parse(Positive.class, "-1"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Positive rejected the values: value must be positive");
    }

    @Test
    void shouldRejectAComponentTypeItCannotBuildFromText() {
        assertThatThrownBy(() -> parse(Holder.class, "a"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Holder.items is a List, which the shell cannot build from text");
    }

    @Test
    void shouldRejectAMessageTypeThatIsNotARecord() {
        assertThatThrownBy(() -> parse(NotARecord.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("message type 1 (NotARecord) is not a record; the shell builds records only");
    }

    @Test
    void shouldFormatArrayComponentsByElementAndOtherValuesAsToString() {
        assertThat(MessageFormatter.format(new AllKinds(true, 'a', (short) 1, 1f, null, "t", new int[] {1, 2})))
                .isEqualTo("AllKinds[flag=true, letter=a, small=1, ratio=1.0, boxed=null, text=t, numbers=[1, 2]]");
        assertThat(MessageFormatter.format("plain")).isEqualTo("plain");
        assertThat(MessageFormatter.format(null)).isEqualTo("null");
    }
}
