package dev.alcove.core.io;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.WritableByteChannel;
import java.util.function.LongConsumer;

/**
 * Copies a range of a file to a channel with {@link FileChannel#transferTo}, which the kernel does
 * without the bytes passing through the JVM where it can ({@code copy_file_range}, {@code
 * sendfile}). One call may copy less than asked, so it is called until the range is done.
 */
public final class KernelCopy {

  private KernelCopy() {}

  /**
   * Copies bytes {@code from} (inclusive) to {@code to} (exclusive) of {@code in} to {@code out},
   * telling {@code copied} each chunk's size; {@code what} names the file in the error raised when
   * it ends before {@code to}.
   */
  public static void range(
      FileChannel in, long from, long to, WritableByteChannel out, String what, LongConsumer copied)
      throws IOException {
    long position = from;
    while (position < to) {
      long chunk = in.transferTo(position, to - position, out);
      if (chunk <= 0) {
        throw new IOException(what + " became shorter while it was copied");
      }
      position += chunk;
      copied.accept(chunk);
    }
  }
}
