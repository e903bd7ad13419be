package io.tradebook.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradebook.store.TestDatabases;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * The dashboard's modules, run in Chromium: exact money and decimal formatting, times in the
 * browser's zone, problem+json as ApiProblem, the live-update client against a scripted stream
 * (reconnects with Last-Event-ID, resync), and the uPlot charts with our candlestick plugin on real
 * bundled bars.
 */
class DashboardModulesBrowserTest {
    private static TestServer s;
    private static StubEventRoutes events;
    private static Browser b;
    private static String base;

    @BeforeAll
    static void start() {
        events = new StubEventRoutes();
        s = new TestServer(TestDatabases.h2(), events);
        base = s.server.uri().toString();
        b = Browser.start();
        b.open(base + "/sign-in");
        b.awaitHeading("Sign in");
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

    @AfterEach
    void theConsoleHasNoErrors() {
        assertThat(b.consoleErrors()).as("browser console errors").isEmpty();
    }

    private Object run(String body, Object... args) {
        Object result = b.run(body, args);
        if (result instanceof Map<?, ?> map && map.containsKey("error")) {
            throw new AssertionError("the script failed: " + map.get("error"));
        }
        return result;
    }

    @Test
    void moneyAndDecimalsAreFormattedFromTheExactStringsEveryDigitKept() {
        Object out = run("""
                const f = await import('/app/format.js');
                const refused = v => { try { f.formatDecimal(v); return 'accepted'; } catch (e) { return 'refused'; } };
                return [
                  f.formatMoney('1234567.5', 'USD', {locale: 'en-US'}),
                  f.formatMoney('-0.5', 'EUR', {locale: 'de-DE'}),
                  f.formatMoney('1000', 'JPY', {locale: 'en-US'}),
                  f.formatMoney('95160.3300', 'CHF', {locale: 'de-CH'}),
                  f.formatMoney('12.5', 'USDT', {locale: 'en-US'}),
                  f.formatMoney('10.43', 'USD', {locale: 'en-US', signed: true}),
                  f.formatDecimal('12345678901234567890.123456789012345678', {locale: 'en-US'}),
                  f.formatDecimal('1234567.891', {locale: 'en-IN'}),
                  f.formatDecimal('0.000000012345678901', {locale: 'en-US'}),
                  f.formatDecimal('-0.00', {locale: 'en-US', minFractionDigits: 2}),
                  f.formatDecimal('1234', {locale: 'es-ES'}),
                  f.formatDecimal('555.00', {locale: 'en-US'}), f.formatMoney('0.125', 'USD', {locale: 'en-US'}),
                  f.direction('-0.01'), f.direction('0.000'), f.direction('3'),
                  refused('1e5'), refused('12,5'), refused(1.5), refused(''), refused(null), refused(42)
                ];""");
        assertThat(out).isEqualTo(List.of("$1,234,567.50", "\u22120,50\u00a0€", "¥1,000", "CHF\u00a095'160.33", "12.50 USDT", "+$10.43",
                "12,345,678,901,234,567,890.123456789012345678", "12,34,567.891", "0.000000012345678901", "0.00", "1234", "555.00", "$0.125",
                "down", "", "up", "refused", "refused", "refused", "refused", "refused", "accepted"));
    }

    @Test
    void timesAreShownInTheBrowsersTimeZone() {
        Object out = run("""
                const f = await import('/app/format.js');
                return [f.timeZone(), f.formatTime('2026-03-02T14:30:00Z'), f.formatTime('2026-07-01T12:00:00Z', {locale: 'en-GB', timeZone: 'Europe/Zurich'})];""");
        assertThat(out).isEqualTo(List.of(Browser.TIME_ZONE, "Mar 2, 2026, 11:30 PM GMT+9", "1 Jul 2026, 14:00 CEST"));
    }

    @Test
    void problemsBecomeApiProblemsWithTheirFieldErrors() {
        b.expectConsoleError("/api/auth/register - Failed to load resource: .* 422");
        b.expectConsoleError("/api/keys - Failed to load resource: .* 401");
        @SuppressWarnings("unchecked")
        Map<String, Object> out = (Map<String, Object>) run("""
                const api = await import('/app/api.js');
                const result = {};
                try { await api.post('/api/auth/register', {email: 'x', password: 'y', fullName: ''}, {auth: false}); }
                catch (p) { result.validation = {name: p.name, status: p.status, type: p.type, fields: p.fieldErrors.map(e => e.field)}; }
                let signedOut = 0;
                api.onSignedOut(() => signedOut++);
                localStorage.setItem('tradebook.session', JSON.stringify({userId: 'u', accessToken: 'bad', refreshToken: 'tbr_bad', expiresAt: Date.now() + 600000}));
                try { await api.get('/api/keys'); } catch (p) { result.unauthenticated = {status: p.status, type: p.type, signedOut, session: localStorage.getItem('tradebook.session')}; }
                return result;""");
        b.expectConsoleError("/api/auth/refresh - Failed to load resource: .* 401");
        @SuppressWarnings("unchecked")
        Map<String, Object> validation = (Map<String, Object>) out.get("validation");
        assertThat(validation).containsEntry("name", "ApiProblem").containsEntry("status", 422L).containsEntry("type", "validation");
        assertThat((List<String>) validation.get("fields")).containsOnly("email", "fullName", "password");
        Map<String, Object> unauthenticated = new java.util.HashMap<>(Map.of("status", 401L, "type", "unauthenticated", "signedOut", 1L));
        unauthenticated.put("session", null);
        assertThat(out.get("unauthenticated")).isEqualTo(unauthenticated);
    }

    @Test
    void theLiveClientReconnectsWithTheLastEventIdAndResyncsWhenTheServerSaysSo() {
        TestServer.Session session = s.signUp("live@example.com");
        b.script("localStorage.setItem('tradebook.session', JSON.stringify({userId: arguments[0], accessToken: arguments[1], "
                + "refreshToken: arguments[2], expiresAt: Date.now() + 600000}))", session.userId(), session.accessToken(), session.refreshToken());
        b.expectConsoleError("test-events");
        @SuppressWarnings("unchecked")
        Map<String, Object> out = (Map<String, Object>) run("""
                const { LiveStream } = await import('/app/live.js');
                const log = [];
                const stream = new LiveStream({ticketPath: '/api/test-events/ticket', streamPath: '/api/test-events', minDelay: 50, maxDelay: 200});
                const done = new Promise(resolve => {
                  stream.on('order', d => log.push(`order ${d.id} ${d.status}`));
                  stream.on('fill', d => log.push(`fill ${d.price}`));
                  stream.on('price', d => log.push(`price ${d.symbol} ${d.price}`));
                  stream.on('resync', () => log.push('resync'));
                  stream.on('notification', d => { log.push(`notification ${d.title}`); resolve(); });
                });
                stream.start();
                const timeout = new Promise((_, reject) => setTimeout(() => reject(new Error('timed out after ' + log.join(' | '))), 15000));
                await Promise.race([done, timeout]);
                stream.stop();
                return {log, lastEventId: stream.lastEventId, state: stream.state};""");
        assertThat(out.get("log")).isEqualTo(List.of("order o-1 NEW", "fill 187.25", "price AAPL 187.30", "order o-1 FILLED", "resync",
                "notification Order filled"));
        assertThat(out.get("lastEventId")).isEqualTo("11");
        assertThat(out.get("state")).isEqualTo("stopped");
        assertThat(events.connections()).containsSubsequence("valid header=- query=-", "used header=3 query=-", "valid header=- query=3",
                "used header=4 query=3", "valid header=- query=4", "used header=10 query=4", "valid header=- query=10");
    }

    @Test
    void chartsDrawCandlesticksInTheirColoursAndKeepExactPricesInTheLegend() throws IOException {
        List<Map<String, String>> bars = aaplBars(60);
        b.script("document.title = 'Charts'; document.querySelector('main').replaceChildren();");
        @SuppressWarnings("unchecked")
        Map<String, Object> out = (Map<String, Object>) run("""
                const bars = arguments[0];
                const charts = await import('/app/charts.js');
                const main = document.querySelector('main');
                const box = (title) => { const s = document.createElement('section'); const h = document.createElement('h2'); h.textContent = title;
                  const c = document.createElement('div'); s.append(h, c); main.append(s); return c; };
                const candles = charts.candlestickChart(box('AAPL, daily, 2013'), {bars, symbol: 'AAPL'});
                let equity = 100000; const points = bars.map((bar, i) => ({time: bar.time, value: (100000 + i * 125.5).toFixed(2)}));
                charts.lineChart(box('Equity'), {series: [{label: 'Equity', points}], currency: 'USD'});
                let peak = -Infinity; const dd = bars.map(bar => { const c = Number(bar.close); peak = Math.max(peak, c); return {time: bar.time, value: c / peak - 1}; });
                charts.drawdownChart(box('Drawdown'), {points: dd});
                await new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)));
                const u = candles.chart;
                const pixel = i => { const mid = (Number(bars[i].open) + Number(bars[i].close)) / 2;
                  const x = Math.round(u.valToPos(u.data[0][i], 'x', true)), y = Math.round(u.valToPos(mid, 'y', true));
                  return Array.from(u.ctx.getImageData(x, y, 1, 1).data.slice(0, 3)); };
                const upIndex = bars.findIndex(bar => Number(bar.close) - Number(bar.open) > 3);
                const downIndex = bars.findIndex(bar => Number(bar.open) - Number(bar.close) > 3);
                u.setCursor({left: u.valToPos(u.data[0][downIndex], 'x'), top: 10});
                const legend = u.root.querySelector('.u-legend').textContent;
                return {up: pixel(upIndex), down: pixel(downIndex), downClose: bars[downIndex].close, legend,
                        label: u.root.parentElement.getAttribute('aria-label') || candles.chart.root.closest('[role=img]').getAttribute('aria-label')};""",
                bars);
        assertThat(out.get("up")).as("an up candle is green (--up)").isEqualTo(List.of(21L, 128L, 61L));
        assertThat(out.get("down")).as("a down candle is red (--down)").isEqualTo(List.of(185L, 28L, 28L));
        assertThat((String) out.get("legend")).contains((String) out.get("downClose"));
        assertThat((String) out.get("label")).isEqualTo("Candlestick chart of AAPL, 60 bars, last close " + bars.get(59).get("close"));
        assertThat(b.driver.findElements(By.cssSelector("main canvas"))).hasSize(3);
        b.screenshot("charts");
    }

    /** The first {@code count} daily AAPL bars of 2013 bundled in the jar, as the API will send them (decimals as strings). */
    private static List<Map<String, String>> aaplBars(int count) throws IOException {
        List<Map<String, String>> bars = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(DashboardModulesBrowserTest.class
                .getResourceAsStream("/marketdata/AAPL_2013-01-02_2013-12-31_daily.csv"), StandardCharsets.UTF_8))) {
            in.readLine();
            for (String line = in.readLine(); line != null && bars.size() < count; line = in.readLine()) {
                String[] f = line.split(",");
                bars.add(Map.of("time", f[0] + "T21:00:00Z", "open", f[1], "high", f[2], "low", f[3], "close", f[4]));
            }
        }
        return bars;
    }
}
