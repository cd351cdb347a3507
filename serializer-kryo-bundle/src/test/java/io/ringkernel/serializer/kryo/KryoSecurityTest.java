package io.ringkernel.serializer.kryo;

import static io.ringkernel.serializer.kryo.KryoTestRecords.envelopeCodec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import io.ringkernel.api.SerializationException;
import io.ringkernel.serializer.kryo.KryoTestRecords.Envelope;
import io.ringkernel.serializer.kryo.KryoTestRecords.Harmless;
import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

class KryoSecurityTest {
    /** Kryo's class marker meaning "a class name follows" (its NAME id, -1, plus 2). */
    private static final int CLASS_NAME_MARKER = 1;
    private static final String DANGEROUS = "io.ringkernel.serializer.kryo.KryoSecurityTest$Dangerous";

    /** Set by {@link Dangerous}'s static initializer; it must never run. */
    static volatile boolean dangerousInitialized;

    /** A class no payload may cause to be loaded; the tests only ever name it in a string. */
    static final class Dangerous {
        static {
            dangerousInitialized = true;
        }

        int value;
    }

    /**
     * The bytes Kryo writes for an {@link Envelope} whose body is an unregistered class: the
     * class-name marker, a name id, the class name, then the body's fields (here one int, which
     * Kryo's int serializer writes as a zig-zag varint).
     */
    private static byte[] envelopeNaming(String className) {
        Output output = new Output(128);
        output.writeVarInt(CLASS_NAME_MARKER, true);
        output.writeVarInt(0, true);
        output.writeString(className);
        output.writeVarInt(42, false);
        return output.toBytes();
    }

    @Test
    void shouldCraftBytesThatAPermissiveKryoReallyDecodesIntoTheNamedClass() {
        Kryo permissive = new Kryo();
        permissive.setRegistrationRequired(false);
        permissive.register(Envelope.class);

        Object decoded = permissive.readObject(new Input(envelopeNaming(Harmless.class.getName())), Envelope.class);

        assertThat(decoded).isEqualTo(new Envelope(new Harmless(42)));
    }

    @Test
    void shouldRefuseAPayloadNamingAnUnregisteredClassWithoutLoadingOrInitializingIt() {
        ByteBuffer payload = ByteBuffer.wrap(envelopeNaming(DANGEROUS));

        assertThatThrownBy(() -> envelopeCodec().decode(payload))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("cannot decode message type 2 (" + Envelope.class.getName() + ")")
                .hasMessageContaining("the payload names a class; only registered class ids are accepted")
                .hasMessageNotContaining("Dangerous");
        assertThat(dangerousInitialized).isFalse();
    }

    @Test
    void shouldRefuseAClassNameBeforeLookingItUpEvenForARegisteredClass() {
        ByteBuffer payload = ByteBuffer.wrap(envelopeNaming(Harmless.class.getName()));

        assertThatThrownBy(() -> envelopeCodec().decode(payload))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("the payload names a class");
    }

    @Test
    void shouldRefuseANameOfAClassThatDoesNotExistWithoutTryingToFindIt() {
        ByteBuffer payload = ByteBuffer.wrap(envelopeNaming("io.ringkernel.NoSuchClass"));

        assertThatThrownBy(() -> envelopeCodec().decode(payload))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("the payload names a class")
                .hasMessageNotContaining("Unable to find class")
                .hasRootCauseInstanceOf(PayloadRejectedException.class);
    }

    @Test
    void shouldRefuseAnUnregisteredClassId() {
        Output output = new Output(16);
        output.writeVarInt(99 + 2, true);
        output.writeInt(42);

        assertThatThrownBy(() -> envelopeCodec().decode(ByteBuffer.wrap(output.toBytes())))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("Encountered unregistered class ID: 99");
    }

    @Test
    void shouldNotQuoteTextFromThePayloadInTheMessage() {
        ByteBuffer payload = ByteBuffer.wrap(envelopeNaming("io.ringkernel.Injected\nFAKE LOG LINE"));

        assertThatThrownBy(() -> envelopeCodec().decode(payload))
                .isInstanceOf(SerializationException.class)
                .hasMessageNotContaining("Injected")
                .hasMessageNotContaining("FAKE");
    }
}
