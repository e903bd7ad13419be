package io.tradebook.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tradebook.core.instruments.Instrument;
import io.tradebook.core.instruments.SecurityType;
import io.tradebook.core.money.Currency;
import io.tradebook.core.money.Quantity;
import java.math.BigDecimal;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link SecurityRepository} on a real database: the security master and its instruments. */
abstract class SecurityRepositoryContract {
    private Database database;
    private SecurityRepository securities;

    protected abstract Database newDatabase();

    @BeforeEach
    void open() {
        database = newDatabase();
        securities = new SecurityRepository(database.jdbi());
    }

    @AfterEach
    void close() {
        database.close();
    }

    private static BigDecimal dec(String value) {
        return new BigDecimal(value);
    }

    @Test
    void aCreatedSecurityComesBackWithEveryField() {
        Security aapl = securities.create(NewSecurity.of("AAPL", "NASDAQ", SecurityType.EQUITY, "Apple Inc.", Currency.USD)
                .withSector("Technology", "Consumer Electronics").withCountry("US").withDescription("iPhone maker").withDataSource("yfinance"));
        assertThat(aapl.ticker()).isEqualTo("AAPL");
        assertThat(aapl.exchange()).isEqualTo("NASDAQ");
        assertThat(aapl.type()).isEqualTo(SecurityType.EQUITY);
        assertThat(aapl.currency()).isEqualTo(Currency.USD);
        assertThat(aapl.sector()).isEqualTo("Technology");
        assertThat(aapl.industry()).isEqualTo("Consumer Electronics");
        assertThat(aapl.country()).isEqualTo("US");
        assertThat(aapl.dataSource()).isEqualTo("yfinance");
        assertThat(aapl.active()).isTrue();
        assertThat(aapl.fundamentals()).isEqualTo(SecurityFundamentals.NONE);
        assertThat(aapl.rules()).isEqualTo(TradingRules.DEFAULTS);
        assertThat(securities.find(aapl.id())).contains(aapl);
        assertThat(securities.find("AAPL", "NASDAQ")).contains(aapl);
        assertThat(securities.find("AAPL", "NYSE")).isEmpty();
    }

    @Test
    void theSameTickerAndExchangeTwiceIsRefusedByName() {
        securities.create(NewSecurity.of("SPY", "ARCA", SecurityType.ETF, "SPDR S&P 500", Currency.USD));
        assertThatThrownBy(() -> securities.create(NewSecurity.of("SPY", "ARCA", SecurityType.ETF, "again", Currency.USD)))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("security SPY on ARCA already exists");
        Security other = securities.create(NewSecurity.of("SPY", "LSE", SecurityType.ETF, "SPY in London", Currency.of("GBP")));
        assertThat(securities.findByTicker("SPY")).extracting(Security::exchange).containsExactly("ARCA", "LSE");
        assertThatThrownBy(() -> securities.resolve("SPY", null)).hasMessage("SPY is listed on several exchanges (ARCA, LSE); name the exchange");
        assertThat(securities.resolve("SPY", "LSE")).contains(other);
        securities.setActive(other.id(), false);
        assertThat(securities.resolve("SPY", null)).map(Security::exchange).contains("ARCA");
        assertThat(securities.resolve("QQQ", null)).isEmpty();
    }

    @Test
    void listFiltersByTypeExchangeSectorAndActivity() {
        Security aapl = securities.create(NewSecurity.of("AAPL", "NASDAQ", SecurityType.EQUITY, "Apple", Currency.USD).withSector("Tech", null));
        securities.create(NewSecurity.of("MSFT", "NASDAQ", SecurityType.EQUITY, "Microsoft", Currency.USD).withSector("Tech", null));
        securities.create(NewSecurity.of("BTCUSD", "CRYPTO", SecurityType.CRYPTO, "Bitcoin", Currency.USD));
        securities.create(NewSecurity.of("KO", "NYSE", SecurityType.EQUITY, "Coca-Cola", Currency.USD).withSector("Staples", null));
        securities.setActive(aapl.id(), false);

        assertThat(securities.list(SecurityFilter.ACTIVE)).extracting(Security::ticker).containsExactly("BTCUSD", "KO", "MSFT");
        assertThat(securities.list(SecurityFilter.ACTIVE.includingInactive())).extracting(Security::ticker)
                .containsExactly("AAPL", "BTCUSD", "KO", "MSFT");
        assertThat(securities.list(SecurityFilter.ACTIVE.withType(SecurityType.EQUITY))).extracting(Security::ticker).containsExactly("KO", "MSFT");
        assertThat(securities.list(SecurityFilter.ACTIVE.withExchange("NASDAQ").includingInactive())).extracting(Security::ticker)
                .containsExactly("AAPL", "MSFT");
        assertThat(securities.list(SecurityFilter.ACTIVE.withSector("Tech"))).extracting(Security::ticker).containsExactly("MSFT");
        assertThat(securities.find(aapl.id())).hasValueSatisfying(s -> assertThat(s.active()).isFalse());
        assertThat(securities.setActive(aapl.id(), true).active()).isTrue();
    }

    @Test
    void fundamentalsAreStoredExactlyAndStamped() {
        Security aapl = securities.create(NewSecurity.of("AAPL", "NASDAQ", SecurityType.EQUITY, "Apple", Currency.USD));
        SecurityFundamentals f = new SecurityFundamentals(dec("189.123456789012"), dec("2950000000000.12345678901234567891"),
                dec("51234567.12345678"), dec("60000000"), dec("29.5"), dec("7.25"), dec("45.1"), dec("22.3"), dec("0.0052"),
                dec("199.62"), dec("164.08"));
        Security updated = securities.updateFundamentals(aapl.id(), f);
        assertThat(updated.fundamentals()).isEqualTo(f);
        assertThat(updated.lastUpdated()).isNotNull();
        assertThat(securities.updateFundamentals(aapl.id(), SecurityFundamentals.NONE).fundamentals()).isEqualTo(SecurityFundamentals.NONE);
        SecurityFundamentals inverted = new SecurityFundamentals(null, null, null, null, null, null, null, null, null, dec("1"), dec("2"));
        assertThatThrownBy(() -> securities.updateFundamentals(aapl.id(), inverted)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("refused by the database").hasMessageContaining("ck_securities_fifty_two_week");
        assertThatThrownBy(() -> securities.updateFundamentals(UUID.randomUUID(), f)).hasMessageStartingWith("no security ");
    }

    @Test
    void instrumentsUseTheStoredRulesElseTheTypeDefaults() {
        Security aapl = securities.create(NewSecurity.of("AAPL", "NASDAQ", SecurityType.EQUITY, "Apple", Currency.USD));
        Security btc = securities.create(NewSecurity.of("BTCUSD", "CRYPTO", SecurityType.CRYPTO, "Bitcoin", Currency.USD));
        Security fut = securities.create(NewSecurity.of("ESZ4", "CME", SecurityType.FUTURE, "E-mini S&P Dec 24", Currency.USD));
        assertThat(SecurityRepository.instrument(aapl)).isEqualTo(Instrument.equity("AAPL", Currency.USD));
        assertThat(SecurityRepository.instrument(btc)).isEqualTo(Instrument.crypto("BTCUSD", Currency.USD));

        Security ruled = securities.updateTradingRules(fut.id(), new TradingRules(dec("0.25"), null, null, null));
        Instrument es = SecurityRepository.instrument(ruled);
        assertThat(es.tickSize()).isEqualByComparingTo("0.25");
        assertThat(es.lotSize()).isEqualTo(Quantity.of(1));

        Security fractional = securities.updateTradingRules(aapl.id(), new TradingRules(null, null, dec("0"), 4));
        assertThat(fractional.rules().quantityScale()).isEqualTo(4);
        Instrument shares = SecurityRepository.instrument(fractional);
        assertThat(shares.lotSize()).isEqualTo(Quantity.of("0.0001"));
        assertThat(shares.minQuantity()).isEqualTo(Quantity.of("0.0001"));
        assertThat(shares.checkQuantity(Quantity.of("0.5"))).isEmpty();

        assertThat(securities.instruments().find("ESZ4")).contains(es);
        assertThat(securities.instruments().find("NOPE")).isEmpty();
        securities.setActive(fut.id(), false);
        assertThat(securities.instruments().find("ESZ4")).isEmpty();

        assertThatThrownBy(() -> securities.updateTradingRules(btc.id(), new TradingRules(null, null, null, 9)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ck_securities_quantity_scale");
        assertThatThrownBy(() -> securities.updateTradingRules(btc.id(), new TradingRules(dec("0"), null, null, null)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ck_securities_tick_size");
    }

    @Test
    void aTickerActiveOnTwoExchangesIsNoInstrumentTheOrderPathCanUse() {
        securities.create(NewSecurity.of("SHEL", "LSE", SecurityType.EQUITY, "Shell", Currency.of("GBP")));
        securities.create(NewSecurity.of("SHEL", "NYSE", SecurityType.EQUITY, "Shell ADR", Currency.USD));
        assertThatThrownBy(() -> securities.instruments().find("SHEL")).hasMessageContaining("SHEL is active on several exchanges (LSE, NYSE)");
    }

    @Test
    void blankFieldsAreRefusedBeforeTheDatabase() {
        assertThatThrownBy(() -> NewSecurity.of(" ", "X", SecurityType.EQUITY, "n", Currency.USD)).hasMessage("a security needs a ticker");
        assertThatThrownBy(() -> NewSecurity.of("T", "", SecurityType.EQUITY, "n", Currency.USD)).hasMessage("a security needs an exchange");
    }
}
