package io.tradebook.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tradebook.store.TestDatabases;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/**
 * The dashboard in a real headless Chromium against a real server (H2): a trader signs up, signs
 * in, creates an API key and connects a broker, with the server's field errors shown at their
 * fields; the keyboard reaches every navigation item; nothing scrolls sideways at phone width;
 * times are in the browser's time zone; and the browser console stays free of errors (each test
 * names the error responses it provokes on purpose). Every page is saved as a screenshot under
 * {@code target/screenshots/}.
 */
class DashboardBrowserTest {
    private static TestServer s;
    private static Browser b;
    private static String base;
    private static int users;

    @BeforeAll
    static void start() {
        s = new TestServer(TestDatabases.h2());
        base = s.server.uri().toString();
        b = Browser.start();
    }

    @AfterAll
    static void stop() {
        try {
            if (b != null) {
                b.close();
            }
        } finally {
            s.close();
        }
    }

    @BeforeEach
    void signedOutAtDesktopWidth() {
        b.viewport(null, null);
        b.forgetSession(base);
        b.consoleErrors();
    }

    @AfterEach
    void theConsoleHasNoErrors() {
        assertThat(b.consoleErrors()).as("browser console errors").isEmpty();
    }

    private static String newEmail() {
        return "trader" + (++users) + "@example.com";
    }

    private void type(String css, String text) {
        WebElement input = b.shown(css);
        input.clear();
        input.sendKeys(text);
    }

    /** Signs up through the page and lands on the first page of the navigation. */
    private void signUp(String email, String password, String name) {
        b.open(base + "/sign-up");
        b.awaitHeading("Sign up");
        type("input[name=fullName]", name);
        type("input[name=email]", email);
        type("input[name=password]", password);
        b.shown("main form button[type=submit]").click();
        b.awaitHeading("Accounts");
    }

    private void signIn(String email, String password) {
        b.open(base + "/sign-in");
        b.awaitHeading("Sign in");
        type("form[aria-labelledby=with-password] input[name=email]", email);
        type("form[aria-labelledby=with-password] input[name=password]", password);
        b.shown("form[aria-labelledby=with-password] button[type=submit]").click();
    }

    private void goTo(String navLabel, String heading) {
        b.shown("#nav").findElement(By.linkText(navLabel)).click();
        b.awaitHeading(heading);
    }

    /** The error shown at the field named {@code name} in {@code form}, once it is there. */
    private String fieldError(String form, String name) {
        WebElement input = b.shown(form + " [name=" + name + "]");
        WebElement error = b.await(d -> input.findElement(By.xpath("ancestor::div[contains(@class,'field')][1]"))
                .findElements(By.cssSelector(".field-error")).stream().findFirst().orElse(null));
        assertThat(input.getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(input.getAttribute("aria-describedby")).contains(error.getAttribute("id"));
        return error.getText();
    }

    @Test
    void aTraderSignsUpSignsInCreatesAnApiKeyAndConnectsABroker() {
        String email = newEmail();
        String password = "Long-enough-pass-1";
        b.open(base + "/");
        b.awaitHeading("Sign in");
        assertThat(b.driver.getCurrentUrl()).isEqualTo(base + "/sign-in");
        assertThat(b.driver.findElement(By.cssSelector(".who")).isDisplayed()).as("no sign-out while signed out").isFalse();
        assertThat(b.driver.findElement(By.id("nav")).isDisplayed()).as("no navigation while signed out").isFalse();
        b.screenshot("sign-in");
        b.shown("main a[href='/sign-up']").click();
        b.awaitHeading("Sign up");

        // the server's validation, shown at each field
        b.expectConsoleError("/api/auth/register - Failed to load resource: .* 422");
        type("input[name=email]", "not-an-email");
        type("input[name=password]", "short");
        b.shown("main form button[type=submit]").click();
        assertThat(fieldError("main form", "email")).contains("email address");
        assertThat(fieldError("main form", "password")).contains("10 characters");
        assertThat(fieldError("main form", "fullName")).isNotBlank();
        assertThat(b.driver.switchTo().activeElement().getAttribute("aria-invalid")).as("focus moves to the first error").isEqualTo("true");
        b.screenshot("sign-up-field-errors");
        assertThat(b.consoleErrors()).isEmpty();

        type("input[name=fullName]", "Ada Lovelace");
        type("input[name=email]", email);
        type("input[name=password]", password);
        b.shown("main form button[type=submit]").click();
        b.awaitHeading("Accounts");
        assertThat(b.shown(".who-name").getText()).isEqualTo("Ada Lovelace");
        assertThat(b.driver.switchTo().activeElement().getText()).as("focus on the new page's heading").isEqualTo("Accounts");
        goTo("Profile", "Profile");
        assertThat(b.shown("main").getText()).contains(email, "Self-hosted", "allowed");
        b.screenshot("profile");

        b.shown(".sign-out").click();
        b.awaitHeading("Sign in");
        assertThat(b.script("return localStorage.getItem('tradebook.session')")).isNull();
        signIn(email, password);
        b.awaitHeading("Accounts");

        // an API key: refused without a name, then created and shown once, and it works
        goTo("API keys", "API keys");
        b.expectConsoleError("/api/keys - Failed to load resource: .* 422");
        b.shown("form[aria-labelledby=new-key] button[type=submit]").click();
        assertThat(fieldError("form[aria-labelledby=new-key]", "name")).isNotBlank();
        assertThat(b.consoleErrors()).isEmpty();
        type("form[aria-labelledby=new-key] input[name=name]", "rebalancer");
        b.shown("input[name=scopes][value=trade]").click();
        type("input[name=rateLimitPerMinute]", "120");
        b.shown("form[aria-labelledby=new-key] button[type=submit]").click();
        String key = b.shown("#new-key-secret").getAttribute("value");
        assertThat(key).matches("tbk_[A-Za-z0-9_-]{43}");
        assertThat(b.driver.switchTo().activeElement().getText()).contains("Your new key");
        JsonNode me = s.anonymous.apiKey(key).get("/api/me").json();
        assertThat(me.at("/credential/method").asText()).isEqualTo("api-key");
        assertThat(me.at("/credential/scopes").toString()).contains("read", "trade");
        b.shown(".secret button").click();
        b.await(d -> b.shown(".secret button").getText().equals("Copied"));
        WebElement row = b.await(d -> d.findElements(By.cssSelector("main table tbody tr")).stream().findFirst().orElse(null));
        assertThat(row.getText()).contains("rebalancer", key.substring(0, 12), "read, trade", "120");
        b.screenshot("keys-created");
        b.await(d -> d.findElement(By.xpath("//main//button[text()='Done, I stored it']"))).click();
        assertThat(b.driver.findElements(By.id("new-key-secret"))).as("shown once").isEmpty();

        b.shown("button[aria-label='Revoke the key rebalancer']").click();
        b.shown("dialog button[value=yes]").click();
        b.awaitText("No keys yet.");
        assertThat(s.anonymous.apiKey(key).get("/api/me").status()).isEqualTo(401);

        // a broker connection: credentials go in and never come out
        goTo("Broker connections", "Broker connections");
        type("form[aria-labelledby=new-connection] input[name=accountNumber]", "PAPER-001");
        type("form[aria-labelledby=new-connection] input[name=apiKey]", "very-secret-broker-key");
        b.shown("form[aria-labelledby=new-connection] input[name=canTrade]").click();
        b.shown("form[aria-labelledby=new-connection] button[type=submit]").click();
        WebElement connection = b.await(d -> d.findElements(By.cssSelector("main table tbody tr")).stream().findFirst().orElse(null));
        b.await(d -> connection.getText().contains("PAPER-001"));
        assertThat(connection.getText()).contains("Paper (simulated)", "connected", "read, trade", "API key");
        assertThat(b.driver.getPageSource()).doesNotContain("very-secret-broker-key");
        b.screenshot("connections");

        b.expectConsoleError("/api/broker-connections - Failed to load resource: .* 409");
        type("form[aria-labelledby=new-connection] input[name=accountNumber]", "PAPER-001");
        b.shown("form[aria-labelledby=new-connection] button[type=submit]").click();
        assertThat(b.shown("form[aria-labelledby=new-connection] .field-error, form[aria-labelledby=new-connection] .form-error").getText())
                .containsIgnoringCase("already");
        assertThat(b.consoleErrors()).isEmpty();

        b.shown("button[aria-label='Edit Paper (simulated) PAPER-001']").click();
        b.shown("form[aria-labelledby=edit-connection] input[name=canTrade]").click();
        b.shown("form[aria-labelledby=edit-connection] input[name=delete-apiKey]").click();
        b.shown("form[aria-labelledby=edit-connection] button[type=submit]").click();
        b.await(d -> d.findElements(By.cssSelector("form[aria-labelledby=edit-connection]")).isEmpty());
        WebElement changed = b.await(d -> d.findElements(By.cssSelector("main table tbody tr")).stream().findFirst().orElse(null));
        assertThat(changed.getText()).contains("PAPER-001").doesNotContain("trade").doesNotContain("API key");

        // a deep link survives a reload
        b.driver.navigate().refresh();
        b.awaitHeading("Broker connections");
        assertThat(b.shown("#nav a[aria-current=page]").getText()).isEqualTo("Broker connections");
    }

    @Test
    void theKeyboardReachesEveryNavigationItemAndTheSkipLink() {
        signUp(newEmail(), "Keyboard-pass-12", "Kim Keys");
        List<String> navItems = b.driver.findElements(By.cssSelector("#nav a")).stream().map(WebElement::getText).toList();
        assertThat(navItems).containsExactly("Accounts", "Strategies", "Backtests", "Trade ideas", "Market", "Notifications", "Profile", "API keys",
                "Broker connections");
        b.open(base + "/profile"); // a fresh load: focus starts at the top of the document
        b.awaitHeading("Profile");
        List<String> reached = new ArrayList<>();
        Actions keys = new Actions(b.driver);
        for (int i = 0; i < 14; i++) {
            keys.sendKeys(Keys.TAB).perform();
            WebElement focused = b.driver.switchTo().activeElement();
            reached.add(focused.getText());
        }
        assertThat(reached.get(0)).isEqualTo("Skip to content");
        assertThat(reached).containsSubsequence("Tradebook", "Accounts", "Strategies", "Backtests", "Trade ideas", "Market", "Notifications",
                "Profile", "API keys", "Broker connections", "Sign out");

        // Enter on a navigation link opens the page and puts focus on its heading
        b.driver.switchTo().activeElement();
        WebElement apiKeys = b.driver.findElement(By.linkText("API keys"));
        b.script("arguments[0].focus()", apiKeys);
        keys.sendKeys(Keys.ENTER).perform();
        b.awaitHeading("API keys");
        assertThat(b.driver.getCurrentUrl()).endsWith("/keys");
        assertThat(b.driver.switchTo().activeElement().getText()).isEqualTo("API keys");

        // the skip link takes focus past the navigation to the content
        b.script("document.activeElement.blur(); window.scrollTo(0, 0);");
        b.script("document.querySelector('.skip-link').focus()");
        keys.sendKeys(Keys.ENTER).perform();
        assertThat(b.driver.switchTo().activeElement().getAttribute("id")).isEqualTo("main");
    }

    @Test
    void atPhoneWidthNothingScrollsSidewaysAndTheMenuFolds() {
        b.viewport(390, 844);
        String[][] anonymous = {{"/sign-in", "Sign in"}, {"/sign-up", "Sign up"}};
        for (String[] page : anonymous) {
            b.open(base + page[0]);
            b.awaitHeading(page[1]);
            assertNoSidewaysScroll(page[0]);
            b.screenshot("phone" + page[0].replace('/', '-'));
        }
        signUp(newEmail(), "Phone-width-pass-1", "Pat Phone");
        assertThat(b.shown(".nav-toggle").getAttribute("aria-expanded")).isEqualTo("false");
        assertThat(b.driver.findElement(By.id("nav")).isDisplayed()).isFalse();
        b.shown(".nav-toggle").click();
        assertThat(b.shown(".nav-toggle").getAttribute("aria-expanded")).isEqualTo("true");
        b.shown("#nav").findElement(By.linkText("API keys")).click();
        b.awaitHeading("API keys");
        assertThat(b.driver.findElement(By.id("nav")).isDisplayed()).as("the menu folds after choosing").isFalse();
        type("form[aria-labelledby=new-key] input[name=name]", "a key with a rather long name for a phone screen");
        b.shown("form[aria-labelledby=new-key] button[type=submit]").click();
        b.shown("#new-key-secret");
        String[][] pages = {{"/profile", "Profile"}, {"/keys", "API keys"}, {"/connections", "Broker connections"},
            {"/nothing-here", "Page not found"}};
        for (String[] page : pages) {
            b.open(base + page[0]);
            b.awaitHeading(page[1]);
            if (page[0].equals("/connections") && b.driver.findElements(By.cssSelector("main table")).isEmpty()) {
                type("form[aria-labelledby=new-connection] input[name=apiKey]", "phone-secret");
                b.shown("form[aria-labelledby=new-connection] button[type=submit]").click();
                b.shown("main table");
            }
            assertNoSidewaysScroll(page[0]);
            b.screenshot("phone" + page[0].replace('/', '-'));
        }
    }

    private void assertNoSidewaysScroll(String page) {
        @SuppressWarnings("unchecked")
        Map<String, Object> widths = (Map<String, Object>) b.script(
                "return {scroll: document.documentElement.scrollWidth, body: document.body.scrollWidth, viewport: window.innerWidth};");
        long viewport = ((Number) widths.get("viewport")).longValue();
        assertThat(viewport).as("emulated phone width").isEqualTo(390);
        assertThat(((Number) widths.get("scroll")).longValue()).as(page + " scrolls sideways: " + widths).isLessThanOrEqualTo(viewport);
        assertThat(((Number) widths.get("body")).longValue()).as(page + " body: " + widths).isLessThanOrEqualTo(viewport);
    }

    @Test
    void signingInWithAPhoneCodeAndTimesInTheBrowsersTimeZone() {
        String phone = "+41791234" + String.format("%03d", ++users);
        b.open(base + "/sign-in");
        b.awaitHeading("Sign in");
        type("form[aria-labelledby=with-phone] input[name=phoneNumber]", phone);
        b.shown("form[aria-labelledby=with-phone] button[type=submit]").click();
        b.shown("form[aria-labelledby=with-phone] input[name=code]");
        type("form[aria-labelledby=with-phone] input[name=code]", s.sms.lastCode(phone));
        b.shown("form[aria-labelledby=with-phone] button[type=submit]").click();
        b.awaitHeading("Accounts");
        goTo("Profile", "Profile");
        String page = b.shown("main").getText();
        assertThat(page).contains(phone, "verified");
        // the server answers in UTC; the browser is in Asia/Tokyo (UTC+9, no daylight saving) and shows that
        WebElement since = b.shown("main time");
        java.time.Instant created = java.time.Instant.parse(since.getAttribute("datetime"));
        assertThat(created).isEqualTo(s.clock.instant());
        String tokyo = java.time.format.DateTimeFormatter.ofPattern("MMM d, yyyy, hh:mm a", java.util.Locale.US)
                .withZone(java.time.ZoneId.of(Browser.TIME_ZONE)).format(created);
        assertThat(since.getText()).isEqualTo(tokyo + " GMT+9");
        assertThat(page).contains("Asia/Tokyo");
        b.screenshot("profile-phone-user");
    }

    @Test
    void anExpiredAccessTokenIsRefreshedSilentlyAndAnUnknownPageSaysSo() {
        signUp(newEmail(), "Refresh-pass-123", "Rae Refresh");
        Object before = b.script("return JSON.parse(localStorage.getItem('tradebook.session')).refreshToken");
        s.clock.advance(Duration.ofMinutes(20)); // the access token expires on the server's clock; the browser does not know
        b.expectConsoleError("/api/(keys|notifications/unread-count) - Failed to load resource: .* 401");
        goTo("API keys", "API keys");
        b.awaitText("No keys yet.");
        Object after = b.script("return JSON.parse(localStorage.getItem('tradebook.session')).refreshToken");
        assertThat(after).isNotEqualTo(before);
        b.open(base + "/no/such/page");
        b.awaitHeading("Page not found");
        b.screenshot("not-found");
        b.shown("main a").click();
        b.awaitHeading("Accounts");
    }

    @Test
    void darkOrLightFollowsTheSystem() {
        b.driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("features", List.of(Map.of("name", "prefers-color-scheme", "value", "dark"))));
        try {
            b.open(base + "/sign-in");
            b.awaitHeading("Sign in");
            assertThat(b.script("return getComputedStyle(document.body).backgroundColor")).isEqualTo("rgb(15, 17, 21)");
            b.screenshot("dark-sign-in");
        } finally {
            b.driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("features", List.of()));
        }
        b.open(base + "/sign-in");
        b.awaitHeading("Sign in");
        assertThat(b.script("return getComputedStyle(document.body).backgroundColor")).isEqualTo("rgb(247, 248, 250)");
    }

    @Test
    void signingOutElsewhereEndsThisPageAndADeepLinkReturnsAfterSignIn() {
        String email = newEmail();
        signUp(email, "Deep-link-pass-1", "Dee Link");
        b.shown(".sign-out").click();
        b.awaitHeading("Sign in");
        b.open(base + "/connections");
        b.awaitHeading("Sign in");
        assertThat(b.driver.getCurrentUrl()).endsWith("/sign-in?next=%2Fconnections");
        assertThat(b.shown("main .warning").getText()).isEqualTo("Sign in to continue.");
        type("form[aria-labelledby=with-password] input[name=email]", email);
        type("form[aria-labelledby=with-password] input[name=password]", "Deep-link-pass-1");
        b.shown("form[aria-labelledby=with-password] button[type=submit]").click();
        b.awaitHeading("Broker connections");
    }
}
