package vn.layso.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The jar of another revision (BENCH_BASELINE), built from its sources in the work folder. */
final class Baseline {

  private Baseline() {
  }

  /** {@code git archive} of the revision, {@code mvn -B -q -DskipTests package}; the shaded jar. */
  static Path build(Path root, String revision, Path work) throws IOException, InterruptedException {
    Path src = work.resolve("baseline-src");
    Files.createDirectories(src);
    Path tar = work.resolve("baseline.tar");
    Shell.logged(root, work.resolve("baseline-archive.log"), "git", "archive", "--format=tar", "-o", tar.toString(),
        revision);
    Shell.logged(src, work.resolve("baseline-archive.log"), "tar", "-xf", tar.toString());
    Shell.logged(src, work.resolve("baseline-build.log"), "mvn", "-B", "-q", "-DskipTests", "package");
    Path jar = src.resolve("target/layso-0.1.0-SNAPSHOT.jar");
    if (!Files.exists(jar)) {
      throw new IOException("the baseline built no " + jar);
    }
    return jar;
  }
}
