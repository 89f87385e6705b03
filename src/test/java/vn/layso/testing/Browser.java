package vn.layso.testing;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real headless Chromium (Debian's chromium and chromium-driver) driven through Selenium. Where
 * the browser is missing the test is skipped with a message, except under CI=true, where a missing
 * browser fails the run. Screenshots go to target/screenshots as test artefacts.
 */
public final class Browser implements AutoCloseable {

  public static final Path SCREENSHOTS = Path.of("target", "screenshots");
  private static final String CHROMIUM = env("LAYSO_CHROMIUM", "/usr/bin/chromium");
  private static final String DRIVER = env("LAYSO_CHROMEDRIVER", "/usr/bin/chromedriver");

  private final ChromeDriver driver;
  private final Path profile;

  private Browser(ChromeDriver driver, Path profile) {
    this.driver = driver;
    this.profile = profile;
  }

  /** A browser with a window of the given size (CSS pixels). */
  public static Browser open(int width, int height) {
    requireChromium();
    Path profile;
    try {
      profile = Files.createTempDirectory("layso-chromium");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM);
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-quic", "--no-first-run", "--disable-sync",
        "--disable-dev-shm-usage", "--autoplay-policy=no-user-gesture-required", "--mute-audio",
        "--enable-precise-memory-info", "--js-flags=--expose-gc", "--hide-scrollbars",
        "--user-data-dir=" + profile, "--window-size=" + width + "," + height, "--lang=vi");
    ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(DRIVER))
        .usingAnyFreePort().build();
    ChromeDriver driver = new ChromeDriver(service, options);
    driver.manage().window().setSize(new Dimension(width, height));
    Browser browser = new Browser(driver, profile);
    browser.resizeViewport(width, height);
    return browser;
  }

  /** Skips (or, under CI=true, fails) a test when this machine has no Chromium. */
  public static void requireChromium() {
    boolean present = new File(CHROMIUM).canExecute() && new File(DRIVER).canExecute();
    if (present) {
      return;
    }
    String message = "browser tests need Debian's chromium and chromium-driver (" + CHROMIUM + ", " + DRIVER
        + "): apt-get install -y chromium chromium-driver";
    if ("true".equalsIgnoreCase(System.getenv("CI"))) {
      throw new AssertionError(message + " (CI=true: a missing browser fails the run)");
    }
    Assumptions.abort("skipped: " + message);
  }

  /** Makes the page's viewport exactly width x height, whatever the window decorations take. */
  public void resizeViewport(int width, int height) {
    driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
        Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", false));
  }

  /** Phone-sized viewport with touch, as a citizen's phone in Zalo shows the page. */
  public void emulatePhone(int width, int height) {
    driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
        Map.of("width", width, "height", height, "deviceScaleFactor", 2, "mobile", true));
    driver.executeCdpCommand("Emulation.setTouchEmulationEnabled", Map.of("enabled", true));
  }

  /**
   * Runs the page's clock (Date and Date.now) from {@code instant} onwards, for every page loaded after this call,
   * so a test can pin the browser and the server's clock to the same midday instead of the real time of day
   * (a page that reckons "today" by the browser otherwise fails between midnight and one in the morning).
   */
  public void clockAt(java.time.Instant instant) {
    long offset = instant.toEpochMilli() - System.currentTimeMillis();
    String script = "(() => { const offset = " + offset + "; const RealDate = Date;"
        + " class ShiftedDate extends RealDate {"
        + "  constructor(...args) { if (args.length === 0) { super(RealDate.now() + offset); } else { super(...args); } }"
        + "  static now() { return RealDate.now() + offset; } }"
        + " globalThis.Date = ShiftedDate; })();";
    driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", script));
  }

  public WebDriver driver() {
    return driver;
  }

  public void go(String url) {
    driver.get(url);
  }

  public Object js(String script, Object... args) {
    return ((JavascriptExecutor) driver).executeScript(script, args);
  }

  public WebElement find(String css) {
    return driver.findElement(By.cssSelector(css));
  }

  /** Every element matching css, in document order. */
  public java.util.List<WebElement> findAll(String css) {
    return driver.findElements(By.cssSelector(css));
  }

  /** The visible text of the first element matching css, or "" when there is none. */
  public String text(String css) {
    var found = driver.findElements(By.cssSelector(css));
    return found.isEmpty() ? "" : found.get(0).getText();
  }

  /**
   * Waits until the condition holds (not null, not false), polling every 50 ms. An element the
   * page re-renders between finding and reading it (stale) is simply read again at the next poll.
   */
  public <T> T await(Duration timeout, Function<WebDriver, T> condition) {
    return new WebDriverWait(driver, timeout, Duration.ofMillis(50))
        .ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(condition);
  }

  /** Waits until the element's text contains the expected text. */
  public void awaitText(String css, String expected, Duration timeout) {
    await(timeout, d -> text(css).contains(expected) ? Boolean.TRUE : null);
  }

  /** The JS heap in use after a full garbage collection, in bytes (Chrome DevTools metrics). */
  public long heapUsedAfterGc() {
    driver.executeCdpCommand("HeapProfiler.collectGarbage", Map.of());
    driver.executeCdpCommand("HeapProfiler.collectGarbage", Map.of());
    driver.executeCdpCommand("Performance.enable", Map.of());
    Map<String, Object> result = driver.executeCdpCommand("Performance.getMetrics", Map.of());
    @SuppressWarnings("unchecked")
    var metrics = (java.util.List<Map<String, Object>>) result.get("metrics");
    return metrics.stream().filter(m -> "JSHeapUsedSize".equals(m.get("name")))
        .mapToLong(m -> ((Number) m.get("value")).longValue()).findFirst().orElseThrow();
  }

  /** Saves a PNG of the viewport as target/screenshots/{name}.png and returns its path. */
  public Path screenshot(String name) {
    try {
      Files.createDirectories(SCREENSHOTS);
      Path file = SCREENSHOTS.resolve(name + ".png");
      Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    try {
      driver.quit();
    } finally {
      TempFiles.deleteTree(profile);
    }
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }
}
