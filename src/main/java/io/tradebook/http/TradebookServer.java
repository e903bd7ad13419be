package io.tradebook.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpResponseException;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import io.tradebook.core.access.Principal;
import io.tradebook.core.events.AuditTrail;
import io.tradebook.core.events.LogLevel;
import io.tradebook.security.AccessTokens;
import io.tradebook.security.Administration;
import io.tradebook.security.ApiKeys;
import io.tradebook.security.Authenticator;
import io.tradebook.security.BrokerConnections;
import io.tradebook.security.CredentialCipher;
import io.tradebook.security.KeyRateLimits;
import io.tradebook.security.RedisKeyRateLimits;
import io.tradebook.security.PasswordHasher;
import io.tradebook.security.PhoneCodes;
import io.tradebook.security.Registration;
import io.tradebook.security.SecretTokens;
import io.tradebook.security.SignIn;
import io.tradebook.store.ApiKeyRepository;
import io.tradebook.store.BrokerConnectionRepository;
import io.tradebook.store.Database;
import io.tradebook.store.JdbiAuditTrail;
import io.tradebook.store.StreamTicketRepository;
import io.tradebook.store.WebhookRepository;
import io.tradebook.live.LiveRuntime;
import io.tradebook.security.StreamTickets;
import io.tradebook.security.WebhookSecrets;
import io.tradebook.store.OwnerLookup;
import io.tradebook.store.PhoneVerificationRepository;
import io.tradebook.store.SessionRepository;
import io.tradebook.store.UserRepository;
import io.tradebook.trading.TradingService;
import java.net.URI;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Tradebook HTTP server: builds the security services on an open, migrated {@link Database},
 * collects the routes of every {@link RouteModule} into a {@link RouteRegistry}, installs them on
 * Javalin behind one {@link RoutePipeline}, and serves the generated OpenAPI document, Swagger UI,
 * {@code /health}, {@code /metrics} and the web {@link Dashboard} at {@code /}. Every error leaves as {@code application/problem+json}.
 * Thread-safe once started. Closing it stops the server, not the database.
 */
public final class TradebookServer implements AutoCloseable {
    /** The route modules every server has. */
    public static final List<RouteModule> MODULES = List.of(new AuthRoutes(), new PhoneRoutes(), new MeRoutes(), new ApiKeyRoutes(),
            new BrokerConnectionRoutes(), new AdminRoutes(), new EventRoutes(), new RetentionRoutes(), new BackupRoutes(),
            new AccountRoutes(), new OrderRoutes(), new BookRoutes(), new MarketRoutes(), new SecurityRoutes(), new RiskRoutes(),
            new NotificationRoutes(), new SystemLogRoutes(), new StrategyRoutes(), new LiveRoutes(), new BacktestRoutes(), new IdeaRoutes(),
            new PerformanceRoutes());

    private static final Logger LOG = LoggerFactory.getLogger(TradebookServer.class);
    private final Javalin app;
    private final HttpMetrics metrics;
    private final RouteRegistry routes;
    private final ServerContext context;
    private final List<String> installed;
    private final KeyRateLimits rateLimits;

    private TradebookServer(Javalin app, HttpMetrics metrics, RouteRegistry routes, ServerContext context, List<String> installed,
                            KeyRateLimits rateLimits) {
        this.rateLimits = rateLimits;
        this.app = app;
        this.metrics = metrics;
        this.routes = routes;
        this.context = context;
        this.installed = installed;
    }

    /** Builds and starts a server on {@code database} (already migrated). */
    public static TradebookServer start(ServerConfig config, Database database) {
        return start(config, database, io.tradebook.core.strategies.StrategyCatalog.builtIn());
    }

    /**
     * Builds and starts a server on {@code database} (already migrated) whose live strategies come
     * from {@code catalog} (registered in the {@code strategies} table on start).
     */
    public static TradebookServer start(ServerConfig config, Database database, io.tradebook.core.strategies.StrategyCatalog catalog) {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(catalog, "catalog");
        ObjectMapper json = Json.mapper();
        CredentialCipher cipher = CredentialCipher.fromKeyset(config.masterKey().load(CredentialCipher::newKeyset));
        byte[] tokenKey = decodeTokenKey(config.tokenKey().load(() -> SecretTokens.newKey(48)));
        var jdbi = database.jdbi();
        var clock = config.clock();
        var settings = config.security();
        AuditTrail audit = new JdbiAuditTrail(jdbi, clock);
        UserRepository users = new UserRepository(jdbi);
        SessionRepository sessions = new SessionRepository(jdbi);
        ApiKeyRepository keys = new ApiKeyRepository(jdbi);
        OwnerLookup owners = new OwnerLookup(jdbi);
        PasswordHasher passwords = new PasswordHasher(settings.bcryptCost());
        AccessTokens tokens = new AccessTokens(tokenKey, settings.accessTokenLifetime(), clock);
        SignIn signIn = new SignIn(users, sessions, passwords, tokens, settings, audit, clock);
        Registration registration = new Registration(users, passwords, audit, clock);
        PhoneCodes phoneCodes = new PhoneCodes(users, new PhoneVerificationRepository(jdbi), signIn, config.sms(),
                SecretTokens.hmac(tokenKey, "phone-codes").getBytes(java.nio.charset.StandardCharsets.UTF_8), settings, audit, clock);
        KeyRateLimits rateLimits = keyRateLimits(config, clock);
        Authenticator authenticator = new Authenticator(tokens, sessions, keys, rateLimits, settings, clock);
        HttpMetrics metrics = new HttpMetrics();
        Tenancy tenancy = new Tenancy(owners);
        if (config.adminEmail() != null) {
            registration.ensureAdministrator(config.adminEmail(), config.adminPassword());
        }
        StreamTickets tickets = new StreamTickets(new StreamTicketRepository(jdbi), sessions, keys, users, clock);
        WebhookSecrets webhookSecrets = new WebhookSecrets(new WebhookRepository(jdbi), cipher, clock);
        LiveRuntime live = LiveRuntime.start(config.live(), jdbi, audit, webhookSecrets, metrics.registry(), clock);
        TradingService trading;
        try {
            trading = TradingService.start(database, config.trading(), live.events(), audit, clock);
        } catch (RuntimeException e) {
            live.close();
            metrics.close();
            rateLimits.close();
            throw e;
        }
        try {
            new io.tradebook.store.StrategyCatalogRepository(jdbi).sync(catalog);
            trading.startStrategies(catalog);
            ServerContext context = new ServerContext(database, users, clock, json, tenancy, audit, metrics.registry(), signIn,
                    registration, phoneCodes, new ApiKeys(keys, owners, audit, clock), new BrokerConnections(
                    new BrokerConnectionRepository(jdbi), cipher, audit, clock), new Administration(users, passwords, audit, clock), trading,
                    live.events(), live, tickets, webhookSecrets);
            return serve(config, json, authenticator, metrics, tickets, context, rateLimits);
        } catch (RuntimeException e) {
            trading.close();
            live.close();
            metrics.close();
            rateLimits.close();
            throw e;
        }
    }

    private static TradebookServer serve(ServerConfig config, ObjectMapper json, Authenticator authenticator, HttpMetrics metrics,
                                         StreamTickets tickets, ServerContext context, KeyRateLimits rateLimits) {
        var clock = context.clock();
        AuditTrail audit = context.audit();

        RouteRegistry registry = new RouteRegistry();
        ObjectNode[] document = new ObjectNode[1];
        List<RouteModule> modules = new ArrayList<>();
        modules.add(new SystemRoutes(() -> document[0], metrics));
        modules.addAll(MODULES);
        modules.addAll(config.modules());
        modules.forEach(m -> m.register(registry, context));
        registry.seal();
        document[0] = OpenApiDocument.of(registry.routes(), version());

        Dashboard dashboard = new Dashboard();
        List<String> installed = Collections.synchronizedList(new ArrayList<>());
        Javalin app = Javalin.create(c -> {
            c.showJavalinBanner = false;
            c.jsonMapper(new JavalinJackson(json, false));
            c.http.prefer405over404 = true;
            c.http.maxRequestSize = 1_000_000;
            c.router.ignoreTrailingSlashes = true;
            c.staticFiles.add(s -> {
                s.hostedPath = SystemRoutes.SWAGGER_PATH;
                s.directory = SystemRoutes.swaggerDirectory();
                s.location = Location.CLASSPATH;
            });
            // the web dashboard answers the GET and HEAD requests no route or file took (its files, and its shell for deep links)
            c.spaRoot.addHandler("/", dashboard::handle);
            c.events.handlerAdded(h -> {
                if (h.getHttpMethod().isHttpMethod()) {
                    installed.add(h.getHttpMethod().name() + " " + h.getPath());
                }
            });
        });
        metrics.install(app);
        app.before("/api/*", ctx -> ctx.header("Cache-Control", "no-store"));
        app.before(ctx -> ctx.header("X-Content-Type-Options", "nosniff"));
        RoutePipeline pipeline = new RoutePipeline(authenticator, tickets, context.tenancy(), json, context.clock());
        for (Route route : registry.routes()) {
            app.addHttpHandler(HandlerType.valueOf(route.method().name()), route.path(), pipeline.handlerFor(route));
        }
        EventSocket.install(app, pipeline, context);
        installErrorHandling(app, json, audit);
        app.start(config.host(), config.port());
        LOG.info("Tradebook listening on http://{}:{} ({} routes; API description at /openapi.json, interactive at {})",
                config.host(), app.port(), registry.routes().size(), SystemRoutes.DOCS_PATH);
        return new TradebookServer(app, metrics, registry, context, List.copyOf(installed), rateLimits);
    }

    private static void installErrorHandling(Javalin app, ObjectMapper json, AuditTrail audit) {
        app.exception(ProblemException.class, (e, ctx) -> {
            e.headers().forEach(ctx::header);
            writeProblem(ctx, json, e.problem());
        });
        app.exception(HttpResponseException.class, (e, ctx) -> writeProblem(ctx, json,
                Problems.forStatus(e.getStatus(), e.getStatus() == 404 ? "no route " + ctx.method() + " " + ctx.path() : e.getMessage())));
        app.exception(Exception.class, (e, ctx) -> {
            String reference = UUID.randomUUID().toString().substring(0, 8);
            LOG.error("request {} {} failed [reference {}]", ctx.method(), ctx.path(), reference, e);
            Principal caller = ctx.attribute(ServerAttributes.PRINCIPAL);
            try {
                audit.record(LogLevel.ERROR, "http", "internal error", caller == null ? null : caller.userId(),
                        Map.of("reference", reference, "method", ctx.method().name(), "path", ctx.path(), "error", e.getClass().getName()));
            } catch (RuntimeException auditFailed) {
                LOG.error("could not keep the error [reference {}] in the audit trail", reference, auditFailed);
            }
            writeProblem(ctx, json, Problem.of("internal", 500, "Internal error", "the server failed; reference " + reference));
        });
        for (int status : new int[] {404, 405, 413}) {
            app.error(status, ctx -> {
                String type = ctx.res().getContentType();
                if (type == null || !type.startsWith(Problem.MEDIA_TYPE)) {
                    writeProblem(ctx, json, Problems.forStatus(status, status == 404 ? "no route " + ctx.method() + " " + ctx.path()
                            : status == 405 ? "this path does not take " + ctx.method() : "the request body is larger than allowed"));
                }
            });
        }
    }

    private static void writeProblem(io.javalin.http.Context ctx, ObjectMapper json, Problem problem) {
        try {
            ctx.status(problem.status()).contentType(Problem.MEDIA_TYPE).result(json.writeValueAsBytes(problem.at(ctx.path())));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("a problem always serialises", e);
        }
    }

    private static byte[] decodeTokenKey(String text) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(text.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the token signing key (" + ServerConfig.JWT_SECRET + " or its file) must be Base64", e);
        }
        if (key.length < 32) {
            throw new IllegalArgumentException("the token signing key must have at least 32 bytes; it has " + key.length);
        }
        return key;
    }

    static String version() {
        String version = TradebookServer.class.getPackage().getImplementationVersion();
        return version == null ? "dev" : version;
    }

    /** The port the server listens on. */
    public int port() {
        return app.port();
    }

    /** The server's base URI on the loopback interface. */
    public URI uri() {
        return URI.create("http://127.0.0.1:" + port());
    }

    /** Every route, as registered. */
    public List<Route> routes() {
        return routes.routes();
    }

    /** Every HTTP handler Javalin installed, as {@code METHOD path}: a check that nothing bypassed the registry. */
    public List<String> installedHandlers() {
        return installed;
    }

    public ServerContext context() {
        return context;
    }

    /** Stops the server, then the order path (writing what is pending); the database stays open. */
    @Override
    public void close() {
        try {
            app.stop();
        } finally {
            for (AutoCloseable r : routes.resources()) {
                try {
                    r.close();
                } catch (Exception e) {
                    LOG.warn("closing {} failed", r, e);
                }
            }
            context.trading().close();
            context.live().close();
            metrics.close();
            rateLimits.close();
        }
    }

    /**
     * API-key rate limits: shared by every process through the Redis of the live events when one
     * is set (keys under the installation's channel name), else this process's own. A Redis that
     * cannot be reached at start leaves the limits in this process, with a warning.
     */
    private static KeyRateLimits keyRateLimits(ServerConfig config, java.time.Clock clock) {
        java.net.URI redis = config.live().redisUrl();
        if (redis == null) {
            return new KeyRateLimits(clock);
        }
        try {
            return new RedisKeyRateLimits(redis.toString(), config.live().redisChannel(), java.time.Duration.ofMillis(250), clock);
        } catch (RuntimeException e) {
            LOG.warn("API-key rate limits stay in this process: Redis cannot be reached ({})", e.toString());
            return new KeyRateLimits(clock);
        }
    }
}
