package io.ocrserve.serving.worker;

import io.ocrserve.serving.Handler;

/** Creates a worker's handler (loads its model) on the given device ({@code cpu}, {@code gpu:N}, {@code auto}). */
@FunctionalInterface
public interface HandlerFactory {
    Handler create(String device);
}
