package io.tradebook.security;

import java.util.Objects;
import java.util.function.Function;

/**
 * The result of an operation that may be refused for an expected reason: either a value or a
 * {@link Refusal}, never both. Immutable (when the value is).
 */
public final class Outcome<T> {
    private final T value;
    private final Refusal refusal;

    private Outcome(T value, Refusal refusal) {
        this.value = value;
        this.refusal = refusal;
    }

    public static <T> Outcome<T> ok(T value) {
        return new Outcome<>(Objects.requireNonNull(value, "value"), null);
    }

    public static <T> Outcome<T> refused(Refusal refusal) {
        return new Outcome<>(null, Objects.requireNonNull(refusal, "refusal"));
    }

    public boolean isOk() {
        return refusal == null;
    }

    /** The value; throws {@link IllegalStateException} on a refusal. */
    public T value() {
        if (refusal != null) {
            throw new IllegalStateException("refused: " + refusal.message());
        }
        return value;
    }

    /** The refusal; throws {@link IllegalStateException} on a value. */
    public Refusal refusal() {
        if (refusal == null) {
            throw new IllegalStateException("not refused");
        }
        return refusal;
    }

    /** The value transformed, or the same refusal. */
    public <R> Outcome<R> map(Function<T, R> f) {
        return refusal == null ? ok(f.apply(value)) : refused(refusal);
    }

    @Override
    public String toString() {
        return refusal == null ? "Outcome[ok]" : "Outcome[" + refusal.reason() + ": " + refusal.message() + "]";
    }
}
