package vn.layso.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArchiveFilesTest {

  private static final LocalDate DAY = LocalDate.of(2026, 11, 23);

  @TempDir
  Path root;

  @Test
  void aCommittedFileHoldsEveryLineGzippedUnderItsOfficeAndDate() throws IOException {
    ArchiveFiles files = new ArchiveFiles(root);
    ArchiveFiles.Writer writer = files.open("demo", DAY);
    writer.write(List.of("{\"n\":1}", "{\"n\":2}"));
    writer.write(List.of("{\"tên\":\"Đất đai\"}"));
    Path written = writer.commit();
    assertThat(written).isEqualTo(root.resolve("demo").resolve("2026-11-23.jsonl.gz"));
    assertThat(read(written)).isEqualTo("{\"n\":1}\n{\"n\":2}\n{\"tên\":\"Đất đai\"}\n");
    assertThat(names(root.resolve("demo"))).containsExactly("2026-11-23.jsonl.gz");
  }

  @Test
  void untilItIsCommittedThereIsNoFileAndAnAbortLeavesNothing() throws IOException {
    ArchiveFiles files = new ArchiveFiles(root);
    ArchiveFiles.Writer writer = files.open("demo", DAY);
    writer.write(List.of("{\"n\":1}"));
    assertThat(files.path("demo", DAY)).doesNotExist();
    writer.abort();
    assertThat(names(root.resolve("demo"))).isEmpty();
  }

  @Test
  void aNewAttemptRemovesWhatAnInterruptedOneLeftAndReplacesTheFileWhole() throws IOException {
    ArchiveFiles files = new ArchiveFiles(root);
    ArchiveFiles.Writer first = files.open("demo", DAY);
    first.write(List.of("{\"n\":1}"));
    first.commit();
    ArchiveFiles.Writer interrupted = files.open("demo", DAY);
    interrupted.write(List.of("{\"half\":true}"));
    assertThat(names(root.resolve("demo"))).hasSize(2);

    ArchiveFiles.Writer retry = files.open("demo", DAY);
    assertThat(names(root.resolve("demo"))).hasSize(2).contains("2026-11-23.jsonl.gz");
    assertThat(read(files.path("demo", DAY))).isEqualTo("{\"n\":1}\n");
    retry.write(List.of("{\"n\":1}", "{\"n\":2}"));
    retry.commit();
    assertThat(read(files.path("demo", DAY))).isEqualTo("{\"n\":1}\n{\"n\":2}\n");
    assertThat(names(root.resolve("demo"))).containsExactly("2026-11-23.jsonl.gz");
  }

  private static String read(Path file) throws IOException {
    try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static List<String> names(Path dir) throws IOException {
    try (Stream<Path> list = Files.list(dir)) {
      return list.map(p -> p.getFileName().toString()).toList();
    }
  }
}
