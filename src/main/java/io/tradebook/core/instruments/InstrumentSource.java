package io.tradebook.core.instruments;

import java.util.Optional;

/** Where the order path looks up an instrument's trading rules: the security master, or a fixed set in tests. */
@FunctionalInterface
public interface InstrumentSource {
    Optional<Instrument> find(String symbol);
}
