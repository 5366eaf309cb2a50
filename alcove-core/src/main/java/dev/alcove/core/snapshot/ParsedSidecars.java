package dev.alcove.core.snapshot;

import dev.alcove.core.checksum.Checksum;
import dev.alcove.core.checksum.DirectoryManifest;
import dev.alcove.core.checksum.Sha256;
import dev.alcove.core.io.AtomicFiles;
import dev.alcove.core.metadata.SnapshotMetadata;
import dev.alcove.core.uri.StepUri;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Large folder sidecars kept parsed in {@code target/alcove/parsed-sidecars/}, one file per
 * snapshot: the sidecar's text without its manifest, then the manifest as tab-separated rows. A
 * 100,000-file sidecar takes SnakeYAML about 1.7 s to parse here; this form about a tenth of that.
 *
 * <p>Nothing here is trusted: an entry is used only for the exact sidecar bytes it was made from
 * (their checksum heads the file), and its manifest must hash to the checksum the sidecar records.
 * An entry is written only when reading it back gives what parsing the sidecar gave. Losing the
 * folder costs only time.
 */
final class ParsedSidecars {

  static final String FOLDER = "parsed-sidecars";

  /** Smaller sidecars parse quickly enough as they are. */
  static final int FROM_FILES = 500;

  private static final String HEADER = "# alcove parsed sidecar v1 ";

  private final Path folder;

  private ParsedSidecars(Path folder) {
    this.folder = folder;
  }

  static ParsedSidecars in(Path buildDir) {
    return new ParsedSidecars(buildDir.resolve(FOLDER));
  }

  /** Nothing read or kept. */
  static ParsedSidecars none() {
    return new ParsedSidecars(null);
  }

  /** The metadata parsed from the sidecar whose bytes have {@code sidecar} as checksum. */
  Optional<SnapshotMetadata> read(StepUri uri, Checksum sidecar) {
    if (folder == null) {
      return Optional.empty();
    }
    Path file = fileOf(uri);
    try {
      String text = Files.readString(file, StandardCharsets.UTF_8);
      String header = HEADER + sidecar.hex() + "\t";
      if (!text.startsWith(header)) {
        return Optional.empty();
      }
      int firstLineEnd = text.indexOf('\n');
      int yamlLength = Integer.parseInt(text.substring(header.length(), firstLineEnd));
      int manifestStart = firstLineEnd + 1 + yamlLength;
      String yaml = text.substring(firstLineEnd + 1, manifestStart);
      List<Map.Entry<String, Checksum>> rows = new ArrayList<>();
      for (int start = manifestStart; start < text.length(); ) {
        int end = text.indexOf('\n', start);
        int tab = text.indexOf('\t', start);
        rows.add(Map.entry(text.substring(start, tab), Checksum.of(text.substring(tab + 1, end))));
        start = end + 1;
      }
      DirectoryManifest manifest = DirectoryManifest.ofSorted(rows);
      SnapshotMetadata metadata =
          SnapshotMetadata.withManifest(yaml, file.toString(), uri, manifest);
      return manifest.checksum().equals(metadata.checksum())
          ? Optional.of(metadata)
          : Optional.empty();
    } catch (IOException | RuntimeException e) {
      // Absent, from another version, or damaged: the sidecar is parsed instead.
      return Optional.empty();
    }
  }

  /**
   * Keeps {@code parsed}, read from the sidecar text {@code sidecarText}, if it is a large folder's
   * and its parsed form reads back the same.
   */
  void keep(SnapshotMetadata parsed, String sidecarText) {
    if (folder == null
        || parsed.manifest().isEmpty()
        || parsed.manifest().get().size() < FROM_FILES) {
      return;
    }
    Optional<String> yaml = withoutManifest(sidecarText);
    if (yaml.isEmpty()) {
      return;
    }
    StringBuilder text =
        new StringBuilder(HEADER)
            .append(Sha256.ofBytes(sidecarText.getBytes(StandardCharsets.UTF_8)).hex())
            .append('\t')
            .append(yaml.get().length())
            .append('\n')
            .append(yaml.get());
    for (Map.Entry<String, Checksum> entry : parsed.manifest().get().entries().entrySet()) {
      String path = entry.getKey();
      if (path.indexOf('\t') >= 0 || path.indexOf('\n') >= 0) {
        return;
      }
      text.append(path).append('\t').append(entry.getValue().hex()).append('\n');
    }
    try {
      SnapshotMetadata back =
          SnapshotMetadata.withManifest(
              yaml.get(), "sidecar", parsed.uri(), parsed.manifest().get());
      if (!back.equals(parsed)) {
        return;
      }
      AtomicFiles.writeWithoutFlush(
          fileOf(parsed.uri()), text.toString().getBytes(StandardCharsets.UTF_8));
    } catch (RuntimeException e) {
      // Not kept: the sidecar is parsed as it is next time.
    }
  }

  /**
   * The sidecar's text without its block-style {@code manifest} mapping, which runs from a line
   * {@code manifest:} to the next line that is not indented; empty when there is none.
   */
  static Optional<String> withoutManifest(String text) {
    StringBuilder kept = new StringBuilder(256);
    boolean inManifest = false;
    boolean found = false;
    for (int start = 0; start < text.length(); ) {
      int end = text.indexOf('\n', start);
      end = end < 0 ? text.length() : end + 1;
      String line = text.substring(start, end);
      start = end;
      if (inManifest && (line.isBlank() || line.charAt(0) == ' ')) {
        continue;
      }
      inManifest = false;
      if (!found && line.stripTrailing().equals("manifest:")) {
        inManifest = true;
        found = true;
        continue;
      }
      kept.append(line);
    }
    return found ? Optional.of(kept.toString()) : Optional.empty();
  }

  private Path fileOf(StepUri uri) {
    return folder.resolve(
        Sha256.ofBytes(uri.toString().getBytes(StandardCharsets.UTF_8)).hex() + ".txt");
  }
}
