package dev.alcove.core.run;

import dev.alcove.core.checksum.Checksum;
import dev.alcove.core.checksum.Sha256;
import dev.alcove.core.io.IoErrors;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;

/**
 * What a path of the nothing-to-do record holds, for a row whose stat was taken too soon after a
 * change to be trusted alone (git's racy-clean entries): a file's bytes, or a folder's names, each
 * with its type, as a checksum.
 */
final class RecordedContent {

  private RecordedContent() {}

  static Checksum of(Path path) {
    return Files.isDirectory(path) ? ofFolder(path) : Sha256.ofFile(path);
  }

  private static Checksum ofFolder(Path folder) {
    List<String> entries = new ArrayList<>();
    try (DirectoryStream<Path> listing = Files.newDirectoryStream(folder)) {
      for (Path entry : listing) {
        String type =
            Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS)
                ? "d"
                : Files.isRegularFile(entry, LinkOption.NOFOLLOW_LINKS) ? "f" : "o";
        entries.add(entry.getFileName() + "\t" + type);
      }
    } catch (IOException e) {
      throw IoErrors.unchecked("cannot list " + folder, e);
    }
    entries.sort(null);
    MessageDigest digest = Sha256.newDigest();
    for (String entry : entries) {
      digest.update(entry.getBytes(StandardCharsets.UTF_8));
      digest.update((byte) '\n');
    }
    return Checksum.ofDigest(digest.digest());
  }
}
