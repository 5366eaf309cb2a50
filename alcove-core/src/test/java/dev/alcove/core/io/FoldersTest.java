package dev.alcove.core.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Folders made as createDirectories makes them, and temporary names that do not collide. */
class FoldersTest {

  @TempDir Path dir;

  @Test
  void aFolderIsMadeWithItsParentsAndOneThatExistsIsLeftAsItIs() throws IOException {
    Path nested = dir.resolve("a/b/c");
    assertThat(Folders.ensure(nested)).isEqualTo(nested);
    assertThat(nested).isDirectory();
    Files.writeString(nested.resolve("kept.txt"), "x");
    assertThat(Folders.ensure(nested)).isEqualTo(nested);
    assertThat(nested.resolve("kept.txt")).hasContent("x");
  }

  @Test
  void aLinkToAFolderCountsAsTheFolderAndAFileInTheWayIsRefused() throws IOException {
    Path target = Files.createDirectory(dir.resolve("target"));
    Path link = Files.createSymbolicLink(dir.resolve("link"), target);
    assertThat(Folders.ensure(link)).isEqualTo(link);
    Path file = Files.writeString(dir.resolve("file"), "data");
    assertThatThrownBy(() -> Folders.ensure(file)).isInstanceOf(FileAlreadyExistsException.class);
    assertThat(file).hasContent("data");
  }

  @Test
  void temporaryNamesBesideOneTargetDifferAndStayInItsFolder() {
    Path target = dir.resolve("data.csv");
    Set<Path> names = new HashSet<>();
    for (int i = 0; i < 10_000; i++) {
      Path temp = AtomicFiles.tempSibling(target);
      assertThat(temp.getParent()).isEqualTo(dir);
      assertThat(temp.getFileName().toString()).startsWith(".data.csv" + AtomicFiles.TEMP_MARKER);
      names.add(temp);
    }
    assertThat(names).hasSize(10_000);
  }
}
