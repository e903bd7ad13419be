package io.tradebook.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradebook.store.TestDatabases;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The trading pages end to end in a real headless Chromium against a real server (H2): a trader
 * signs up, opens a paper account, an administrator pushes prices, the trader places orders through
 * the ticket (the server's validation shown at the fields), sees the fills and the holdings per
 * strategy (alpha up, beta down on AAPL) and summed, watches a resting limit order fill live when
 * the price moves, reads and marks notifications (the count in the navigation follows), sets a risk
 * rule and sees it refuse an order, and reads the market page. Every page is saved under
 * {@code target/screenshots/} at desktop and phone width; nothing scrolls sideways on a phone and
 * the console stays free of errors.
 */
class DashboardTradingBrowserTest {
    private static TestServer s;
    private static Browser b;
    private static String base;
    private static TestServer.Session admin;

    @BeforeAll
    static void start() {
        s = new TestServer(TestDatabases.h2());
        base = s.server.uri().toString();
        admin = s.admin();
        ApiClient.Response listed = admin.client().post("/api/securities",
                "{\"ticker\":\"AAPL\",\"name\":\"Apple Inc.\",\"securityType\":\"equity\",\"exchange\":\"NASDAQ\"}");
        assertThat(listed.status()).as(listed.body()).isEqualTo(201);
        BacktestsContract.storeBundledSpx(s.database);
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

    private static void push(String symbol, String price) {
        ApiClient.Response pushed = admin.client().post("/api/market/prices", "{\"symbol\":\"" + symbol + "\",\"price\":\"" + price + "\"}");
        assertThat(pushed.status()).as(pushed.body()).isEqualTo(200);
    }

    private void type(String css, String text) {
        WebElement input = b.shown(css);
        input.clear();
        input.sendKeys(text);
    }

    private void choose(String css, String value) {
        new Select(b.shown(css)).selectByValue(value);
    }

    private String fieldError(String form, String name) {
        WebElement input = b.shown(form + " [name='" + name + "']");
        WebElement error = b.await(d -> input.findElement(By.xpath("ancestor::div[contains(@class,'field')][1]"))
                .findElements(By.cssSelector(".field-error")).stream().findFirst().orElse(null));
        assertThat(input.getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(input.getAttribute("aria-describedby")).contains(error.getAttribute("id"));
        return error.getText();
    }

    private void signUp(String email, String name) {
        b.open(base + "/sign-up");
        b.awaitHeading("Sign up");
        type("input[name=fullName]", name);
        type("input[name=email]", email);
        type("input[name=password]", "Trading-pass-123");
        b.shown("main form button[type=submit]").click();
        b.awaitHeading("Accounts");
    }

    private static final String TICKET = "form[aria-labelledby=ticket]";

    /** Fills the ticket and sends it; answers the outcome line once it says {@code expect}. */
    private String order(String side, String type, String quantity, String limit, String stop, String tif, String strategy, String expect) {
        type(TICKET + " input[name=symbol]", "AAPL");
        choose(TICKET + " select[name=side]", side);
        choose(TICKET + " select[name=type]", type);
        type(TICKET + " input[name=quantity]", quantity);
        if (limit != null) {
            type(TICKET + " input[name=limitPrice]", limit);
        }
        if (stop != null) {
            type(TICKET + " input[name=stopPrice]", stop);
        }
        choose(TICKET + " select[name=timeInForce]", tif);
        choose(TICKET + " select[name=strategy]", strategy);
        b.script("document.querySelectorAll('main [data-order]').forEach(e => e.remove())"); // the last order's outcome
        b.shown(TICKET + " button[type=submit]").click();
        try {
            return b.await(d -> d.findElements(By.cssSelector("main [data-order]")).stream().map(WebElement::getText)
                    .filter(t -> t.contains(quantity + " AAPL") && t.contains(expect)).findFirst().orElse(null));
        } catch (org.openqa.selenium.TimeoutException e) {
            Object probe = b.run("return await Promise.race([fetch('/health').then(r => 'health ' + r.status), "
                    + "new Promise(r => setTimeout(() => r('health pending after 5 s'), 5000))]);");
            Object locks = b.run("return JSON.stringify(await navigator.locks.query());");
            throw new AssertionError("no " + expect + " order of " + quantity + "; probe: " + probe + "; locks: " + locks + "; the ticket is busy: "
                    + b.shown(TICKET).getAttribute("aria-busy") + "; the page says: " + b.driver.findElement(By.tagName("main")).getText(), e);
        }
    }

    private WebElement row(String tableCaption, String... contains) {
        try {
            return findRow(tableCaption, contains);
        } catch (org.openqa.selenium.TimeoutException e) {
            b.screenshot("failed-" + tableCaption.replaceAll("\\W+", "-"));
            throw new AssertionError("no row of '" + tableCaption + "' with " + List.of(contains) + " at " + b.driver.getCurrentUrl()
                    + "; the page says: " + b.driver.findElement(By.tagName("main")).getText(), e);
        }
    }

    private WebElement findRow(String tableCaption, String... contains) {
        return b.await(d -> d.findElements(By.xpath("//main//table[caption[contains(., '" + tableCaption + "')]]//tbody/tr")).stream()
                .filter(r -> List.of(contains).stream().allMatch(r.getText()::contains)).findFirst().orElse(null));
    }

    private void assertNoSidewaysScroll(String page) {
        @SuppressWarnings("unchecked")
        Map<String, Object> widths = (Map<String, Object>) b.script(
                "return {scroll: document.documentElement.scrollWidth, body: document.body.scrollWidth, viewport: window.innerWidth};");
        long viewport = ((Number) widths.get("viewport")).longValue();
        assertThat(((Number) widths.get("scroll")).longValue()).as(page + " scrolls sideways: " + widths).isLessThanOrEqualTo(viewport);
        assertThat(((Number) widths.get("body")).longValue()).as(page + " body: " + widths).isLessThanOrEqualTo(viewport);
    }

    /** Opens a paper account through the accounts page; answers its path (/accounts/{id}). */
    private String openAccount(String name) {
        b.shown("#nav").findElement(By.linkText("Accounts")).click();
        b.awaitHeading("Accounts");
        type("form[aria-labelledby=new-account] input[name=name]", name);
        choose("form[aria-labelledby=new-account] select[name=type]", "MARGIN");
        type("form[aria-labelledby=new-account] input[name=initialCash]", "100000");
        b.shown("form[aria-labelledby=new-account] button[type=submit]").click();
        b.awaitHeading(name);
        return b.driver.getCurrentUrl().substring(base.length());
    }

    @Test
    void aTraderActivatesAStrategyWithItsParametersAndStartsPausesAndStopsIt() {
        signUp("stella@example.com", "Stella Strategist");
        String accountPath = openAccount("Systematic");
        b.shown("#nav").findElement(By.linkText("Strategies")).click();
        b.awaitHeading("Strategies");
        WebElement sma = b.shown("article[data-code=sma-cross]");
        assertThat(sma.getText()).contains("SMA crossover", "fast", "slow", "100,000");
        b.screenshot("strategies-catalog");

        // the parameters' bounds are the server's to judge: an out-of-bounds value is shown at its field
        sma.findElement(By.cssSelector("button")).click();
        b.shown("form[aria-labelledby=activate]");
        type("form[aria-labelledby=activate] input[name=name]", "trend");
        type("form[aria-labelledby=activate] input[name=symbols]", "AAPL");
        type("form[aria-labelledby=activate] input[name='parameters.fast']", "0");
        b.expectConsoleError("/strategies - Failed to load resource: .* 422");
        b.shown("form[aria-labelledby=activate] button[type=submit]").click();
        assertThat(fieldError("form[aria-labelledby=activate]", "parameters.fast")).isNotBlank();
        b.screenshot("strategy-activation-field-error");
        assertThat(b.consoleErrors()).isEmpty();
        type("form[aria-labelledby=activate] input[name='parameters.fast']", "5");
        type("form[aria-labelledby=activate] input[name=allocation]", "20000");
        b.shown("form[aria-labelledby=activate] button[type=submit]").click();
        b.await(d -> d.getCurrentUrl().endsWith(accountPath + "/strategies"));
        b.awaitHeading("Strategies");
        WebElement trend = row("Strategies on this account", "trend");
        assertThat(trend.getAttribute("data-status")).isEqualTo("ACTIVE");
        assertThat(trend.getText()).contains("sma-cross", "AAPL", "$20,000.00", "fast 5");
        b.screenshot("account-strategies");
        trend.findElement(By.linkText("trend")).click();
        b.awaitHeading("trend: performance");
        b.shown("tr[data-metric=sharpe]");
        b.screenshot("strategy-performance-new");
        b.driver.navigate().back();
        b.await(d -> d.getCurrentUrl().endsWith(accountPath + "/strategies"));
        b.awaitHeading("Strategies");

        b.shown("button[aria-label='Pause trend']").click();
        b.await(d -> "PAUSED".equals(row("Strategies on this account", "trend").getAttribute("data-status")));
        b.shown("button[aria-label='Start trend']").click();
        b.await(d -> "ACTIVE".equals(row("Strategies on this account", "trend").getAttribute("data-status")));
        b.shown("button[aria-label='Stop trend']").click();
        b.shown("form[aria-labelledby=stop-strategy] button[type=submit]").click();
        b.await(d -> "STOPPED".equals(row("Strategies on this account", "trend").getAttribute("data-status")));
        assertThat(b.driver.findElements(By.cssSelector("button[aria-label='Start trend']"))).isEmpty();

        b.viewport(390, 844);
        for (String[] page : new String[][] {{"/strategies", "Strategies"}, {accountPath + "/strategies", "Strategies"}}) {
            b.open(base + page[0]);
            b.awaitHeading(page[1]);
            b.await(d -> !d.findElements(By.cssSelector("main table")).isEmpty());
            assertNoSidewaysScroll(page[0]);
            b.screenshot("phone" + page[0].replaceAll("/accounts/[0-9a-f-]{36}", "/account").replace('/', '-'));
        }
    }

    @Test
    void aTraderRunsABacktestFollowsItsProgressAndOpensItsReport() throws Exception {
        signUp("bart@example.com", "Bart Backtester");
        b.shown("#nav").findElement(By.linkText("Backtests")).click();
        b.awaitHeading("Backtests");
        b.awaitText("No backtests yet.");
        String form = "form[aria-labelledby=new-backtest]";
        choose(form + " select[name=strategy]", "sma-cross");
        type(form + " input[name='strategies[0].parameters.fast']", "0");
        type(form + " input[name=symbols]", "SPX");
        b.expectConsoleError("/api/backtests - Failed to load resource: .* 422");
        b.shown(form + " button[type=submit]").click();
        b.await(d -> !d.findElements(By.cssSelector(form + " .field-error, " + form + " .form-error")).isEmpty());
        assertThat(b.shown(form + " .field-error, " + form + " .form-error").getText()).containsIgnoringCase("fast");
        b.screenshot("backtest-form-error");
        assertThat(b.consoleErrors()).isEmpty();

        type(form + " input[name='strategies[0].parameters.fast']", "10");
        type(form + " input[name=from]", "2017-01-03");
        type(form + " input[name=to]", "2019-12-31");
        type(form + " input[name=commissionBps]", "1");
        b.shown(form + " button[type=submit]").click();
        WebElement run = row("Backtests, newest first", "sma-cross", "SPX");
        b.screenshot("backtests");
        b.await(d -> "DONE".equals(findRow("Backtests, newest first", "SPX").getAttribute("data-status")));
        assertThat(row("Backtests, newest first", "SPX").getText()).contains("done", "%");
        b.screenshot("backtests-done");

        row("Backtests, newest first", "SPX").findElement(By.cssSelector("a")).click();
        b.await(d -> d.findElements(By.cssSelector("main h1")).stream().anyMatch(h -> h.getText().startsWith("Backtest: ")));
        assertThat(b.shown("main h1").getText()).contains("sma-cross", "SPX");
        assertThat(b.shown("[data-stat=finalEquity]").getText()).startsWith("$");
        assertThat(b.shown("tr[data-metric=sharpe]").getText()).contains("Sharpe");
        assertThat(b.shown("main .chart").getAttribute("aria-label")).isNotBlank();
        b.screenshot("backtest-result");

        // the HTML report: fetched with the session's token, saved, and opened from the file
        java.nio.file.Path downloads = java.nio.file.Path.of("target", "downloads").toAbsolutePath();
        java.nio.file.Files.createDirectories(downloads);
        b.driver.executeCdpCommand("Browser.setDownloadBehavior", Map.of("behavior", "allow", "downloadPath", downloads.toString()));
        b.shown("main button.report").click();
        java.nio.file.Path report = b.await(d -> {
            try (var files = java.nio.file.Files.list(downloads)) {
                return files.filter(f -> f.getFileName().toString().startsWith("backtest-") && f.toString().endsWith(".html")).findFirst().orElse(null);
            } catch (java.io.IOException e) {
                return null;
            }
        });
        b.open(report.toUri().toString());
        b.await(d -> d.findElement(By.tagName("body")).getText().contains("SPX"));
        assertThat(b.driver.findElement(By.tagName("h1")).getText()).contains("Backtest", "SPX");
        b.screenshot("backtest-report");
    }

    @Test
    void anAdministratorPushesAPriceAndReplaysStoredBarsIntoTheLiveFeed() {
        b.open(base + "/sign-in");
        b.awaitHeading("Sign in");
        type("form[aria-labelledby=with-password] input[name=email]", TestServer.ADMIN_EMAIL);
        type("form[aria-labelledby=with-password] input[name=password]", TestServer.ADMIN_PASSWORD);
        b.shown("form[aria-labelledby=with-password] button[type=submit]").click();
        b.awaitHeading("Accounts");
        b.shown("#nav").findElement(By.linkText("Market")).click();
        b.awaitHeading("Market");
        type("form[aria-labelledby=push-price] input[name=symbol]", "SPX");
        type("form[aria-labelledby=push-price] input[name=price]", "3210.5");
        b.shown("form[aria-labelledby=push-price] button[type=submit]").click();
        b.await(d -> d.findElements(By.cssSelector("[data-price=SPX]")).stream().anyMatch(e -> e.getText().equals("$3,210.50")));

        // a replay of December 2019's daily bars: the price follows it live, and the replay finishes
        String form = "form[aria-labelledby=new-replay]";
        type(form + " input[name=symbol]", "SPX");
        type(form + " input[name=speed]", "20");
        b.script("arguments[0].value = '2019-12-01T00:00'", b.shown(form + " input[name=from]"));
        b.shown(form + " button[type=submit]").click();
        row("Replays, newest first", "SPX");
        b.await(d -> "DONE".equals(findRow("Replays, newest first", "SPX").getAttribute("data-status")));
        b.await(d -> !d.findElement(By.cssSelector("[data-price=SPX]")).getText().equals("$3,210.50"));
        b.screenshot("market-admin");
    }

    @Test
    void aTraderWritesATradeIdeaAnalysesItAndActivatesIt() {
        signUp("ida@example.com", "Ida Ideas");
        String accountPath = openAccount("Ideas");
        b.shown("#nav").findElement(By.linkText("Trade ideas")).click();
        b.awaitHeading("Trade ideas");
        String form = "form[aria-labelledby=new-idea]";
        type(form + " input[name=title]", "Index core");
        b.expectConsoleError("/api/ideas - Failed to load resource: .* 422");
        b.shown(form + " button[type=submit]").click();
        b.await(d -> !d.findElements(By.cssSelector(form + " .field-error")).isEmpty());
        assertThat(b.consoleErrors()).isEmpty();
        type(form + " input[name='legs[0].symbol']", "SPX");
        type(form + " input[name='legs[0].allocationPercent']", "100");
        b.shown(form + " button[type=submit]").click();
        WebElement idea = b.shown("section[data-idea]");
        assertThat(idea.getText()).contains("Index core", "draft", "SPX", "100%");
        b.shown("section[data-idea]").findElement(By.xpath(".//button[text()='Analyse']")).click();
        b.await(d -> d.findElement(By.cssSelector("section[data-idea]")).getText().contains("Estimated returns"));
        b.screenshot("idea-analysed");
        push("SPX", "3000");
        type("form[aria-labelledby=activate-idea] input[name=amount]", "30000");
        b.shown("form[aria-labelledby=activate-idea] button[type=submit]").click();
        b.await(d -> d.findElement(By.cssSelector("section[data-idea]")).getText().contains("active"));
        assertThat(b.shown("section[data-idea]").getText()).contains("filled", "10");
        b.screenshot("idea-active");
        b.open(base + accountPath);
        b.awaitHeading("Ideas");
        row("Each strategy", "SPX");
    }

    @Test
    void aTraderOpensAnAccountTradesAndSeesFillsHoldingsPerStrategyRiskAndNotifications() {
        signUp("tess@example.com", "Tess Trader");
        b.awaitText("No accounts yet");
        b.screenshot("accounts-empty");

        // open a paper account with two strategy books
        type("form[aria-labelledby=new-account] input[name=name]", "Main");
        choose("form[aria-labelledby=new-account] select[name=type]", "MARGIN");
        type("form[aria-labelledby=new-account] input[name=initialCash]", "100000");
        type("form[aria-labelledby=new-account] input[name=strategies]", "alpha, beta");
        b.shown("form[aria-labelledby=new-account] button[type=submit]").click();
        b.awaitHeading("Main");
        String accountPath = b.driver.getCurrentUrl().substring(base.length());
        assertThat(accountPath).matches("/accounts/[0-9a-f-]{36}");
        assertThat(b.shown("[data-stat=equity]").getText()).isEqualTo("$100,000.00");
        assertThat(b.shown("[data-stat=buyingPower]").getText()).isEqualTo("$200,000.00");
        assertThat(b.shown("main").getText()).contains("alpha", "beta", "manual", "No positions.");

        // the ticket: the server's validation at the fields, nothing stored
        b.shown("main nav.tabs").findElement(By.linkText("Orders and fills")).click();
        b.awaitHeading("Orders and fills");
        b.expectConsoleError("/orders - Failed to load resource: .* 422");
        type(TICKET + " input[name=symbol]", "AAPL");
        choose(TICKET + " select[name=type]", "STOP_LIMIT");
        assertThat(b.shown(TICKET + " input[name=stopPrice]").isEnabled()).isTrue();
        type(TICKET + " input[name=quantity]", "-3");
        b.shown(TICKET + " button[type=submit]").click();
        assertThat(fieldError(TICKET, "quantity")).isNotBlank();
        assertThat(fieldError(TICKET, "limitPrice")).isNotBlank();
        assertThat(fieldError(TICKET, "stopPrice")).isNotBlank();
        assertThat(b.driver.switchTo().activeElement().getAttribute("aria-invalid")).isEqualTo("true");
        b.screenshot("order-ticket-field-errors");
        assertThat(b.consoleErrors()).isEmpty();
        assertThat(b.shown("main").getText()).contains("No orders match.");

        // alpha buys at 100; the price rises to 110; beta buys there; the price falls to 105
        push("AAPL", "100");
        assertThat(order("BUY", "MARKET", "10", null, null, "DAY", "alpha", "filled")).contains("$100.00");
        row("Fills, newest first", "AAPL", "alpha", "$100.00");
        push("AAPL", "110");
        order("BUY", "MARKET", "10", null, null, "GTC", "beta", "filled");
        push("AAPL", "105");
        row("Fills, newest first", "AAPL", "beta", "$110.00");
        row("Orders, newest first", "AAPL", "beta", "filled");

        // a limit order rests, then fills live when the price reaches it
        order("BUY", "LIMIT", "5", "100", null, "GTC", "manual", "placed");
        WebElement resting = row("Orders, newest first", "AAPL", "manual", "placed");
        assertThat(resting.getText()).contains("Cancel");
        b.screenshot("orders-working");
        push("AAPL", "99");
        row("Orders, newest first", "AAPL", "manual", "filled");
        row("Fills, newest first", "AAPL", "manual", "$99.00");

        // a stop order and a cancel
        order("SELL", "STOP_LOSS", "2", null, "80", "GTC", "alpha", "placed");
        b.shown("button[aria-label='Cancel the order for 2 AAPL']").click();
        row("Orders, newest first", "AAPL", "alpha", "cancelled");

        // filters: only alpha's fills; only cancelled orders
        choose("#fills-filter select[name=strategy]", "alpha");
        b.await(d -> d.findElements(By.xpath("//main//table[caption[contains(., 'Fills')]]//tbody/tr")).size() == 1);
        choose("#orders-filter select[name=status]", "CANCELLED");
        b.await(d -> d.findElements(By.xpath("//main//table[caption[contains(., 'Orders')]]//tbody/tr")).size() == 1);
        b.screenshot("orders-and-fills");
        choose("#orders-filter select[name=status]", "");
        choose("#fills-filter select[name=strategy]", "");

        // holdings: alpha up, beta down on AAPL, and their sum
        push("AAPL", "105");
        b.open(base + accountPath);
        b.awaitHeading("Main");
        WebElement alpha = row("Each strategy", "alpha", "AAPL");
        WebElement beta = row("Each strategy", "beta", "AAPL");
        assertThat(alpha.getText()).contains("long", "10", "$100.00", "$105.00", "+$50.00");
        assertThat(alpha.findElement(By.cssSelector("td[data-label='Unrealized P&L'] span")).getAttribute("class")).isEqualTo("up");
        assertThat(beta.getText()).contains("long", "10", "$110.00", "−$50.00");
        assertThat(beta.findElement(By.cssSelector("td[data-label='Unrealized P&L'] span")).getAttribute("class")).isEqualTo("down");
        WebElement sum = row("Each symbol summed", "AAPL");
        assertThat(sum.getText()).contains("25", "alpha", "beta", "manual");
        assertThat(b.shown("td[data-label='Market value']").getCssValue("text-align")).isEqualTo("right");
        b.screenshot("account-holdings");

        // the holdings follow a price live
        push("AAPL", "106");
        b.await(d -> row("Each strategy", "alpha", "AAPL").getText().contains("+$60.00"));

        // the account's equity curve, and a strategy's performance with its fills marked on the price chart
        b.shown("#performance");
        WebElement alphaLine = row("Performance of each strategy", "alpha");
        alphaLine.findElement(By.linkText("alpha")).click();
        b.awaitHeading("alpha: performance");
        assertThat(b.shown("[data-symbol=AAPL].chart").getAttribute("aria-label")).contains("Fills of AAPL", "1 buys");
        assertThat(b.shown("tr[data-metric=totalReturn]").getText()).contains("Total return");
        row("fills, newest first", "AAPL", "$100.00");
        b.screenshot("strategy-performance");
        b.driver.navigate().back();
        b.awaitHeading("Main");

        // notifications: the count in the navigation, then marked read
        WebElement count = b.await(d -> d.findElements(By.cssSelector("#nav .count")).stream().findFirst().orElse(null));
        assertThat(Integer.parseInt(count.getAttribute("data-unread"))).isPositive();
        b.shown("#nav").findElement(By.partialLinkText("Notifications")).click();
        b.awaitHeading("Notifications");
        WebElement first = b.await(d -> d.findElements(By.cssSelector("li.notification.unread")).stream().findFirst().orElse(null));
        assertThat(first.getText()).containsIgnoringCase("fill");
        b.screenshot("notifications");
        int before = Integer.parseInt(b.shown("#nav .count").getAttribute("data-unread"));
        first.findElement(By.cssSelector("button")).click();
        b.await(d -> {
            List<WebElement> badge = d.findElements(By.cssSelector("#nav .count"));
            return badge.isEmpty() || Integer.parseInt(badge.get(0).getAttribute("data-unread")) < before;
        });
        b.shown("main").findElement(By.xpath(".//button[text()='Mark all read']")).click();
        b.await(d -> d.findElements(By.cssSelector("#nav .count")).isEmpty() && d.findElements(By.cssSelector("li.notification.unread")).isEmpty());

        // risk: a rule, an order it refuses, the rule violated, the event listed, a notification live
        b.open(base + accountPath + "/risk");
        b.awaitHeading("Risk rules");
        b.expectConsoleError("/risk-rules - Failed to load resource: .* 422");
        b.shown("form[aria-labelledby=new-rule] button[type=submit]").click();
        assertThat(fieldError("form[aria-labelledby=new-rule]", "value")).isNotBlank();
        assertThat(b.consoleErrors()).isEmpty();
        choose("form[aria-labelledby=new-rule] select[name=type]", "MAX_POSITION_SIZE");
        type("form[aria-labelledby=new-rule] input[name=value]", "30");
        b.shown("form[aria-labelledby=new-rule] button[type=submit]").click();
        WebElement rule = row("Risk rules", "Largest position", "whole account");
        assertThat(rule.getText()).contains("30", "within");
        b.open(base + accountPath + "/orders");
        b.awaitHeading("Orders and fills");
        assertThat(order("BUY", "MARKET", "50", null, null, "DAY", "alpha", "rejected")).contains("rejected");
        b.await(d -> d.findElements(By.cssSelector("#nav .count")).size() == 1);
        b.open(base + accountPath + "/risk");
        b.awaitHeading("Risk rules");
        rule = row("Risk rules", "Largest position");
        assertThat(rule.getAttribute("data-violated")).isEqualTo("true");
        assertThat(rule.getText()).contains("violated");
        row("Risk events", "Largest position");
        b.screenshot("risk-rules");

        // the accounts overview and the market page, with a price moving live
        b.shown("#nav").findElement(By.linkText("Accounts")).click();
        b.awaitHeading("Accounts");
        WebElement main = row("Active accounts", "Main");
        assertThat(main.getText()).contains("margin", "$");
        b.screenshot("accounts");
        b.shown("#nav").findElement(By.linkText("Market")).click();
        b.awaitHeading("Market");
        assertThat(b.shown("[data-price=AAPL]").getText()).isEqualTo("$106.00");
        push("AAPL", "107.25");
        b.await(d -> d.findElement(By.cssSelector("[data-price=AAPL]")).getText().equals("$107.25"));
        b.screenshot("market");

        // every page at phone width: nothing scrolls sideways
        b.viewport(390, 844);
        String[][] pages = {{"/accounts", "Accounts"}, {accountPath, "Main"}, {"/backtests", "Backtests"}, {"/ideas", "Trade ideas"}, {accountPath + "/orders", "Orders and fills"},
            {accountPath + "/risk", "Risk rules"}, {"/market", "Market"}, {"/notifications", "Notifications"}};
        for (String[] page : pages) {
            b.open(base + page[0]);
            b.awaitHeading(page[1]);
            b.await(d -> !d.findElements(By.cssSelector("main table, main .notifications, main p.muted")).isEmpty());
            assertNoSidewaysScroll(page[0]);
            b.screenshot("phone" + page[0].replaceAll("/accounts/[0-9a-f-]{36}", "/account").replace('/', '-'));
        }
    }
}
