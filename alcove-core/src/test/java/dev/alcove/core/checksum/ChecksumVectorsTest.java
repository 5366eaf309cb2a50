package dev.alcove.core.checksum;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.alcove.core.concurrent.ThreadBudget;
import dev.alcove.core.errors.AlcoveException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The test vectors of SPEC section 4: these must hold exactly. */
class ChecksumVectorsTest {

  static final String HELLO_WORLD =
      "dffd6021bb2bd5b0af676290809ec3a53191dd81c7f70a4b28688a362182986f";
  static final String HELLO_COSMOS =
      "40efcea9db03adb126f27a0f339c595d1828a0713a789ea49d1ae67159d101e0";

  @TempDir Path dir;

  @Test
  void fileChecksumsMatchTheSpec() throws Exception {
    assertThat(Sha256.ofFile(write("a.txt", "Hello, World!")).hex()).isEqualTo(HELLO_WORLD);
    assertThat(Sha256.ofFile(write("b.txt", "Hello, Cosmos!")).hex()).isEqualTo(HELLO_COSMOS);
  }

  @Test
  void flatManifestChecksumMatchesTheSpec() throws Exception {
    write("d/file1.txt", "Hello, World!");
    write("d/file2.txt", "Hello, Cosmos!");
    DirectoryManifest manifest =
        new DirectoryScanner(FileDigester.READ_EVERY_BYTE).manifest(dir.resolve("d"));
    assertThat(manifest.entries())
        .containsExactly(
            Map.entry("file1.txt", Checksum.of(HELLO_WORLD)),
            Map.entry("file2.txt", Checksum.of(HELLO_COSMOS)));
    assertThat(manifest.checksum().hex())
        .isEqualTo("a76976491b769cc553c5fb15acfbf409367d8655244f043733f1c0479d1f32af");
  }

  @Test
  void nestedManifestChecksumMatchesTheSpecAndSkipsDsStore() throws Exception {
    write("d/file1.txt", "Hello, World!");
    write("d/sub/file3.txt", "deep");
    write("d/.DS_Store", "finder noise");
    DirectoryManifest manifest =
        new DirectoryScanner(FileDigester.READ_EVERY_BYTE, ThreadBudget.of(2))
            .manifest(dir.resolve("d"));
    assertThat(manifest.entries().keySet()).containsExactly("file1.txt", "sub/file3.txt");
    assertThat(manifest.checksum().hex())
        .isEqualTo("afb3d415e64aeea60c469e27f55ab97e506e68d548c909e30ed7f34d2b220586");
  }

  @Test
  void largeFileIsHashedAcrossBufferBoundaries() throws Exception {
    byte[] bytes = new byte[(3 << 20) + 17];
    for (int i = 0; i < bytes.length; i++) {
      bytes[i] = (byte) (i * 31);
    }
    Path file = dir.resolve("big.bin");
    Files.write(file, bytes);
    assertThat(Sha256.ofFile(file)).isEqualTo(Sha256.ofBytes(bytes));
  }

  @Test
  void emptyFolderIsRefused() throws Exception {
    Files.createDirectories(dir.resolve("empty/sub"));
    assertThatThrownBy(
            () -> new DirectoryScanner(FileDigester.READ_EVERY_BYTE).manifest(dir.resolve("empty")))
        .isInstanceOf(AlcoveException.class)
        .hasMessageContaining("holds no files");
  }

  @Test
  void symlinkOutsideTheFolderIsRefused() throws Exception {
    Path outside = write("secret.txt", "not yours");
    write("d/ok.txt", "fine");
    Files.createSymbolicLink(dir.resolve("d/link.txt"), outside);
    assertThatThrownBy(() -> DirectoryScanner.listFiles(dir.resolve("d")))
        .isInstanceOf(AlcoveException.class)
        .hasMessageContaining("points outside snapshot folder");
  }

  @Test
  void linksThatStayInsideAreFollowedAndABrokenOneIsRefused() throws Exception {
    write("d/data/a.txt", "a");
    write("d/other/b.txt", "b");
    Files.createSymbolicLink(dir.resolve("d/a-again.txt"), dir.resolve("d/data/a.txt"));
    Files.createSymbolicLink(dir.resolve("d/other/data"), Path.of("../data"));
    assertThat(DirectoryScanner.listFiles(dir.resolve("d")).keySet())
        .containsExactly("a-again.txt", "data/a.txt", "other/b.txt", "other/data/a.txt");

    Files.createSymbolicLink(dir.resolve("d/gone.txt"), dir.resolve("d/missing.txt"));
    assertThatThrownBy(() -> DirectoryScanner.listFiles(dir.resolve("d")))
        .isInstanceOf(AlcoveException.class)
        .hasMessageContaining("broken symbolic link");
  }

  @Test
  void symlinkLoopIsRefused() throws Exception {
    write("d/ok.txt", "fine");
    Files.createSymbolicLink(dir.resolve("d/loop"), dir.resolve("d"));
    assertThatThrownBy(() -> DirectoryScanner.listFiles(dir.resolve("d")))
        .isInstanceOf(AlcoveException.class)
        .hasMessageContaining("loop");
  }

  /**
   * A folder's files come out in the order of their whole paths, as the manifest sorts them: a
   * folder {@code a} sorts as {@code a/}, after {@code a-b} and {@code a.b} and before {@code a0}.
   */
  @Test
  void listedFilesComeInTheOrderOfTheirWholePaths() throws Exception {
    for (String name :
        new String[] {"a0", "a/x", "a/y/z", "a-b", "a.b", "\uFF5E", "\uD83D\uDE00"}) {
      write("d/" + name, name);
    }
    java.util.List<String> expected =
        java.util.List.of("a-b", "a.b", "a/x", "a/y/z", "a0", "\uFF5E", "\uD83D\uDE00");
    assertThat(new java.util.ArrayList<>(DirectoryScanner.listFiles(dir.resolve("d")).keySet()))
        .containsExactlyElementsOf(expected);
    assertThat(
            new java.util.ArrayList<>(
                new DirectoryScanner(FileDigester.READ_EVERY_BYTE)
                    .manifest(dir.resolve("d"))
                    .entries()
                    .keySet()))
        .containsExactlyElementsOf(expected);
  }

  @Test
  void changesBetweenManifestsAreFoundInOneWalkInPathOrder() {
    Checksum one = Checksum.of(HELLO_WORLD);
    Checksum two = Checksum.of(HELLO_COSMOS);
    DirectoryManifest before =
        DirectoryManifest.of(Map.of("a-b", one, "a/x", one, "a0", one, "\uFF5E", one));
    DirectoryManifest after =
        DirectoryManifest.of(Map.of("a.b", one, "a/x", two, "a0", one, "\uD83D\uDE00", one));
    DirectoryManifest.Changes changes = before.changesTo(after);
    assertThat(changes.added()).containsExactly("a.b", "\uD83D\uDE00");
    assertThat(changes.removed()).containsExactly("a-b", "\uFF5E");
    assertThat(changes.changed()).containsExactly("a/x");
    assertThat(after.changesTo(after).summary()).isEqualTo("same files");
  }

  @Test
  void checksumRejectsAnythingButLowerCaseHex64() {
    assertThatThrownBy(() -> Checksum.of(HELLO_WORLD.toUpperCase()))
        .isInstanceOf(AlcoveException.class);
    assertThatThrownBy(() -> Checksum.of("abc")).isInstanceOf(AlcoveException.class);
    assertThatThrownBy(() -> Checksum.of("../" + HELLO_WORLD.substring(3)))
        .isInstanceOf(AlcoveException.class);
  }

  @Test
  void manifestRefusesPathsThatEscape() {
    for (String bad :
        new String[] {
          "../../outside",
          "/etc/passwd",
          "a/../../b",
          "",
          "a//b",
          "C:/x",
          "a\\b",
          ".",
          "a/.",
          "..",
          "a/",
          "./a"
        }) {
      assertThatThrownBy(() -> DirectoryManifest.of(Map.of(bad, Checksum.of(HELLO_WORLD))))
          .as(bad)
          .isInstanceOf(AlcoveException.class);
    }
  }

  @Test
  void manifestOrdersByCodePointLikePython() {
    // U+FF5E (BMP) sorts before U+1F600 (astral) by code point, but after it in UTF-16 order.
    DirectoryManifest manifest =
        DirectoryManifest.of(
            Map.of("\uD83D\uDE00", Checksum.of(HELLO_WORLD), "\uFF5E", Checksum.of(HELLO_COSMOS)));
    assertThat(manifest.entries().firstKey()).isEqualTo("\uFF5E");
  }

  private Path write(String name, String text) throws Exception {
    Path file = dir.resolve(name);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text, StandardCharsets.UTF_8);
    return file;
  }

  @Test
  void manifestOrderIsCodePointOrderForAnyText() {
    java.util.Random random = new java.util.Random(11);
    String[] alphabet = {
      "a", "b", "\u00e9", "\uFF5E", "\uD83D\uDE00", "\uD83D\uDE01", "\uD800\uDC00", "/", "-"
    };
    for (int trial = 0; trial < 20_000; trial++) {
      String a = randomText(random, alphabet);
      String b = randomText(random, alphabet);
      int expected = java.util.Arrays.compare(a.codePoints().toArray(), b.codePoints().toArray());
      assertThat(Integer.signum(DirectoryManifest.CODE_POINT_ORDER.compare(a, b)))
          .as("%s vs %s", a, b)
          .isEqualTo(Integer.signum(expected));
    }
  }

  private static String randomText(java.util.Random random, String[] alphabet) {
    StringBuilder text = new StringBuilder();
    for (int i = random.nextInt(5); i > 0; i--) {
      text.append(alphabet[random.nextInt(alphabet.length)]);
    }
    return text.toString();
  }
}
