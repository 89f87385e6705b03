package vn.layso.history;

import java.io.BufferedWriter;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.zip.GZIPOutputStream;

/**
 * The archive folder: {@code <root>/<office>/<yyyy-MM-dd>.jsonl.gz}, one gzip-compressed JSON
 * line per ticket. A file is written whole or not at all: into a temporary file beside it, synced
 * to disk, then renamed into place in one atomic step. Blocking: call from a worker thread.
 */
public final class ArchiveFiles {

  private final Path root;

  public ArchiveFiles(Path root) {
    this.root = root;
  }

  public Path path(String office, LocalDate day) {
    return root.resolve(office).resolve(day + ".jsonl.gz");
  }

  /** Starts the day's file; temporary files an interrupted attempt left for that day are removed. */
  public Writer open(String office, LocalDate day) throws IOException {
    Path target = path(office, day);
    Files.createDirectories(target.getParent());
    try (DirectoryStream<Path> stale = Files.newDirectoryStream(target.getParent(), "." + target.getFileName() + ".*.tmp")) {
      for (Path p : stale) {
        Files.deleteIfExists(p);
      }
    }
    Path temp = target.resolveSibling("." + target.getFileName() + "." + UUID.randomUUID() + ".tmp");
    return new Writer(target, temp);
  }

  /** One file being written. */
  public static final class Writer {
    private final Path target;
    private final Path temp;
    private final FileOutputStream file;
    private final GZIPOutputStream gzip;
    private final BufferedWriter out;

    private Writer(Path target, Path temp) throws IOException {
      this.target = target;
      this.temp = temp;
      this.file = new FileOutputStream(temp.toFile());
      this.gzip = new GZIPOutputStream(file, 64 * 1024);
      this.out = new BufferedWriter(new OutputStreamWriter(gzip, StandardCharsets.UTF_8));
    }

    public void write(List<String> lines) throws IOException {
      for (String line : lines) {
        out.write(line);
        out.write('\n');
      }
    }

    /** Finishes the file, syncs it and renames it into place (replacing an earlier copy); returns its path. */
    public Path commit() throws IOException {
      out.flush();
      gzip.finish();
      file.getChannel().force(true);
      out.close();
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      syncDirectory(target.getParent());
      return target;
    }

    /** Gives the attempt up: the temporary file goes, the archive is unchanged. */
    public void abort() throws IOException {
      out.close();
      Files.deleteIfExists(temp);
    }
  }

  /** Makes the rename itself durable. Some platforms cannot open a folder for this; there the rename stands as is. */
  private static void syncDirectory(Path dir) {
    try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException unsupported) {
      // Windows refuses to open a directory; its rename is already as durable as the platform makes it
    }
  }
}
