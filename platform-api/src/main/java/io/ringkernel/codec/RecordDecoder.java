package io.ringkernel.codec;

import io.ringkernel.api.SerializationException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.nio.ByteBuffer;
import java.util.List;

/**
 * Builds a record from a payload with one method handle: the canonical constructor with each
 * argument filtered through its component's reader, all readers sharing the payload argument.
 * Decoding thus allocates only the record and its arrays, with no boxing and no reflection.
 */
final class RecordDecoder {
    private final Class<?> recordType;
    private final MethodHandle decode;

    /**
     * @param recordType the record
     * @param constructor its canonical constructor
     * @param readers one {@code (ByteBuffer) -> component} handle per component, in declaration order
     */
    RecordDecoder(Class<?> recordType, MethodHandle constructor, List<MethodHandle> readers) {
        this.recordType = recordType;
        MethodHandle perComponentPayload = MethodHandles.filterArguments(constructor, 0, readers.toArray(MethodHandle[]::new));
        MethodHandle sharedPayload = MethodHandles.permuteArguments(perComponentPayload,
                MethodType.methodType(recordType, ByteBuffer.class), new int[readers.size()]);
        this.decode = sharedPayload.asType(MethodType.methodType(Object.class, ByteBuffer.class));
    }

    /**
     * @param payload the payload, from index 0 to its limit, at least as long as the fixed part
     * @return the record
     * @throws SerializationException if a component's bytes are invalid or the constructor rejects the values
     */
    Object decode(ByteBuffer payload) {
        try {
            return (Object) decode.invokeExact(payload);
        } catch (SerializationException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw CodecFailures.malformed(recordType, "the canonical constructor rejected the decoded values: " + t, t);
        }
    }
}
