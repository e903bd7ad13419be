package io.tradebook.http;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A headless Chromium driven through chromedriver (Debian's {@code chromium} and
 * {@code chromium-driver}, or the binaries named by {@code TRADEBOOK_CHROMIUM} and
 * {@code TRADEBOOK_CHROMEDRIVER}), with a fresh profile, the browser console captured, and
 * screenshots saved under {@code target/screenshots/}. One per test class: starting Chromium takes
 * a second or two. Not thread-safe. Refuses to start, with a message saying how to install them,
 * when the binaries are missing: the browser tests fail rather than skip.
 */
final class Browser implements AutoCloseable {
    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    static final String TIME_ZONE = "Asia/Tokyo";
    private static final Duration WAIT = Duration.ofSeconds(10);

    final ChromeDriver driver;
    private final Path profile;
    private final List<Pattern> expected = new ArrayList<>();

    private Browser(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    /** Starts Chromium at a desktop window size, in the time zone {@link #TIME_ZONE} (so tests see times converted). */
    static Browser start() {
        Path chromium = Path.of(System.getenv().getOrDefault("TRADEBOOK_CHROMIUM", "/usr/bin/chromium"));
        Path chromedriver = Path.of(System.getenv().getOrDefault("TRADEBOOK_CHROMEDRIVER", "/usr/bin/chromedriver"));
        for (Path binary : List.of(chromium, chromedriver)) {
            if (!Files.isExecutable(binary)) {
                throw new AssertionError("The dashboard's browser tests need Chromium and chromedriver, and " + binary + " is missing. "
                        + "Install Debian's packages (apt-get install chromium chromium-driver; scripts/ensure-services.sh does it), "
                        + "or set TRADEBOOK_CHROMIUM and TRADEBOOK_CHROMEDRIVER to their paths.");
            }
        }
        Path profile;
        try {
            profile = Files.createTempDirectory("tradebook-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--user-data-dir=" + profile,
                "--window-size=1280,900", "--lang=en-US", "--disable-dev-shm-usage");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(chromedriver.toFile()).usingAnyFreePort()
                .withEnvironment(Map.of("TZ", TIME_ZONE)).build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.executeCdpCommand("Emulation.setTimezoneOverride", Map.of("timezoneId", TIME_ZONE));
        driver.executeCdpCommand("Emulation.setLocaleOverride", Map.of("locale", "en-US"));
        return new Browser(driver, profile);
    }

    /** Loads {@code url} (a page of the dashboard). */
    void open(String url) {
        driver.get(url);
    }

    /** Waits (polling, up to 10 s) until {@code condition} answers something other than null or false. */
    <T> T await(Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, WAIT).ignoring(StaleElementReferenceException.class).until(condition);
    }

    /** The element found by {@code css}, once it is displayed. */
    WebElement shown(String css) {
        return await(d -> d.findElements(By.cssSelector(css)).stream().filter(WebElement::isDisplayed).findFirst().orElse(null));
    }

    /** Waits until the page's main heading reads {@code text}. */
    void awaitHeading(String text) {
        try {
            await(d -> d.findElements(By.cssSelector("main h1")).stream().anyMatch(h -> h.getText().equals(text)));
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("no heading '" + text + "' at " + driver.getCurrentUrl() + "; the page says: "
                    + driver.findElement(By.tagName("body")).getText() + "; console: " + consoleErrors(), e);
        }
    }

    /** Waits until the main content contains {@code text}. */
    void awaitText(String text) {
        try {
            await(d -> d.findElement(By.tagName("main")).getText().contains(text));
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("no '" + text + "' at " + driver.getCurrentUrl() + "; the page says: "
                    + driver.findElement(By.tagName("main")).getText(), e);
        }
    }

    Object script(String js, Object... args) {
        return driver.executeScript(js, args);
    }

    /** Runs an async script: the last argument is the callback; resolves what the script's promise resolves. */
    Object run(String asyncBody, Object... args) {
        String wrapped = "const done = arguments[arguments.length - 1];"
                + "(async () => {" + asyncBody + "})().then(done, e => done({error: String(e && e.stack || e)}));";
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(20));
        return driver.executeAsyncScript(wrapped, args);
    }

    /** Emulates a phone screen of width × height CSS pixels (a mobile viewport); null for the desktop window. */
    void viewport(Integer width, Integer height) {
        if (width == null) {
            driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        } else {
            driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                    Map.of("width", width, "height", height, "deviceScaleFactor", 2, "mobile", true));
        }
    }

    /** Saves a PNG of the whole page (not only the part in view) as target/screenshots/{name}.png. */
    Path screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path file = SCREENSHOTS.resolve(name + ".png");
            Map<String, Object> metrics = driver.executeCdpCommand("Page.getLayoutMetrics", Map.of());
            @SuppressWarnings("unchecked")
            Map<String, Object> size = (Map<String, Object>) metrics.get("cssContentSize");
            Map<String, Object> clip = Map.of("x", 0, "y", 0, "width", ((Number) size.get("width")).doubleValue(),
                    "height", Math.min(8000, ((Number) size.get("height")).doubleValue()), "scale", 1);
            Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot",
                    Map.of("format", "png", "captureBeyondViewport", true, "clip", clip));
            Files.write(file, java.util.Base64.getDecoder().decode((String) shot.get("data")));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Allows console errors matching {@code regex} until {@link #consoleErrors()} is next read (e.g. the 422 a test provokes). */
    void expectConsoleError(String regex) {
        expected.add(Pattern.compile(regex));
    }

    /** The console's errors since the last call, without those a test said it expects; clears both. */
    List<String> consoleErrors() {
        List<LogEntry> entries = driver.manage().logs().get(LogType.BROWSER).getAll();
        List<String> errors = entries.stream().filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage).filter(m -> expected.stream().noneMatch(p -> p.matcher(m).find())).toList();
        expected.clear();
        return errors;
    }

    /**
     * Clears the site's storage, so the next page starts signed out. From another origin (a file the
     * test opened) it clears the site's storage through DevTools, without loading a page of the
     * dashboard: such a page would start requests with the stored session that the clearing would
     * turn into 401s in the console.
     */
    void forgetSession(String baseUrl) {
        if (!driver.getCurrentUrl().startsWith(baseUrl)) {
            java.net.URI uri = java.net.URI.create(baseUrl);
            driver.executeCdpCommand("Storage.clearDataForOrigin", Map.of("origin", uri.getScheme() + "://" + uri.getAuthority(),
                    "storageTypes", "local_storage"));
            return;
        }
        script("localStorage.clear(); sessionStorage.clear();");
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException ignored) {
                // a temporary profile left behind is harmless
            }
        }
    }
}
