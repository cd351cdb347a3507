package io.ringkernel.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ringkernel.api.SerializationException;
import io.ringkernel.codec.TestRecords.Reading;
import io.ringkernel.codec.TestRecords.TwoArrays;
import java.nio.ByteBuffer;
import java.nio.ReadOnlyBufferException;
import java.util.List;
import org.junit.jupiter.api.Test;

class FixedLayoutTypeRejectionTest {

    record WithString(int id, String name) {
    }

    record WithBoxedInteger(Integer count) {
    }

    record WithCharArray(char[] text) {
    }

    record WithBooleanArray(boolean[] flags) {
    }

    record WithNestedRecord(int id, WithBoxedInteger inner) {
    }

    record WithGeneric<T>(T value) {
    }

    record WithList(List<Integer> values) {
    }

    record Empty() {
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Class<? extends Record> uncheckedRecordClass(Class<?> type) {
        return (Class) type;
    }

    @Test
    void shouldRejectAClassThatIsNotARecord() {
        assertThatThrownBy(() -> FixedLayout.of(uncheckedRecordClass(String.class)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("java.lang.String is not a record; the fixed layout codes records only");
    }

    @Test
    void shouldRejectAStringComponentNamingTheClassAndTheComponent() {
        assertThatThrownBy(() -> FixedLayout.of(WithString.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("record " + WithString.class.getName() + " component 'name' has type java.lang.String;")
                .hasMessageContaining("supports only byte, short, char, int, long, float, double, boolean, byte[], short[], "
                        + "int[], long[], float[], double[]");
    }

    @Test
    void shouldRejectBoxedPrimitives() {
        assertThatThrownBy(() -> FixedLayout.of(WithBoxedInteger.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("component 'count' has type java.lang.Integer");
    }

    @Test
    void shouldRejectCharAndBooleanArrays() {
        assertThatThrownBy(() -> FixedLayout.of(WithCharArray.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("component 'text' has type char[]");
        assertThatThrownBy(() -> FixedLayout.of(WithBooleanArray.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("component 'flags' has type boolean[]");
    }

    @Test
    void shouldRejectNestedRecordsGenericsAndCollections() {
        assertThatThrownBy(() -> FixedLayout.of(WithNestedRecord.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("component 'inner' has type " + WithBoxedInteger.class.getName());
        assertThatThrownBy(() -> FixedLayout.of(WithGeneric.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("component 'value' has type java.lang.Object");
        assertThatThrownBy(() -> FixedLayout.of(WithList.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("component 'values' has type java.util.List");
    }

    @Test
    void shouldRejectARecordWithoutComponents() {
        assertThatThrownBy(() -> FixedLayout.of(Empty.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("has no components");
    }

    @Test
    void shouldRejectEncodingANullArray() {
        FixedLayout layout = FixedLayout.of(TwoArrays.class);

        assertThatThrownBy(() -> layout.encodedLength(new TwoArrays(new byte[1], null)))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("array component 'tail' is null");
    }

    @Test
    void shouldRejectEncodingAMessageOfAnotherType() {
        FixedLayout layout = FixedLayout.of(TwoArrays.class);

        assertThatThrownBy(() -> layout.encode("not a record", ByteBuffer.allocate(64), 0))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("expected an instance of the type, got an instance of java.lang.String");
        assertThatThrownBy(() -> layout.encodedLength(null))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("got null");
    }

    @Test
    void shouldRejectATargetTooSmallForThePayloadBeforeWritingAnything() {
        FixedLayout layout = FixedLayout.of(Reading.class);
        ByteBuffer target = ByteBuffer.allocate(40);

        assertThatThrownBy(() -> layout.encode(new Reading(1, true, 2, new float[3], (short) 4), target, 0))
                .isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> layout.encode(new Reading(1, true, 2, new float[0], (short) 4), target, 9))
                .isInstanceOf(IndexOutOfBoundsException.class);
        assertThat(target.array()).containsOnly(0);
    }

    @Test
    void shouldRejectAReadOnlyTarget() {
        FixedLayout layout = FixedLayout.of(Reading.class);

        assertThatThrownBy(() -> layout.encode(new Reading(1, true, 2, new float[0], (short) 4),
                ByteBuffer.allocate(64).asReadOnlyBuffer(), 0))
                .isInstanceOf(ReadOnlyBufferException.class);
    }
}
