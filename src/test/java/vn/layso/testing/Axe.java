package vn.layso.testing;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.openqa.selenium.JavascriptExecutor;

/**
 * axe-core (vendored in src/test/resources/axe, MPL-2.0, with its licence) run in the page a
 * {@link Browser} shows: the WCAG 2.0/2.1 A and AA rules. Use it after the page shows the state to
 * check, e.g. {@code Axe.assertNoSeriousViolations(browser, "kiosk start")}; it fails with every
 * serious or critical violation listed (rule, impact, the elements' selectors, what to fix).
 */
public final class Axe {

  /** The rule tags run: WCAG 2.0 and 2.1, levels A and AA. */
  public static final List<String> TAGS = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");
  private static final List<String> SERIOUS = List.of("serious", "critical");
  private static final String SOURCE = load();

  private Axe() {
  }

  /** One rule that failed: its id, impact, help text and link, and the failing elements' CSS selectors. */
  public record Violation(String rule, String impact, String help, String helpUrl, List<String> targets,
                          List<String> summaries) {

    @Override
    public String toString() {
      StringBuilder out = new StringBuilder("  ").append(rule).append(" [").append(impact).append("] ")
          .append(help).append(" (").append(helpUrl).append(")");
      for (int i = 0; i < targets.size(); i++) {
        out.append("\n    - ").append(targets.get(i));
        String summary = i < summaries.size() ? summaries.get(i) : "";
        if (!summary.isBlank()) {
          out.append("\n      ").append(summary.replace("\n", "\n      "));
        }
      }
      return out.toString();
    }
  }

  /** The page's violations of {@link #TAGS} with impact serious or critical. */
  public static List<Violation> seriousViolations(Browser browser) {
    JavascriptExecutor js = (JavascriptExecutor) browser.driver();
    if (!Boolean.TRUE.equals(js.executeScript("return typeof window.axe === 'object'"))) {
      js.executeScript(SOURCE + "\n;window.axe = axe;");
    }
    browser.driver().manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
    Object raw = js.executeAsyncScript(
        "const done = arguments[arguments.length - 1];"
            + "window.axe.run(document, {runOnly: {type: 'tag', values: arguments[0]}, resultTypes: ['violations']})"
            + ".then(r => done(JSON.stringify(r.violations)), e => done('error: ' + e));", TAGS);
    String text = String.valueOf(raw);
    if (text.startsWith("error: ")) {
      throw new IllegalStateException("axe-core failed: " + text);
    }
    return new JsonArray(text).stream().map(JsonObject.class::cast)
        .filter(v -> SERIOUS.contains(v.getString("impact")))
        .map(v -> {
          List<JsonObject> nodes = v.getJsonArray("nodes").stream().map(JsonObject.class::cast).toList();
          return new Violation(v.getString("id"), v.getString("impact"), v.getString("help"), v.getString("helpUrl"),
              nodes.stream().map(n -> n.getJsonArray("target").encode()).toList(),
              nodes.stream().map(n -> n.getString("failureSummary", "")).toList());
        }).toList();
  }

  /** Fails with a readable list when the page, in the state it shows now, has serious or critical violations. */
  public static void assertNoSeriousViolations(Browser browser, String page) {
    List<Violation> found = seriousViolations(browser);
    if (!found.isEmpty()) {
      throw new AssertionError("axe-core: " + found.size() + " serious or critical WCAG 2.1 AA violation(s) on "
          + page + " (" + browser.driver().getCurrentUrl() + "):\n"
          + found.stream().map(Violation::toString).collect(Collectors.joining("\n")));
    }
  }

  private static String load() {
    try (InputStream in = Axe.class.getResourceAsStream("/axe/axe.min.js")) {
      if (in == null) {
        throw new IllegalStateException("axe/axe.min.js is missing from the test resources");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
