package dev.alcove.core.store.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.alcove.core.checksum.Sha256;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Ranges written out of order, as parallel downloads finish, hash to the whole file's SHA-256. */
class HashingBehindTest {

  @TempDir Path dir;

  @Test
  void rangesArrivingInAnyOrderHashToTheWholeFile() throws Exception {
    // Three ranges of 5 bytes and a last one of 1: the first is hashed as it came.
    byte[] bytes = new byte[16];
    new Random(3).nextBytes(bytes);
    for (List<Integer> order : List.of(List.of(1, 2, 3), List.of(3, 2, 1), List.of(2, 3, 1))) {
      Path file = dir.resolve("object-" + order);
      try (FileChannel channel = open(file)) {
        MessageDigest digest = Sha256.newDigest();
        write(channel, bytes, 0, 5);
        digest.update(bytes, 0, 5);
        HashingBehind hashing = new HashingBehind(channel, digest, 5, bytes.length);
        for (int range : order) {
          int start = range * 5;
          int length = Math.min(5, bytes.length - start);
          write(channel, bytes, start, length);
          hashing.arrived(start, length);
        }
        assertThat(hashing.finish()).isEqualTo(Sha256.ofBytes(bytes));
      }
    }
  }

  @Test
  void aRangeThatNeverArrivedIsAnErrorNotAChecksum() throws Exception {
    try (FileChannel channel = open(dir.resolve("object"))) {
      write(channel, new byte[10], 0, 10);
      HashingBehind hashing = new HashingBehind(channel, Sha256.newDigest(), 0, 10);
      hashing.arrived(5, 5);
      assertThatThrownBy(hashing::finish).hasMessage("bytes from 0 never arrived");
    }
  }

  private static FileChannel open(Path file) throws Exception {
    return FileChannel.open(
        file, StandardOpenOption.CREATE_NEW, StandardOpenOption.READ, StandardOpenOption.WRITE);
  }

  private static void write(FileChannel channel, byte[] bytes, int start, int length)
      throws Exception {
    channel.write(ByteBuffer.wrap(bytes, start, length), start);
  }
}
