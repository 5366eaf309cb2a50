package dev.alcove.core.checksum;

import dev.alcove.core.io.IoErrors;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;

/**
 * Copies a file and computes the checksum of exactly the bytes copied, reading the source once. The
 * checksum recorded for a snapshot is thereby always that of the copy alcove holds, even if the
 * source changes meanwhile.
 */
public final class HashingCopy {

  private HashingCopy() {}

  public static Checksum copy(Path source, Path target) {
    MessageDigest digest = Sha256.newDigest();
    ByteBuffer buffer = ByteBuffer.allocateDirect(1 << 20);
    try (FileChannel in = FileChannel.open(source, StandardOpenOption.READ);
        FileChannel out =
            FileChannel.open(target, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
      while (in.read(buffer) >= 0) {
        buffer.flip();
        digest.update(buffer.duplicate());
        while (buffer.hasRemaining()) {
          out.write(buffer);
        }
        buffer.clear();
      }
    } catch (IOException e) {
      throw IoErrors.unchecked("cannot copy " + source + " to " + target, e);
    }
    return Checksum.ofDigest(digest.digest());
  }
}
