package io.callintel.server.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class OrderedParallelTest {

    @Test
    void resultsComeInItemOrderAndAtMostTwiceTheThreadsAreInFlight() throws InterruptedException {
        List<Integer> items = IntStream.range(0, 200).boxed().toList();
        AtomicInteger started = new AtomicInteger();
        AtomicInteger consumed = new AtomicInteger();
        AtomicInteger mostInFlight = new AtomicInteger();
        List<Integer> results = new ArrayList<>();

        OrderedParallel.forEachInOrder(
                items,
                4,
                item -> {
                    mostInFlight.accumulateAndGet(started.incrementAndGet() - consumed.get(), Math::max);
                    sleepMillis(ThreadLocalRandom.current().nextInt(3));
                    return item * 10;
                },
                result -> {
                    results.add(result);
                    consumed.incrementAndGet();
                });

        assertEquals(items.stream().map(item -> item * 10).toList(), results);
        assertTrue(mostInFlight.get() <= 8, "in flight: " + mostInFlight.get());
    }

    @Test
    void oneThreadRunsOnTheCallingThread() throws InterruptedException {
        Thread caller = Thread.currentThread();
        OrderedParallel.forEachInOrder(
                List.of(1, 2), 1, item -> Thread.currentThread(), thread -> assertSame(caller, thread));
    }

    @Test
    void anExceptionFromTheFunctionReachesTheCaller() {
        IllegalStateException thrown = assertThrows(
                IllegalStateException.class,
                () -> OrderedParallel.forEachInOrder(
                        List.of(1, 2, 3),
                        2,
                        item -> {
                            if (item == 2) {
                                throw new IllegalStateException("boom");
                            }
                            return item;
                        },
                        result -> {}));
        assertEquals("boom", thrown.getMessage());
    }

    private static void sleepMillis(int millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
