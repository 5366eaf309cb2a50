package dev.alcove.core.run;

import dev.alcove.core.checksum.Checksum;
import dev.alcove.core.checksum.DirectoryManifest;
import dev.alcove.core.io.AtomicFiles;
import dev.alcove.core.snapshot.RestoreSnapshot;
import dev.alcove.core.uri.StepUri;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Beside the nothing-to-do record, in {@code target/alcove/nothing-to-do-files.tsv}: every file of
 * the folder snapshots the recorded plan found matching their sidecars, with its checksum, which is
 * then the one its sidecar lists. The record watches this file as it watches the rest; a run that
 * mends files edited inside a folder snapshot ({@link EditedSnapshotFiles}) reads from it what each
 * should hold, without parsing a sidecar of 100,000 entries. Each folder's rows follow a line that
 * gives its URI, its number of files and the length of its rows in bytes.
 */
final class RecordedSnapshotFiles {

  static final String FILE_NAME = "nothing-to-do-files.tsv";
  private static final String HEADER =
      "# alcove nothing-to-do files v1: for each folder snapshot a line 'snapshot', its URI, its"
          + " number of files and the length of its rows in bytes, then each file's path and sha256";

  private RecordedSnapshotFiles() {}

  /**
   * Keeps the files of {@code folders}, or none where a path cannot be written in a row; returns
   * the file, or empty where it could neither be written nor deleted (it may then hold another
   * record's files, so no record may be kept).
   */
  static Optional<Path> keep(Path buildDir, Map<StepUri, DirectoryManifest> folders) {
    Path file = buildDir.resolve(FILE_NAME);
    try {
      boolean writable =
          folders.values().stream()
              .flatMap(folder -> folder.entries().keySet().stream())
              .noneMatch(path -> path.indexOf('\t') >= 0 || path.indexOf('\n') >= 0);
      if (folders.isEmpty() || !writable) {
        Files.deleteIfExists(file);
        return Optional.of(file);
      }
      ByteArrayOutputStream text = new ByteArrayOutputStream(1 << 16);
      text.writeBytes((HEADER + "\n").getBytes(StandardCharsets.UTF_8));
      for (Map.Entry<StepUri, DirectoryManifest> folder : folders.entrySet()) {
        ByteArrayOutputStream rows = new ByteArrayOutputStream(1 << 16);
        folder
            .getValue()
            .entries()
            .forEach(
                (path, checksum) ->
                    rows.writeBytes(
                        (path + "\t" + checksum.hex() + "\n").getBytes(StandardCharsets.UTF_8)));
        String line =
            "snapshot\t"
                + folder.getKey()
                + "\t"
                + folder.getValue().size()
                + "\t"
                + rows.size()
                + "\n";
        text.writeBytes(line.getBytes(StandardCharsets.UTF_8));
        rows.writeTo(text);
      }
      AtomicFiles.writeWithoutFlush(file, text::writeTo);
      return Optional.of(file);
    } catch (IOException | UncheckedIOException e) {
      try {
        Files.deleteIfExists(file);
        return Optional.of(file); // a mend then plans instead
      } catch (IOException stuck) {
        return Optional.empty();
      }
    }
  }

  /**
   * What the recorded folder of {@code uri} held for those of {@code files} it held, and how many
   * files it held; empty where it was not recorded. Each file is found by a binary search of its
   * folder's rows, which are in code-point order, as their UTF-8 bytes compare, reading only the
   * rows it looks at: the whole file would be 8 MB to allocate for 100,000 files.
   */
  static Optional<RestoreSnapshot.Listed> read(Path buildDir, StepUri uri, Set<String> files) {
    try (FileChannel channel = FileChannel.open(buildDir.resolve(FILE_NAME))) {
      Lines lines = new Lines(channel);
      byte[] header = HEADER.getBytes(StandardCharsets.UTF_8);
      if (!Arrays.equals(lines.lineAt(0), header)) {
        return Optional.empty();
      }
      for (long at = header.length + 1; at < lines.size; ) {
        byte[] line = lines.lineAt(at);
        String[] section = new String(line, StandardCharsets.UTF_8).split("\t");
        long rows = at + line.length + 1;
        long rowsEnd = rows + Long.parseLong(section[3]);
        if (rowsEnd > lines.size) {
          return Optional.empty();
        }
        if (section[0].equals("snapshot") && section[1].equals(uri.toString())) {
          Map<String, Checksum> found = new HashMap<>();
          for (String path : files) {
            find(lines, rows, rowsEnd, path.getBytes(StandardCharsets.UTF_8))
                .ifPresent(checksum -> found.put(path, checksum));
          }
          return Optional.of(new RestoreSnapshot.Listed(found, Integer.parseInt(section[2])));
        }
        at = rowsEnd;
      }
      return Optional.empty();
    } catch (IOException | RuntimeException e) {
      return Optional.empty(); // absent or damaged: a plan reads the sidecars instead
    }
  }

  /**
   * The checksum in the row of {@code path} among the sorted rows from {@code from} to {@code to}.
   */
  private static Optional<Checksum> find(Lines lines, long from, long to, byte[] path)
      throws IOException {
    long low = from;
    long high = to;
    while (low < high) {
      long line = lines.lineStart(low, low + (high - low) / 2);
      byte[] row = lines.lineAt(line);
      int tab = indexOf(row, (byte) '\t');
      int order = Arrays.compareUnsigned(row, 0, tab, path, 0, path.length);
      if (order == 0) {
        return Optional.of(
            Checksum.of(new String(row, tab + 1, row.length - tab - 1, StandardCharsets.US_ASCII)));
      }
      if (order < 0) {
        low = line + row.length + 1;
      } else {
        high = line;
      }
    }
    return Optional.empty();
  }

  private static int indexOf(byte[] bytes, byte wanted) {
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == wanted) {
        return i;
      }
    }
    throw new IllegalArgumentException("a row without a tab");
  }

  /** The file's lines, read where they are. */
  private static final class Lines {
    private static final int WINDOW = 512;
    private final FileChannel channel;
    final long size;

    Lines(FileChannel channel) throws IOException {
      this.channel = channel;
      this.size = channel.size();
    }

    /** The line that starts at {@code start}, without its newline. */
    byte[] lineAt(long start) throws IOException {
      for (int window = WINDOW; ; window *= 4) {
        byte[] bytes = read(start, (int) Math.min(window, size - start));
        for (int i = 0; i < bytes.length; i++) {
          if (bytes[i] == '\n') {
            return Arrays.copyOf(bytes, i);
          }
        }
        if (start + bytes.length >= size) {
          throw new IOException("a row without its end");
        }
      }
    }

    /** Where the line that holds the byte at {@code at} starts, {@code low} at the earliest. */
    long lineStart(long low, long at) throws IOException {
      for (long end = at; end > low; ) {
        long from = Math.max(low, end - WINDOW);
        byte[] bytes = read(from, (int) (end - from));
        for (int i = bytes.length - 1; i >= 0; i--) {
          if (bytes[i] == '\n') {
            return from + i + 1;
          }
        }
        end = from;
      }
      return low;
    }

    private byte[] read(long position, int length) throws IOException {
      ByteBuffer buffer = ByteBuffer.allocate(length);
      while (buffer.hasRemaining()) {
        if (channel.read(buffer, position + buffer.position()) < 0) {
          throw new IOException("the file ended early");
        }
      }
      return buffer.array();
    }
  }
}
