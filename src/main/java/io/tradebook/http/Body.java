package io.tradebook.http;

import io.tradebook.security.Edit;
import java.util.Objects;
import java.util.Set;

/**
 * A request body bound to its record type, with the fields the client actually sent: for a
 * partial update, an absent field is kept, and a field sent as {@code null} is cleared. Immutable.
 */
public record Body<T extends Record>(T value, Set<String> present) {
    public Body {
        Objects.requireNonNull(value, "value");
        present = Set.copyOf(present);
    }

    /** True when the client sent field {@code name} (even as null). */
    public boolean has(String name) {
        return present.contains(name);
    }

    /** Field {@code name} as an edit: kept when absent, else set to {@code value} (null clears). */
    public <V> Edit<V> edit(String name, V value) {
        return has(name) ? Edit.to(value) : Edit.keep();
    }
}
