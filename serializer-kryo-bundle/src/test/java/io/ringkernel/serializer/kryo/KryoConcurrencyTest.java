package io.ringkernel.serializer.kryo;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringkernel.serializer.kryo.KryoTestRecords.Customer;
import io.ringkernel.serializer.kryo.KryoTestRecords.Order;
import io.ringkernel.spi.MessageCodec;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class KryoConcurrencyTest {
    private static final int THREADS = 8;
    private static final int ROUND_TRIPS = 5_000;

    @Test
    void shouldRoundTripOnEightThreadsSharingOneCodec() throws Exception {
        MessageCodec codec = KryoTestRecords.orderCodec();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Callable<Integer>> workers = new ArrayList<>();
            for (int thread = 0; thread < THREADS; thread++) {
                int id = thread;
                workers.add(() -> {
                    start.await();
                    for (int i = 0; i < ROUND_TRIPS; i++) {
                        Order order = new Order("t" + id + "-" + i, new Customer("c" + id, id), new long[i % 13], i);
                        Order decoded = (Order) codec.decode(codec.encode(order));
                        assertThat(decoded.id()).isEqualTo(order.id());
                        assertThat(decoded.customer()).isEqualTo(order.customer());
                        assertThat(decoded.quantities()).hasSize(i % 13);
                        assertThat(decoded.total()).isEqualTo(i);
                    }
                    return ROUND_TRIPS;
                });
            }
            List<Future<Integer>> results = new ArrayList<>();
            for (Callable<Integer> worker : workers) {
                results.add(pool.submit(worker));
            }
            start.countDown();
            for (Future<Integer> result : results) {
                assertThat(result.get()).isEqualTo(ROUND_TRIPS);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
