package io.tradebook.http;

/**
 * What a route does once its caller is authenticated, allowed and owns the ids in its path: reads
 * the {@link Call} and returns a {@link Reply}. Throws {@link ProblemException} (or returns a
 * refusal through {@link Call#unwrap}) for expected failures; anything else thrown is a 500.
 */
@FunctionalInterface
public interface Endpoint {
    Reply handle(Call call) throws Exception;
}
