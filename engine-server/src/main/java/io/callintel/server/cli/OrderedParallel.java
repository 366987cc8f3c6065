package io.callintel.server.cli;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Applies a function to items on several threads and hands the results on in the items' order.
 * At most {@code 2 x threads} items are in flight, so memory stays bounded however many items there
 * are, while a slow item at the head still leaves the other threads work to do.
 */
final class OrderedParallel {

    private OrderedParallel() {}

    static <T, R> void forEachInOrder(List<T> items, int threads, Function<T, R> function, Consumer<R> consumer)
            throws InterruptedException {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        if (threads == 1 || items.size() <= 1) {
            items.forEach(item -> consumer.accept(function.apply(item)));
            return;
        }
        int window = 2 * threads;
        // Daemon threads: a native decode that never returns must not keep the process alive after an error.
        ExecutorService pool = Executors.newFixedThreadPool(
                Math.min(threads, items.size()),
                Thread.ofPlatform().daemon().name("worker-", 1).factory());
        try {
            Deque<Future<R>> inFlight = new ArrayDeque<>();
            Iterator<T> next = items.iterator();
            while (next.hasNext() || !inFlight.isEmpty()) {
                while (next.hasNext() && inFlight.size() < window) {
                    T item = next.next();
                    inFlight.addLast(pool.submit(() -> function.apply(item)));
                }
                consumer.accept(await(inFlight.removeFirst()));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static <R> R await(Future<R> future) throws InterruptedException {
        try {
            return future.get();
        } catch (ExecutionException e) {
            // Rethrow what the function threw, as if it had run on this thread.
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        }
    }
}
