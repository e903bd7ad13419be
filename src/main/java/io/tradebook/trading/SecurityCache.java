package io.tradebook.trading;

import io.tradebook.core.instruments.Instrument;
import io.tradebook.core.instruments.InstrumentSource;
import io.tradebook.store.Security;
import io.tradebook.store.SecurityRepository;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The security master as the order path reads it, with each symbol's one active security kept in
 * memory once found, so that a submit of a known symbol reads no row. A symbol that is unknown,
 * or active on several exchanges, is looked up again each time (it may be added meanwhile).
 * Whoever changes the security master through the server calls {@link #forget}. Thread-safe.
 */
final class SecurityCache implements InstrumentSource {
    /** What a symbol names: one active security, none, or several (on different exchanges). Immutable. */
    record Lookup(Security security, List<String> exchanges) {
        boolean found() {
            return security != null;
        }

        boolean ambiguous() {
            return security == null && exchanges.size() > 1;
        }
    }

    /** A symbol's one active security and its trading rules. */
    private record Known(Security security, Instrument instrument) {
    }

    private final SecurityRepository securities;
    private final ConcurrentMap<String, Known> known = new ConcurrentHashMap<>();

    SecurityCache(SecurityRepository securities) {
        this.securities = securities;
    }

    /** The one active security {@code symbol} names, if there is exactly one. */
    Lookup lookup(String symbol) {
        Known cached = known.get(symbol);
        if (cached != null) {
            return new Lookup(cached.security(), List.of(cached.security().exchange()));
        }
        List<Security> active = securities.findByTicker(symbol).stream().filter(Security::active).toList();
        if (active.size() != 1) {
            return new Lookup(null, active.stream().map(Security::exchange).toList());
        }
        known.put(symbol, new Known(active.get(0), SecurityRepository.instrument(active.get(0))));
        return new Lookup(active.get(0), List.of(active.get(0).exchange()));
    }

    /** Drops what is held about {@code symbol}. */
    /** Forgets every symbol: each is read again on its next use. */
    void clear() {
        known.clear();
    }

    void forget(String symbol) {
        known.remove(symbol);
    }

    @Override
    public Optional<Instrument> find(String symbol) {
        Known cached = known.get(symbol);
        if (cached != null) {
            return Optional.of(cached.instrument());
        }
        Lookup l = lookup(symbol);
        return l.found() ? Optional.of(SecurityRepository.instrument(l.security())) : Optional.empty();
    }
}
