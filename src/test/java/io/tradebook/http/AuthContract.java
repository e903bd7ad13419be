package io.tradebook.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradebook.store.Database;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Registration, password and phone sign-in, refresh rotation, sign-out, lockout and the audit trail, over HTTP. */
abstract class AuthContract {
    private TestServer s;

    protected abstract Database newDatabase();

    @BeforeEach
    void start() {
        s = new TestServer(newDatabase());
    }

    @AfterEach
    void stop() {
        s.close();
    }

    @Test
    void aUserRegistersSignsInRefreshesAndSignsOut() {
        ApiClient.Response registered = s.anonymous.post("/api/auth/register",
                "{\"email\":\" Ada@Example.com \",\"password\":\"Analytical-1843\",\"fullName\":\"Ada Lovelace\",\"phoneNumber\":\"+44 20 7946 0000\"}");
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        assertThat(registered.text("email")).isEqualTo("ada@example.com");
        assertThat(registered.text("phoneNumber")).isEqualTo("+442079460000");
        assertThat(registered.json().get("phoneVerified").asBoolean()).isFalse();
        assertThat(registered.body()).doesNotContain("Analytical-1843").doesNotContain("password");

        TestServer.Session ada = s.signIn("ADA@example.com", "Analytical-1843");
        ApiClient.Response me = ada.client().get("/api/me");
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.json().at("/user/email").asText()).isEqualTo("ada@example.com");
        assertThat(me.json().at("/user/subscription/status").asText()).isEqualTo("NONE");
        assertThat(me.json().at("/user/subscription/canTrade").asBoolean()).isTrue();
        assertThat(me.json().at("/credential/method").asText()).isEqualTo("session");

        ApiClient.Response refreshed = s.anonymous.post("/api/auth/refresh", "{\"refreshToken\":\"" + ada.refreshToken() + "\"}");
        assertThat(refreshed.status()).isEqualTo(200);
        assertThat(refreshed.text("refreshToken")).isNotEqualTo(ada.refreshToken());
        assertThat(s.anonymous.post("/api/auth/refresh", "{\"refreshToken\":\"" + ada.refreshToken() + "\"}").status())
                .as("a rotated refresh token works once").isEqualTo(401);
        assertThat(ada.client().get("/api/me").status()).as("the rotated session's access token ends").isEqualTo(401);
        ApiClient renewed = s.anonymous.bearer(refreshed.text("accessToken"));
        assertThat(renewed.get("/api/me").status()).isEqualTo(200);

        assertThat(renewed.post("/api/auth/logout", null).status()).isEqualTo(204);
        assertThat(renewed.get("/api/me").status()).isEqualTo(401);
        assertThat(s.anonymous.post("/api/auth/refresh", "{\"refreshToken\":\"" + refreshed.text("refreshToken") + "\"}").status())
                .isEqualTo(401);
    }

    @Test
    void registrationNamesEveryBadFieldAndRefusesATakenEmail() {
        ApiClient.Response bad = s.anonymous.post("/api/auth/register",
                "{\"email\":\"not-an-email\",\"password\":\"short\",\"fullName\":\"  \",\"phoneNumber\":\"0791234567\"}");
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.isProblem()).isTrue();
        assertThat(fields(bad)).contains("email", "password", "fullName", "phoneNumber");
        ApiClient.Response weak = s.anonymous.post("/api/auth/register",
                "{\"email\":\"grace@example.com\",\"password\":\"grace-hopper-x\",\"fullName\":\"Grace\"}");
        assertThat(weak.status()).isEqualTo(422);
        assertThat(weak.body()).contains("must not contain the email address");

        s.signUp("grace@example.com");
        ApiClient.Response taken = s.anonymous.post("/api/auth/register",
                "{\"email\":\"GRACE@example.com\",\"password\":\"Cobol-1959-x\",\"fullName\":\"Other Grace\"}");
        assertThat(taken.status()).isEqualTo(409);
        assertThat(fields(taken)).containsExactly("email");
        assertThat(count("SELECT COUNT(*) FROM users WHERE email = 'grace@example.com'")).isEqualTo(1);
    }

    @Test
    void repeatedWrongPasswordsLockTheUserOutForAWhile() {
        TestServer.Session alan = s.signUp("alan@example.com");
        String wrong = "{\"email\":\"alan@example.com\",\"password\":\"Wrong-pass-1\"}";
        for (int i = 0; i < 4; i++) {
            assertThat(s.anonymous.post("/api/auth/login", wrong).status()).isEqualTo(401);
        }
        ApiClient.Response locked = s.anonymous.post("/api/auth/login", wrong);
        assertThat(locked.status()).as("the 5th failure locks").isEqualTo(429);
        assertThat(Long.parseLong(locked.header("Retry-After"))).isEqualTo(Duration.ofMinutes(15).toSeconds());
        String right = "{\"email\":\"alan@example.com\",\"password\":\"" + alan.password() + "\"}";
        assertThat(s.anonymous.post("/api/auth/login", right).status()).as("even the right password").isEqualTo(429);

        s.clock.advance(Duration.ofMinutes(15));
        assertThat(s.anonymous.post("/api/auth/login", right).status()).isEqualTo(200);
        assertThat(count("SELECT failed_login_count FROM users WHERE email = 'alan@example.com'")).isZero();
        assertThat(s.anonymous.post("/api/auth/login", "{\"email\":\"nobody@example.com\",\"password\":\"Wrong-pass-1\"}").status())
                .isEqualTo(401);
    }

    @Test
    void passwordsAndRefreshTokensAreStoredOnlyAsHashes() {
        TestServer.Session kay = s.signUp("kay@example.com");
        String hash = s.database.jdbi().withHandle(h -> h.createQuery("SELECT password_hash FROM users WHERE email = 'kay@example.com'")
                .mapTo(String.class).one());
        assertThat(hash).startsWith("$2a$04$").doesNotContain(kay.password());
        List<String> stored = s.database.jdbi().withHandle(h -> h.createQuery("SELECT refresh_token_hash FROM user_sessions")
                .mapTo(String.class).list());
        assertThat(stored).isNotEmpty().noneMatch(t -> t.contains(kay.refreshToken()) || kay.refreshToken().contains(t));
        assertThat(stored).allMatch(t -> t.matches("[0-9a-f]{64}"));
    }

    @Test
    void accessTokensExpire() {
        TestServer.Session ed = s.signUp("ed@example.com");
        s.clock.advance(Duration.ofMinutes(14));
        assertThat(ed.client().get("/api/me").status()).isEqualTo(200);
        s.clock.advance(Duration.ofMinutes(2));
        ApiClient.Response expired = ed.client().get("/api/me");
        assertThat(expired.status()).isEqualTo(401);
        assertThat(expired.header("WWW-Authenticate")).startsWith("Bearer");
        assertThat(s.anonymous.bearer("not.a.token").get("/api/me").status()).isEqualTo(401);
        assertThat(s.anonymous.with("Authorization", "Basic abc").get("/api/me").status()).isEqualTo(401);
    }

    @Test
    void theFirstAdministratorComesFromTheConfigurationOnce() {
        TestServer.Session admin = s.admin();
        assertThat(admin.client().get("/api/me").json().at("/user/role").asText()).isEqualTo("ADMIN");
        assertThat(admin.client().get("/api/me").json().at("/credential/scopes").toString()).contains("market-data");
        try (var second = new TestServer(reopen(), c -> c.withAdmin("other-root@tradebook.test", "Second-admin-9"))) {
            assertThat(second.anonymous.post("/api/auth/login",
                    "{\"email\":\"other-root@tradebook.test\",\"password\":\"Second-admin-9\"}").status())
                    .as("an administrator exists: the configured one is not created").isEqualTo(401);
        }
    }

    /** A second server needs its own database here; the first administrator rule is per database. */
    private Database reopen() {
        Database db = newDatabase();
        new io.tradebook.store.UserRepository(db.jdbi()).create(new io.tradebook.store.UserRepository.NewUser("root@x.test", null, "Root",
                "$2a$04$abcdefghijklmnopqrstuu5Qx5z7bQ5vX1l3m3Z7b2c9o0z9Z4b6a", io.tradebook.core.access.Role.ADMIN, false),
                java.time.Instant.now());
        return db;
    }

    @Test
    void aPhoneNumberSignsInWithAOneTimeCode() {
        String phone = "+41791234567";
        ApiClient.Response started = s.anonymous.post("/api/auth/phone/start", "{\"phoneNumber\":\"+41 79 123 45 67\"}");
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        assertThat(started.json().get("expiresIn").asLong()).isEqualTo(600);
        String code = s.sms.lastCode(phone);
        assertThat(s.anonymous.post("/api/auth/phone/start", "{\"phoneNumber\":\"" + phone + "\"}").status())
                .as("one code per 30 seconds").isEqualTo(429);

        ApiClient.Response wrong = s.anonymous.post("/api/auth/phone/verify", verify(phone, other(code)));
        assertThat(wrong.status()).isEqualTo(422);
        assertThat(fields(wrong)).containsExactly("code");
        ApiClient.Response signedIn = s.anonymous.post("/api/auth/phone/verify", verify(phone, code));
        assertThat(signedIn.status()).as(signedIn.body()).isEqualTo(200);
        ApiClient phoneUser = s.anonymous.bearer(signedIn.text("accessToken"));
        assertThat(phoneUser.get("/api/me").json().at("/user/phoneNumber").asText()).isEqualTo(phone);
        assertThat(phoneUser.get("/api/me").json().at("/user/phoneVerified").asBoolean()).isTrue();
        assertThat(s.anonymous.post("/api/auth/phone/verify", verify(phone, code)).status()).as("a code works once").isEqualTo(422);

        s.clock.advance(Duration.ofSeconds(31));
        s.anonymous.post("/api/auth/phone/start", "{\"phoneNumber\":\"" + phone + "\"}");
        String second = s.sms.lastCode(phone);
        for (int i = 0; i < 5; i++) {
            assertThat(s.anonymous.post("/api/auth/phone/verify", verify(phone, other(second))).status()).isEqualTo(422);
        }
        ApiClient.Response exhausted = s.anonymous.post("/api/auth/phone/verify", verify(phone, second));
        assertThat(exhausted.status()).as("5 tries per code").isEqualTo(422);
        assertThat(exhausted.body()).contains("too many wrong tries");

        s.clock.advance(Duration.ofSeconds(31));
        s.anonymous.post("/api/auth/phone/start", "{\"phoneNumber\":\"" + phone + "\"}");
        String third = s.sms.lastCode(phone);
        s.clock.advance(Duration.ofMinutes(11));
        assertThat(s.anonymous.post("/api/auth/phone/verify", verify(phone, third)).body()).contains("expired");

        assertThat(count("SELECT COUNT(*) FROM users WHERE phone_number = '" + phone + "'")).as("one phone user").isEqualTo(1);
        List<String> hashes = s.database.jdbi().withHandle(h -> h.createQuery("SELECT code_hash FROM phone_verifications")
                .mapTo(String.class).list());
        assertThat(hashes).hasSize(3).noneMatch(h -> h.equals(code) || h.equals(second) || h.equals(third));
    }

    @Test
    void aSignedInUserAddsAVerifiedPhoneAndThenSignsInWithIt() {
        TestServer.Session mary = s.signUp("mary@example.com");
        String phone = "+33612345678";
        assertThat(mary.client().post("/api/me/phone/start", "{\"phoneNumber\":\"" + phone + "\"}").status()).isEqualTo(202);
        ApiClient.Response verified = mary.client().post("/api/me/phone/verify", verify(phone, s.sms.lastCode(phone)));
        assertThat(verified.status()).as(verified.body()).isEqualTo(200);
        assertThat(verified.json().get("phoneVerified").asBoolean()).isTrue();

        TestServer.Session other = s.signUp("other@example.com");
        s.clock.advance(Duration.ofMinutes(1));
        assertThat(other.client().post("/api/me/phone/start", "{\"phoneNumber\":\"" + phone + "\"}").status()).isEqualTo(409);

        s.anonymous.post("/api/auth/phone/start", "{\"phoneNumber\":\"" + phone + "\"}");
        ApiClient.Response signedIn = s.anonymous.post("/api/auth/phone/verify", verify(phone, s.sms.lastCode(phone)));
        assertThat(signedIn.text("userId")).isEqualTo(mary.userId());
    }

    @Test
    void anUnverifiedNumberDoesNotSignAnyoneIntoTheUserWhoTypedIt() {
        s.anonymous.post("/api/auth/register", "{\"email\":\"eve@example.com\",\"password\":\"Eavesdrop-99\",\"fullName\":\"Eve\","
                + "\"phoneNumber\":\"+15550001111\"}");
        String eve = s.signIn("eve@example.com", "Eavesdrop-99").userId();
        s.anonymous.post("/api/auth/phone/start", "{\"phoneNumber\":\"+15550001111\"}");
        ApiClient.Response owner = s.anonymous.post("/api/auth/phone/verify", verify("+15550001111", s.sms.lastCode("+15550001111")));
        assertThat(owner.status()).isEqualTo(200);
        assertThat(owner.text("userId")).isNotEqualTo(eve);
        assertThat(count("SELECT COUNT(*) FROM users WHERE email = 'eve@example.com' AND phone_number IS NULL")).isEqualTo(1);
    }

    @Test
    void theAuditTrailKeepsSignInsAndFailures() {
        TestServer.Session joan = s.signUp("joan@example.com");
        s.anonymous.post("/api/auth/login", "{\"email\":\"joan@example.com\",\"password\":\"Wrong-pass-1\"}");
        List<Map<String, Object>> rows = s.database.jdbi().withHandle(h -> h.createQuery(
                "SELECT level, component, message FROM system_logs WHERE user_id = :u ORDER BY id").bind("u",
                java.util.UUID.fromString(joan.userId())).mapToMap().list());
        assertThat(rows).extracting(r -> r.get("message")).contains("registered", "signed in", "sign-in failed");
        assertThat(rows).filteredOn(r -> "sign-in failed".equals(r.get("message"))).extracting(r -> r.get("level")).containsOnly("WARNING");
        String all = s.database.jdbi().withHandle(h -> h.createQuery("SELECT message || COALESCE(CAST(details AS VARCHAR(4000)), '') "
                + "FROM system_logs").mapTo(String.class).list()).toString();
        assertThat(all).doesNotContain(joan.password()).doesNotContain("Wrong-pass-1");
    }

    static String verify(String phone, String code) {
        return "{\"phoneNumber\":\"" + phone + "\",\"code\":\"" + code + "\"}";
    }

    static String other(String code) {
        return code.equals("000000") ? "111111" : "000000";
    }

    static List<String> fields(ApiClient.Response problem) {
        List<String> names = new java.util.ArrayList<>();
        problem.json().get("errors").forEach(e -> names.add(e.get("field").asText()));
        return names;
    }

    private long count(String sql) {
        return s.database.jdbi().withHandle(h -> h.createQuery(sql).mapTo(Long.class).one());
    }
}
