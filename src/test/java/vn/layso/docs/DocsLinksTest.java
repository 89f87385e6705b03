package vn.layso.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every relative link in README.md and docs/*.md leads somewhere: the file (or folder) exists, and
 * an anchor ({@code file.md#some-heading}, or {@code #some-heading} in the same file) names one of
 * that Markdown file's headings as GitHub spells its anchors (lower case, punctuation dropped,
 * spaces to hyphens, a repeated heading suffixed -1, -2, ...). Links inside code are not links.
 */
class DocsLinksTest {

  private static final Pattern LINK = Pattern.compile("!?\\[(?:[^\\]\\[]|\\[[^\\]]*\\])*\\]\\(([^)\\s]+)(?:\\s+\"[^\"]*\")?\\)");
  private static final Pattern HEADING = Pattern.compile("^(#{1,6})\\s+(.*?)\\s*#*\\s*$");
  private static final Pattern HTML_ANCHOR = Pattern.compile("<a\\s+(?:id|name)=\"([^\"]+)\"");
  private static final Pattern CODE_SPAN = Pattern.compile("`[^`]*`");

  /**
   * Written by other parts of issue 16 on their own branches (the ticket storage, the live stream):
   * a link to them is accepted while the file is not there yet, and checked like any once it is.
   */
  private static final Set<Path> WRITTEN_IN_PARALLEL =
      Set.of(Path.of("docs", "storage.md").toAbsolutePath(), Path.of("docs", "live.md").toAbsolutePath());

  private final Map<Path, Set<String>> anchors = new HashMap<>();

  @Test
  void everyRelativeLinkInTheReadmeAndTheDocsResolves() {
    List<Path> files = new ArrayList<>();
    files.add(Path.of("README.md"));
    try (Stream<Path> docs = Files.list(Path.of("docs"))) {
      docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(files::add);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<String> broken = new ArrayList<>();
    int links = 0;
    for (Path file : files) {
      for (String target : links(file)) {
        links++;
        String problem = problem(file, target);
        if (problem != null) {
          broken.add(file + ": (" + target + ") " + problem);
        }
      }
    }
    assertThat(links).as("links found").isGreaterThan(50);
    assertThat(broken).as("broken relative links").isEmpty();
  }

  @Test
  void anchorsAreSpeltAsGitHubSpellsThem() {
    assertThat(anchor("Counter console (`/counter`)")).isEqualTo("counter-console-counter");
    assertThat(anchor("Đánh giá hài lòng / Satisfaction ratings")).isEqualTo("đánh-giá-hài-lòng--satisfaction-ratings");
    assertThat(anchor("Changing an office's settings")).isEqualTo("changing-an-offices-settings");
    assertThat(anchor("A citizen's ticket page (`/t/<ticket id>`)")).isEqualTo("a-citizens-ticket-page-tticket-id");
    assertThat(anchor("Phone verification (`booking.verifyPhone`)")).isEqualTo("phone-verification-bookingverifyphone");
    assertThat(anchor("[The pages](pages.md) in short")).isEqualTo("the-pages-in-short");
  }

  /** What is wrong with the link, or null when it resolves. */
  private String problem(Path file, String target) {
    if (target.matches("(?i)[a-z][a-z0-9+.-]*:.*") || target.startsWith("//")) {
      return null; // http:, https:, mailto:: not relative
    }
    int hash = target.indexOf('#');
    String path = hash < 0 ? target : target.substring(0, hash);
    String fragment = hash < 0 ? null : target.substring(hash + 1);
    Path resolved = path.isEmpty() ? file : file.toAbsolutePath().getParent().resolve(path).normalize();
    if (!Files.exists(resolved)) {
      return WRITTEN_IN_PARALLEL.contains(resolved.toAbsolutePath()) && fragment == null ? null : "no such file";
    }
    if (fragment == null) {
      return null;
    }
    if (!resolved.toString().endsWith(".md")) {
      return null; // an anchor into a non-Markdown file is the browser's business
    }
    Set<String> known = anchors.computeIfAbsent(resolved.toAbsolutePath().normalize(), DocsLinksTest::anchorsOf);
    String wanted = java.net.URLDecoder.decode(fragment, java.nio.charset.StandardCharsets.UTF_8).toLowerCase(Locale.ROOT);
    return known.contains(wanted) ? null : "no heading with anchor #" + fragment;
  }

  /** The link targets of a Markdown file, outside fenced code blocks and code spans. */
  private static List<String> links(Path file) {
    List<String> targets = new ArrayList<>();
    boolean fenced = false;
    for (String line : lines(file)) {
      if (line.strip().startsWith("```")) {
        fenced = !fenced;
        continue;
      }
      if (fenced) {
        continue;
      }
      Matcher m = LINK.matcher(CODE_SPAN.matcher(line).replaceAll("``"));
      while (m.find()) {
        targets.add(m.group(1));
      }
    }
    return targets;
  }

  private static Set<String> anchorsOf(Path file) {
    Set<String> found = new HashSet<>();
    Map<String, Integer> seen = new HashMap<>();
    boolean fenced = false;
    for (String line : lines(file)) {
      if (line.strip().startsWith("```")) {
        fenced = !fenced;
        continue;
      }
      if (fenced) {
        continue;
      }
      Matcher html = HTML_ANCHOR.matcher(line);
      while (html.find()) {
        found.add(html.group(1).toLowerCase(Locale.ROOT));
      }
      Matcher h = HEADING.matcher(line);
      if (h.matches()) {
        String base = anchor(h.group(2));
        int n = seen.merge(base, 1, Integer::sum) - 1;
        found.add(n == 0 ? base : base + "-" + n);
      }
    }
    return found;
  }

  /** GitHub's anchor of a heading's text. */
  static String anchor(String heading) {
    String text = heading.replaceAll("!?\\[([^\\]]*)\\]\\([^)]*\\)", "$1").replace("`", "");
    StringBuilder out = new StringBuilder();
    for (char c : text.toLowerCase(Locale.ROOT).toCharArray()) {
      if (Character.isLetterOrDigit(c) || c == '-' || c == '_') {
        out.append(c);
      } else if (c == ' ') {
        out.append('-');
      } else if (Character.getType(c) == Character.NON_SPACING_MARK) {
        out.append(c);
      }
    }
    return out.toString();
  }

  private static List<String> lines(Path file) {
    try {
      return Files.readAllLines(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
