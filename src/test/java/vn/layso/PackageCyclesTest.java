package vn.layso;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The office knows no feature, and no packages depend on each other in a circle: read from the main
 * sources' references to {@code vn.layso.*} types (imports and fully qualified names, comments left out),
 * with Tarjan's strongly connected components over the package graph.
 */
class PackageCyclesTest {

  private static final Path SOURCES = Path.of("src/main/java");
  private static final Pattern PACKAGE = Pattern.compile("^package ([\\w.]+);", Pattern.MULTILINE);
  /** A reference to a type: the lower-case segments are its package. */
  private static final Pattern TYPE = Pattern.compile("\\bvn\\.layso\\.((?:[a-z_][a-z0-9_]*\\.)*)[A-Z]");
  private static final Pattern COMMENT = Pattern.compile("/\\*.*?\\*/|//[^\\n]*", Pattern.DOTALL);

  /** Package to the packages it uses (itself left out). */
  private static final Map<String, Set<String>> PACKAGES = new TreeMap<>();

  @BeforeAll
  static void readSources() throws IOException {
    try (Stream<Path> files = Files.walk(SOURCES)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        String code = COMMENT.matcher(Files.readString(file)).replaceAll("");
        Matcher declared = PACKAGE.matcher(code);
        assertThat(declared.find()).as(file.toString()).isTrue();
        String own = declared.group(1);
        Set<String> uses = PACKAGES.computeIfAbsent(own, p -> new TreeSet<>());
        Matcher type = TYPE.matcher(code);
        while (type.find()) {
          String used = ("vn.layso." + type.group(1)).replaceAll("\\.$", "");
          if (!used.equals(own)) {
            uses.add(used);
            PACKAGES.computeIfAbsent(used, p -> new TreeSet<>());
          }
        }
      }
    }
    assertThat(PACKAGES).containsKeys("vn.layso.office", "vn.layso.office.domain", "vn.layso.booking");
  }

  private static String feature(String pkg) {
    return pkg.split("\\.")[2];
  }

  /**
   * The office is what every feature builds on, so it uses none of them: only itself, common, and the
   * API's shapes (api: how a route table and its records are written), which use nothing but common
   * themselves, so that allowing them opens no way to a feature.
   */
  @Test
  void theOfficeUsesNoFeatureOnlyItselfCommonAndTheApisShapes() {
    PACKAGES.forEach((pkg, uses) -> {
      if (feature(pkg).equals("office")) {
        assertThat(uses).as(pkg).allMatch(u -> feature(u).equals("office") || feature(u).equals("common")
            || u.equals("vn.layso.api"));
      }
      if (pkg.equals("vn.layso.api")) {
        assertThat(uses).as(pkg).allMatch(u -> feature(u).equals("common"));
      }
    });
    assertThat(PACKAGES.get("vn.layso.office.domain")).as("a pure domain").isEmpty();
  }

  @Test
  void noPackageCycle() {
    assertThat(cycles(PACKAGES)).isEmpty();
  }

  /**
   * Feature by feature (a package and its sub-packages as one), the settings no longer tie office,
   * booking, queue, announce and rating (and through them auth, live, web) into one circle, and
   * queue no longer takes its wait estimate from predict (Estimate is queue's): no feature cycle.
   */
  @Test
  void noFeatureCycle() {
    Map<String, Set<String>> features = new TreeMap<>();
    PACKAGES.forEach((pkg, uses) -> {
      Set<String> to = features.computeIfAbsent(feature(pkg), f -> new TreeSet<>());
      uses.stream().map(PackageCyclesTest::feature).filter(f -> !f.equals(feature(pkg))).forEach(to::add);
    });
    List<Set<String>> cycles = cycles(features);
    for (String untangled : List.of("office", "booking", "announce", "rating", "auth", "live", "web")) {
      assertThat(cycles).as(untangled + " in " + cycles).noneMatch(c -> c.contains(untangled));
    }
    assertThat(cycles).as("feature cycles").isEmpty();
  }

  @Test
  void theCycleFinderFindsACycle() {
    Map<String, Set<String>> graph = Map.of("a", Set.of("b"), "b", Set.of("c"), "c", Set.of("a"), "d", Set.of("a"));
    assertThat(cycles(graph)).containsExactly(Set.of("a", "b", "c"));
  }

  /** The strongly connected components of more than one node (Tarjan, iterative). */
  static List<Set<String>> cycles(Map<String, Set<String>> graph) {
    Map<String, Integer> index = new HashMap<>();
    Map<String, Integer> low = new HashMap<>();
    Deque<String> stack = new ArrayDeque<>();
    Set<String> onStack = new HashSet<>();
    List<Set<String>> found = new ArrayList<>();
    for (String root : new TreeSet<>(graph.keySet())) {
      if (index.containsKey(root)) {
        continue;
      }
      Deque<Map.Entry<String, java.util.Iterator<String>>> work = new ArrayDeque<>();
      visit(root, graph, index, low, stack, onStack, work);
      while (!work.isEmpty()) {
        var top = work.peek();
        String node = top.getKey();
        if (top.getValue().hasNext()) {
          String next = top.getValue().next();
          if (!index.containsKey(next)) {
            visit(next, graph, index, low, stack, onStack, work);
          } else if (onStack.contains(next)) {
            low.put(node, Math.min(low.get(node), index.get(next)));
          }
          continue;
        }
        work.pop();
        if (!work.isEmpty()) {
          String parent = work.peek().getKey();
          low.put(parent, Math.min(low.get(parent), low.get(node)));
        }
        if (low.get(node).equals(index.get(node))) {
          Set<String> component = new TreeSet<>();
          String member;
          do {
            member = stack.pop();
            onStack.remove(member);
            component.add(member);
          } while (!member.equals(node));
          if (component.size() > 1) {
            found.add(component);
          }
        }
      }
    }
    return found;
  }

  private static void visit(String node, Map<String, Set<String>> graph, Map<String, Integer> index,
                            Map<String, Integer> low, Deque<String> stack, Set<String> onStack,
                            Deque<Map.Entry<String, java.util.Iterator<String>>> work) {
    index.put(node, index.size());
    low.put(node, index.get(node));
    stack.push(node);
    onStack.add(node);
    work.push(Map.entry(node, new TreeSet<>(graph.getOrDefault(node, Set.of())).iterator()));
  }
}
