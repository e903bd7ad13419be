package io.tradebook.http;

import io.tradebook.core.access.LockoutPolicy;
import io.tradebook.core.access.SmsSender;
import io.tradebook.live.LiveSettings;
import io.tradebook.security.SecretSource;
import io.tradebook.security.SecuritySettings;
import io.tradebook.trading.TradingSettings;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How to run the server: where it listens, where its secrets come from, the security settings,
 * the first administrator, the SMS port, the clock, and extra route modules. Immutable.
 * {@link #toString()} never shows secrets.
 *
 * @param host          address to listen on
 * @param port          port to listen on; 0 picks a free one
 * @param masterKey     the Tink keyset that encrypts broker credentials
 * @param tokenKey      the HMAC key (Base64, at least 32 bytes) that signs access tokens
 * @param security      sign-in and key rules
 * @param adminEmail    email of the first administrator, created on start when no administrator exists; null for none
 * @param adminPassword that administrator's password; null for none
 * @param sms           where one-time codes go
 * @param clock         the server's clock
 * @param modules       route modules beyond {@link TradebookServer#MODULES}
 * @param live          live events (Redis fan-out), event streams, webhooks and the retention schedule
 * @param trading       the paper broker's commission and slippage, and the order writers
 */
public record ServerConfig(String host, int port, SecretSource masterKey, SecretSource tokenKey, SecuritySettings security,
                           String adminEmail, String adminPassword, SmsSender sms, Clock clock, List<RouteModule> modules,
                           LiveSettings live, TradingSettings trading) {

    public static final String MASTER_KEY = "TRADEBOOK_MASTER_KEY";
    public static final String MASTER_KEY_FILE = "TRADEBOOK_MASTER_KEY_FILE";
    public static final String JWT_SECRET = "TRADEBOOK_JWT_SECRET";
    public static final String JWT_SECRET_FILE = "TRADEBOOK_JWT_SECRET_FILE";
    public static final String ADMIN_EMAIL = "TRADEBOOK_ADMIN_EMAIL";
    public static final String ADMIN_PASSWORD = "TRADEBOOK_ADMIN_PASSWORD";
    public static final String BCRYPT_COST = "TRADEBOOK_BCRYPT_COST";
    public static final String LOCKOUT_ATTEMPTS = "TRADEBOOK_LOCKOUT_ATTEMPTS";
    public static final String LOCKOUT_MINUTES = "TRADEBOOK_LOCKOUT_MINUTES";
    public static final String ACCESS_TOKEN_MINUTES = "TRADEBOOK_ACCESS_TOKEN_MINUTES";
    public static final String KEY_RATE_LIMIT = "TRADEBOOK_KEY_RATE_LIMIT";
    /** The least bcrypt cost accepted from the environment; tests may go lower through code. */
    public static final int MIN_BCRYPT_COST = 10;

    public ServerConfig {
        Objects.requireNonNull(host, "host");
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be within 0…65535: " + port);
        }
        Objects.requireNonNull(masterKey, "masterKey");
        Objects.requireNonNull(tokenKey, "tokenKey");
        Objects.requireNonNull(security, "security");
        Objects.requireNonNull(sms, "sms");
        Objects.requireNonNull(clock, "clock");
        modules = List.copyOf(modules);
        Objects.requireNonNull(live, "live");
        Objects.requireNonNull(trading, "trading");
        if ((adminEmail == null) != (adminPassword == null)) {
            throw new IllegalArgumentException(ADMIN_EMAIL + " and " + ADMIN_PASSWORD + " go together");
        }
    }

    /** A configuration with the default live and trading settings. */
    public ServerConfig(String host, int port, SecretSource masterKey, SecretSource tokenKey, SecuritySettings security, String adminEmail,
                        String adminPassword, SmsSender sms, Clock clock, List<RouteModule> modules) {
        this(host, port, masterKey, tokenKey, security, adminEmail, adminPassword, sms, clock, modules, LiveSettings.DEFAULT,
                TradingSettings.DEFAULT);
    }

    /**
     * The configuration the environment describes, for a server on {@code host}:{@code port} whose
     * secret files default to {@code dataDir}. Refuses malformed numbers, naming the variable, and a
     * bcrypt cost below {@link #MIN_BCRYPT_COST}.
     */
    public static ServerConfig fromEnvironment(Map<String, String> env, String host, int port, Path dataDir) {
        SecretSource master = new SecretSource(env.get(MASTER_KEY), Path.of(orDefault(env, MASTER_KEY_FILE,
                dataDir.resolve("master-key.json").toString())));
        SecretSource jwt = new SecretSource(env.get(JWT_SECRET), Path.of(orDefault(env, JWT_SECRET_FILE,
                dataDir.resolve("jwt-secret").toString())));
        SecuritySettings d = SecuritySettings.DEFAULT;
        int cost = number(env, BCRYPT_COST, d.bcryptCost());
        if (cost < MIN_BCRYPT_COST) {
            throw new IllegalArgumentException(BCRYPT_COST + " must be at least " + MIN_BCRYPT_COST + ": " + cost);
        }
        SecuritySettings security = new SecuritySettings(cost,
                Duration.ofMinutes(number(env, ACCESS_TOKEN_MINUTES, (int) d.accessTokenLifetime().toMinutes())),
                d.refreshTokenLifetime(),
                new LockoutPolicy(number(env, LOCKOUT_ATTEMPTS, d.lockout().maxFailures()),
                        Duration.ofMinutes(number(env, LOCKOUT_MINUTES, (int) d.lockout().lockFor().toMinutes()))),
                d.phoneCodeLifetime(), d.phoneCodeAttempts(), d.phoneCodeInterval(), number(env, KEY_RATE_LIMIT, d.keyRequestsPerMinute()));
        String email = blankToNull(env.get(ADMIN_EMAIL));
        String password = blankToNull(env.get(ADMIN_PASSWORD));
        return new ServerConfig(host, port, master, jwt, security, email, password, new LoggingSmsSender(), Clock.systemUTC(), List.of(),
                withBackupDefault(LiveSettings.fromEnvironment(env), dataDir), TradingSettings.fromEnvironment(env, dataDir));
    }

    /** This configuration on another port. */
    public ServerConfig withPort(int newPort) {
        return new ServerConfig(host, newPort, masterKey, tokenKey, security, adminEmail, adminPassword, sms, clock, modules, live, trading);
    }

    /** This configuration with other security settings. */
    public ServerConfig withSecurity(SecuritySettings settings) {
        return new ServerConfig(host, port, masterKey, tokenKey, settings, adminEmail, adminPassword, sms, clock, modules, live, trading);
    }

    /** This configuration with another first administrator. */
    public ServerConfig withAdmin(String email, String password) {
        return new ServerConfig(host, port, masterKey, tokenKey, security, email, password, sms, clock, modules, live, trading);
    }

    /** This configuration with another SMS port and clock. */
    public ServerConfig with(SmsSender newSms, Clock newClock) {
        return new ServerConfig(host, port, masterKey, tokenKey, security, adminEmail, adminPassword, newSms, newClock, modules, live, trading);
    }

    /** This configuration with more route modules. */
    public ServerConfig withModules(List<RouteModule> more) {
        List<RouteModule> all = new java.util.ArrayList<>(modules);
        all.addAll(more);
        return new ServerConfig(host, port, masterKey, tokenKey, security, adminEmail, adminPassword, sms, clock, all, live, trading);
    }

    private static LiveSettings withBackupDefault(LiveSettings live, Path dataDir) {
        return live.backupDir() != null ? live : live.withBackupDir(dataDir.resolve("backups"));
    }

    /** This configuration with other live settings. */
    public ServerConfig withLive(LiveSettings settings) {
        return new ServerConfig(host, port, masterKey, tokenKey, security, adminEmail, adminPassword, sms, clock, modules, settings, trading);
    }

    /** This configuration with other trading settings. */
    public ServerConfig withTrading(TradingSettings settings) {
        return new ServerConfig(host, port, masterKey, tokenKey, security, adminEmail, adminPassword, sms, clock, modules, live, settings);
    }

    private static int number(Map<String, String> env, String name, int fallback) {
        String text = blankToNull(env.get(name));
        if (text == null) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(text.strip());
            if (value < 1) {
                throw new IllegalArgumentException(name + " must be at least 1: " + text);
            }
            return value;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number: " + text, e);
        }
    }

    private static String orDefault(Map<String, String> env, String name, String fallback) {
        String value = blankToNull(env.get(name));
        return value == null ? fallback : value;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    @Override
    public String toString() {
        return "ServerConfig[" + host + ":" + port + ", masterKey=" + masterKey + ", tokenKey=" + tokenKey + ", admin="
                + (adminEmail == null ? "<none>" : adminEmail) + ", " + live + "]";
    }
}
