package io.ringkernel.runtime.internal;

import io.ringkernel.spi.KernelDefinition;
import io.ringkernel.spi.KernelProgram;
import io.ringkernel.spi.MessageCodec;
import io.ringkernel.spi.MessageType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The message types a kernel's clients may use, by generation of its code. A hot swap brings a
 * new generation, often with classes of a new bundle revision, while clients wired to the old
 * revision still send the old classes: each message is encoded by the generation that knows its
 * class, and a call's reply is decoded by the generation its request came from, so both kinds of
 * client keep working. The newest {@value #GENERATIONS} generations are kept.
 */
final class MessageCatalog {
    /** How many generations of message types are kept. */
    static final int GENERATIONS = 4;

    private volatile List<Generation> generations;

    MessageCatalog(KernelProgram program) {
        this.generations = List.of(new Generation(program));
    }

    /** @return the generation of the code the kernel runs now */
    Generation current() {
        return generations.get(0);
    }

    /**
     * @param type a message's class
     * @return the newest generation that has a message type for it, or null if none has
     */
    Generation forClass(Class<?> type) {
        for (Generation generation : generations) {
            if (generation.typeOf(type) != null) {
                return generation;
            }
        }
        return null;
    }

    /** @param program the kernel's new code, which becomes the current generation */
    synchronized void install(KernelProgram program) {
        List<Generation> next = new ArrayList<>(GENERATIONS);
        next.add(new Generation(program));
        for (Generation older : generations) {
            if (next.size() < GENERATIONS && older.program.definition() != program.definition()) {
                next.add(older);
            }
        }
        generations = List.copyOf(next);
    }

    /**
     * Builds every generation's codecs again, after a serializer they use was replaced.
     *
     * @param compile builds a definition's codecs from the serializers installed now
     */
    synchronized void recompile(Function<KernelDefinition, KernelProgram> compile) {
        generations = generations.stream()
                .map(generation -> new Generation(compile.apply(generation.program.definition()))).toList();
    }

    /** One generation: a definition's message types and their codecs. */
    static final class Generation {
        private final KernelProgram program;
        private final Map<Class<?>, MessageType<?>> byClass = new HashMap<>();

        private Generation(KernelProgram program) {
            this.program = program;
            program.definition().messageTypes().forEach(type -> byClass.put(type.javaType(), type));
        }

        /** @return the definition and its codecs */
        KernelProgram program() {
            return program;
        }

        /** @param type a class @return its message type, or null if this generation has none */
        MessageType<?> typeOf(Class<?> type) {
            return byClass.get(type);
        }

        /** @param typeId a wire type id @return its codec, or null if the type is not declared */
        MessageCodec codec(int typeId) {
            return program.codecs().get(typeId);
        }

        /** @return the classes this generation accepts, by name */
        List<String> classNames() {
            return byClass.keySet().stream().map(Class::getName).sorted().toList();
        }
    }
}
