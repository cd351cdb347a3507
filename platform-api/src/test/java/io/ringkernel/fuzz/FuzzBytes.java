package io.ringkernel.fuzz;

import java.util.SplittableRandom;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Bulk bytes for the fuzz properties, cheap to generate by the ten thousand: a length and a seed
 * rather than a shrinkable per byte (which costs jqwik about 0.2 ms for a few hundred bytes).
 * Shrinking still works: the length shrinks towards its minimum and the seed towards 0, which
 * stands for all zero bytes.
 */
public final class FuzzBytes {

    private FuzzBytes() {
    }

    /**
     * @param minLength fewest bytes
     * @param maxLength most bytes
     * @return arrays of random (or, for seed 0, zero) bytes
     */
    public static Arbitrary<byte[]> bytes(int minLength, int maxLength) {
        return Combinators.combine(Arbitraries.integers().between(minLength, maxLength), Arbitraries.longs())
                .as(FuzzBytes::fill);
    }

    /**
     * @param length bytes
     * @param seed 0 for zeros, else the seed of the random bytes
     * @return the bytes
     */
    public static byte[] fill(int length, long seed) {
        byte[] bytes = new byte[length];
        if (seed != 0) {
            new SplittableRandom(seed).nextBytes(bytes);
        }
        return bytes;
    }
}
