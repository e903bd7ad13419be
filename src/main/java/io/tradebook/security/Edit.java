package io.tradebook.security;

import java.util.Objects;

/**
 * One field of a partial update: keep the current value, or set a new one (which may be null, to
 * clear it). Immutable.
 */
public final class Edit<T> {
    private static final Edit<?> KEEP = new Edit<>(false, null);
    private final boolean set;
    private final T value;

    private Edit(boolean set, T value) {
        this.set = set;
        this.value = value;
    }

    @SuppressWarnings("unchecked")
    public static <T> Edit<T> keep() {
        return (Edit<T>) KEEP;
    }

    /** Sets the field to {@code value}; null clears it. */
    public static <T> Edit<T> to(T value) {
        return new Edit<>(true, value);
    }

    public boolean isSet() {
        return set;
    }

    /** The new value, or {@code current} when the field is kept. */
    public T apply(T current) {
        return set ? value : current;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Edit<?> e && e.set == set && Objects.equals(e.value, value);
    }

    @Override
    public int hashCode() {
        return Objects.hash(set, value);
    }

    /** Never shows the value: edits carry credentials. */
    @Override
    public String toString() {
        return set ? (value == null ? "Edit[clear]" : "Edit[set]") : "Edit[keep]";
    }
}
