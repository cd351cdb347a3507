package io.ringkernel.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringkernel.api.ErrorCode;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class ErrorPayloadTest {

    @ParameterizedTest
    @EnumSource(ErrorCode.class)
    void shouldDecodeWhatItEncoded(ErrorCode code) {
        ErrorPayload error = new ErrorPayload(code, "handler threw: ünïcödé ✓");

        assertThat(roundTrip(error)).isEqualTo(error);
    }

    @Test
    void shouldEncodeTheCodeLittleEndianFollowedByUtf8Detail() {
        ByteBuffer encoded = new ErrorPayload(ErrorCode.DEADLINE_EXPIRED, "é").encode();

        assertThat(encoded.remaining()).isEqualTo(4 + 2);
        assertThat(encoded.order(ByteOrder.LITTLE_ENDIAN).getInt(0)).isEqualTo(7);
        assertThat(encoded.get(4)).isEqualTo((byte) 0xC3);
        assertThat(encoded.get(5)).isEqualTo((byte) 0xA9);
    }

    @Test
    void shouldCutADetailLongerThanMaxDetailBytes() {
        String detail = "x".repeat(ErrorPayload.MAX_DETAIL_BYTES + 100);

        ByteBuffer encoded = new ErrorPayload(ErrorCode.HANDLER_FAILED, detail).encode();
        ErrorPayload decoded = decode(encoded);

        assertThat(encoded.remaining()).isEqualTo(4 + ErrorPayload.MAX_DETAIL_BYTES);
        assertThat(decoded.detail()).isEqualTo(detail.substring(0, ErrorPayload.MAX_DETAIL_BYTES));
        assertThat(decoded.code()).isEqualTo(ErrorCode.HANDLER_FAILED);
    }

    @Test
    void shouldCutALongDetailBetweenCharactersNotInsideOne() {
        String detail = "a" + "é".repeat(ErrorPayload.MAX_DETAIL_BYTES);

        ErrorPayload decoded = decode(new ErrorPayload(ErrorCode.HANDLER_FAILED, detail).encode());

        assertThat(decoded.detail()).isEqualTo("a" + "é".repeat((ErrorPayload.MAX_DETAIL_BYTES - 1) / 2));
    }

    @Property(tries = 300)
    void shouldKeepAPrefixOfTheDetailThatIsValidUtf8AndFitsTheLimit(@ForAll @StringLength(max = 700) String detail) {
        ByteBuffer encoded = new ErrorPayload(ErrorCode.REPLY_FAILED, detail).encode();
        String kept = decode(encoded).detail();
        byte[] whole = detail.getBytes(StandardCharsets.UTF_8);

        assertThat(encoded.remaining() - 4).isLessThanOrEqualTo(ErrorPayload.MAX_DETAIL_BYTES);
        assertThat(new String(whole, StandardCharsets.UTF_8)).startsWith(kept);
        assertThat(kept.getBytes(StandardCharsets.UTF_8)).hasSize(encoded.remaining() - 4);
        if (whole.length <= ErrorPayload.MAX_DETAIL_BYTES) {
            assertThat(kept).isEqualTo(new String(whole, StandardCharsets.UTF_8));
        } else {
            assertThat(ErrorPayload.MAX_DETAIL_BYTES - (encoded.remaining() - 4)).as("bytes given up to end on a character")
                    .isLessThan(4);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3})
    void shouldDecodeAPayloadTooShortForACodeAsMalformed(int length) {
        ByteBuffer buffer = TestMemory.aligned(64);
        buffer.putInt(0, ErrorCode.HANDLER_FAILED.wireCode());

        ErrorPayload decoded = ErrorPayload.decode(buffer, 0, length);

        assertThat(decoded.code()).isEqualTo(ErrorCode.MALFORMED_MESSAGE);
        assertThat(decoded.detail()).isEqualTo("error reply of " + length + " bytes has no code");
    }

    @Test
    void shouldDecodeAnUnknownCodeAsMalformed() {
        ByteBuffer buffer = TestMemory.aligned(64);
        buffer.putInt(8, 999);

        assertThat(ErrorPayload.decode(buffer, 8, 4)).isEqualTo(new ErrorPayload(ErrorCode.MALFORMED_MESSAGE, ""));
    }

    @Test
    void shouldDecodeAtAnOffsetWhateverTheBuffersByteOrder() {
        ByteBuffer encoded = new ErrorPayload(ErrorCode.BACKEND_FAULT, "device lost").encode();
        ByteBuffer ring = ByteBuffer.allocateDirect(256).order(ByteOrder.BIG_ENDIAN);
        ring.put(100, encoded, 0, encoded.remaining());

        ErrorPayload decoded = ErrorPayload.decode(ring, 100, encoded.remaining());

        assertThat(decoded).isEqualTo(new ErrorPayload(ErrorCode.BACKEND_FAULT, "device lost"));
        assertThat(ring.order()).isEqualTo(ByteOrder.BIG_ENDIAN);
    }

    private static ErrorPayload roundTrip(ErrorPayload error) {
        return decode(error.encode());
    }

    private static ErrorPayload decode(ByteBuffer encoded) {
        ByteBuffer buffer = TestMemory.aligned(64 + encoded.remaining());
        buffer.put(64, encoded, encoded.position(), encoded.remaining());
        return ErrorPayload.decode(buffer, 64, encoded.remaining());
    }
}
