package io.ringkernel.serializer.kryo;

import com.esotericsoftware.kryo.Registration;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.util.DefaultClassResolver;

/**
 * A class resolver that accepts only registered class ids. Kryo's own resolver, even with
 * registration required, reads a class name from the payload and loads that class before it
 * finds the class unregistered; this one refuses at the name marker, so a payload cannot make
 * the JVM load, let alone initialise or instantiate, any class.
 */
final class RefusingClassResolver extends DefaultClassResolver {

    /**
     * @param input positioned after the class-name marker
     * @return never
     * @throws PayloadRejectedException always
     */
    @Override
    protected Registration readName(Input input) {
        throw new PayloadRejectedException("the payload names a class; only registered class ids are accepted");
    }
}
