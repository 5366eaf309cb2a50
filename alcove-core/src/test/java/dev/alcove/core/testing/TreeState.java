package dev.alcove.core.testing;

import dev.alcove.core.checksum.Sha256;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Every file under a folder and the hash of its bytes: to show that nothing changed. */
public final class TreeState {
  private TreeState() {}

  public static Map<String, String> of(Path root) {
    Map<String, String> state = new TreeMap<>();
    if (!Files.exists(root)) {
      return state;
    }
    try (Stream<Path> walk = Files.walk(root)) {
      walk.forEach(
          path -> {
            String name = root.relativize(path).toString();
            if (Files.isSymbolicLink(path)) {
              state.put(name, "link");
            } else if (Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)) {
              state.put(name, Sha256.ofFile(path).hex());
            } else {
              state.put(name + "/", "dir");
            }
          });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return state;
  }
}
