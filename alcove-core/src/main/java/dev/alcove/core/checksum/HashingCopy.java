package dev.alcove.core.checksum;

import dev.alcove.core.concurrent.ThreadBudget;
import dev.alcove.core.io.IoErrors;
import dev.alcove.core.progress.TransferProgress;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.FutureTask;

/**
 * Copies a file and computes the checksum of exactly the bytes copied, reading the source once. The
 * checksum recorded for a snapshot is thereby always that of the copy alcove holds, even if the
 * source changes meanwhile.
 *
 * <p>For a large file, hashing runs on a thread of its own while this one reads and writes ahead,
 * so the copy costs about what hashing alone does (SHA-256 is the slower of the two).
 *
 * <p>The copy is not flushed to disk here: a copy lost in a crash no longer matches its checksum
 * and is restored from the store, which is where durability matters.
 */
public final class HashingCopy {

  private static final int CHUNK = 1 << 20;
  private static final int CHUNKS_IN_FLIGHT = 8;
  private static final long PIPELINE_FROM_BYTES = 16L << 20;
  private static final ByteBuffer END = ByteBuffer.allocate(0);

  private HashingCopy() {}

  /**
   * Copies {@code source} to {@code target}, which must not exist; a copy that fails (a full disk,
   * say) is deleted, so no partial file is left behind.
   */
  public static Checksum copy(
      Path source, Path target, ThreadBudget budget, TransferProgress progress) {
    try (FileChannel in = FileChannel.open(source, StandardOpenOption.READ)) {
      FileChannel out =
          FileChannel.open(target, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
      try (out;
          ThreadBudget.Lease hasher = budget.lease(in.size() >= PIPELINE_FROM_BYTES ? 1 : 0)) {
        // A second thread hashes while this one copies, when the goal has one to spare.
        return hasher.count() == 1
            ? pipelined(in, out, progress, budget.threads())
            : sequential(in, out, progress);
      } catch (IOException | RuntimeException e) {
        // out is closed by now
        Files.deleteIfExists(target);
        throw e;
      }
    } catch (IOException e) {
      throw IoErrors.unchecked("cannot copy " + source + " to " + target, e);
    }
  }

  private static Checksum sequential(FileChannel in, FileChannel out, TransferProgress progress)
      throws IOException {
    MessageDigest digest = Sha256.newDigest();
    byte[] array = Sha256.buffer();
    ByteBuffer buffer = ByteBuffer.wrap(array);
    while (in.read(buffer) >= 0) {
      buffer.flip();
      digest.update(array, 0, buffer.limit());
      writeFully(out, buffer);
      progress.transferred(buffer.limit());
      buffer.clear();
    }
    return Checksum.ofDigest(digest.digest());
  }

  private static Checksum pipelined(
      FileChannel in, FileChannel out, TransferProgress progress, Executor threads)
      throws IOException {
    MessageDigest digest = Sha256.newDigest();
    BlockingQueue<ByteBuffer> free = new ArrayBlockingQueue<>(CHUNKS_IN_FLIGHT);
    BlockingQueue<ByteBuffer> written = new ArrayBlockingQueue<>(CHUNKS_IN_FLIGHT + 1);
    for (int i = 0; i < CHUNKS_IN_FLIGHT; i++) {
      // heap arrays: the digest takes them whole (see Sha256)
      free.add(ByteBuffer.allocate(CHUNK));
    }
    Throwable[] hashFailure = new Throwable[1];
    FutureTask<Void> hasher =
        new FutureTask<>(
            () -> {
              try {
                for (ByteBuffer chunk = written.take(); chunk != END; chunk = written.take()) {
                  digest.update(chunk.array(), 0, chunk.limit());
                  chunk.clear();
                  free.put(chunk);
                }
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              } catch (RuntimeException | Error e) {
                hashFailure[0] = e;
              }
            },
            null);
    threads.execute(hasher);
    boolean done = false;
    try {
      while (true) {
        ByteBuffer chunk = free.take();
        int read = 0;
        while (chunk.hasRemaining() && (read = in.read(chunk)) >= 0) {
          // fill the chunk: fewer, larger hand-overs
        }
        if (chunk.position() == 0) {
          break;
        }
        chunk.flip();
        writeFully(out, chunk.duplicate());
        progress.transferred(chunk.limit());
        written.put(chunk);
        if (read < 0) {
          break;
        }
      }
      written.put(END);
      hasher.get();
      done = true;
    } catch (ExecutionException e) {
      throw new IllegalStateException("hashing failed", e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while copying", e);
    } finally {
      if (!done) {
        hasher.cancel(true);
      }
    }
    if (hashFailure[0] != null) {
      throw new IllegalStateException("hashing failed", hashFailure[0]);
    }
    return Checksum.ofDigest(digest.digest());
  }

  private static void writeFully(FileChannel out, ByteBuffer buffer) throws IOException {
    while (buffer.hasRemaining()) {
      out.write(buffer);
    }
  }
}
