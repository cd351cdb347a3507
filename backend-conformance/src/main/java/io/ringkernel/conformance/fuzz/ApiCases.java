package io.ringkernel.conformance.fuzz;

import static io.ringkernel.protocol.MessageHeaderDescriptor.HEADER_LENGTH;

import io.ringkernel.conformance.Blob;
import io.ringkernel.conformance.Fail;
import io.ringkernel.conformance.Ping;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * Generates what the public-API fuzz suite sends: {@link Ping}s with extreme numbers, {@link Blob}s
 * from empty to far beyond the kernel's maximum message size (many just around it) and with a
 * null array, {@link Fail}s, and objects of no type the kernel speaks (null, strings, boxed NaN,
 * arrays, a record shaped like {@code Ping}); each by one of the {@link ApiDelivery} ways, with a
 * timeout that is mostly generous but also zero, negative or about as long as a reply takes, and
 * mostly asking for the reply as what was sent.
 */
final class ApiCases {
    /** How close to the maximum message size, in bytes, a blob counts as near it. */
    static final int NEAR_LIMIT = 8;
    private static final int FAR_OVER = 4 << 20;

    private ApiCases() {
    }

    /** @return cases for either kernel */
    static Arbitrary<ApiCase> apiCases() {
        return Arbitraries.of(ApiTarget.class).flatMap(target -> Combinators.combine(messages(target),
                        Arbitraries.of(ApiDelivery.class), timeouts(), replyTypes())
                .as((message, delivery, timeout, replyType) -> new ApiCase(target, message, delivery, timeout,
                        replyType.orElse(message == null ? Object.class : message.getClass()))));
    }

    private static Arbitrary<Object> messages(ApiTarget target) {
        return Arbitraries.frequencyOf(Tuple.of(4, pings()), Tuple.of(5, blobs(target)), Tuple.of(2, fails()),
                Tuple.of(2, strangers()));
    }

    private static Arbitrary<Ping> pings() {
        Arbitrary<Long> longs = Arbitraries.oneOf(Arbitraries.longs(),
                Arbitraries.of(Long.MIN_VALUE, Long.MAX_VALUE, 0L, -1L));
        return Combinators.combine(longs, ints()).as(Ping::new);
    }

    private static Arbitrary<Fail> fails() {
        return ints().map(Fail::new);
    }

    private static Arbitrary<Integer> ints() {
        return Arbitraries.oneOf(Arbitraries.integers(), Arbitraries.of(Integer.MIN_VALUE, Integer.MAX_VALUE, 0, -1));
    }

    /** Blobs by size against the kernel's limit: the largest data that fits is {@code room}. */
    private static Arbitrary<Blob> blobs(ApiTarget target) {
        int room = target.maxMessageSize() - HEADER_LENGTH - ApiCase.BLOB_OVERHEAD;
        return Arbitraries.frequencyOf(
                Tuple.of(2, Arbitraries.create(() -> new Blob(null))),
                Tuple.of(1, data(0, 0)),
                Tuple.of(5, data(1, Math.min(512, room))),
                Tuple.of(2, data(0, room)),
                Tuple.of(4, data(room - NEAR_LIMIT, room + NEAR_LIMIT)),
                Tuple.of(1, data(room + NEAR_LIMIT + 1, 2 * target.maxMessageSize())),
                Tuple.of(1, data(FAR_OVER - 16, FAR_OVER)));
    }

    /** Blobs of random bytes from a length and a seed; they shrink to shorter ones and, at seed 0, to zeros. */
    private static Arbitrary<Blob> data(int minLength, int maxLength) {
        return Combinators.combine(Arbitraries.integers().between(minLength, maxLength), Arbitraries.longs())
                .as((length, seed) -> {
                    byte[] data = new byte[length];
                    if (seed != 0) {
                        new SplittableRandom(seed).nextBytes(data);
                    }
                    return new Blob(data);
                });
    }

    /** Objects of no type the kernel speaks, null among them. */
    private static Arbitrary<Object> strangers() {
        return Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(16),
                Arbitraries.integers(),
                Arbitraries.of(Double.NaN, Double.NEGATIVE_INFINITY, -0.0d),
                Arbitraries.bytes().array(byte[].class).ofMaxSize(16),
                Arbitraries.create(Object::new),
                Combinators.combine(Arbitraries.longs(), Arbitraries.integers()).as(Stranger::new),
                pings().map(ping -> List.of(ping)))
                .injectNull(0.15);
    }

    /** Mostly generous; else zero, negative, a nanosecond or a microsecond, or about as long as a reply takes. */
    private static Arbitrary<Duration> timeouts() {
        return Arbitraries.frequencyOf(
                Tuple.of(5, Arbitraries.just(ApiDelivery.WAIT)),
                Tuple.of(1, Arbitraries.of(Duration.ZERO, Duration.ofMillis(-1), Duration.ofNanos(1), Duration.ofNanos(1_000))),
                Tuple.of(2, Arbitraries.longs().between(2_000, 500_000).map(Duration::ofNanos)));
    }

    /** Mostly the message's own class (empty); else Object or one of the kernel's types. */
    private static Arbitrary<Optional<Class<?>>> replyTypes() {
        return Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.just(Optional.empty())),
                Tuple.of(2, Arbitraries.<Class<?>>of(Object.class, Ping.class, Blob.class, Fail.class).map(Optional::of)));
    }

    /**
     * A record with the components of {@link Ping}, which the kernel does not declare.
     *
     * @param sequence as in Ping
     * @param sender as in Ping
     */
    private record Stranger(long sequence, int sender) {
    }
}
