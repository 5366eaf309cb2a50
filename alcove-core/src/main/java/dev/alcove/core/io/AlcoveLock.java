package dev.alcove.core.io;

import dev.alcove.core.log.AlcoveLog;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One writer at a time per alcove: {@code target/alcove/lock}, held while a goal changes the
 * alcove. It is an operating-system file lock, which the kernel releases when its process ends,
 * however it ends (even {@code kill -9}), so a crashed build never blocks the next one. Threads of
 * one JVM (a {@code mvn -T} reactor) queue on a lock of their own first, since file locks are per
 * process. The thread that holds it may take it again (a snapshot that then edits the catalogue);
 * only the outermost hold touches the file.
 */
public final class AlcoveLock implements AutoCloseable {

  public static final String FILE_NAME = "lock";
  private static final Map<Path, ReentrantLock> IN_THIS_JVM = new ConcurrentHashMap<>();

  private final ReentrantLock threadLock;
  private final FileChannel channel;
  private final FileLock fileLock;

  private AlcoveLock(ReentrantLock threadLock, FileChannel channel, FileLock fileLock) {
    this.threadLock = threadLock;
    this.channel = channel;
    this.fileLock = fileLock;
  }

  /** Takes the alcove's lock, waiting (and saying so) while another build holds it. */
  public static AlcoveLock acquire(Path buildDir, AlcoveLog log) {
    Path file = lockFile(buildDir);
    ReentrantLock threadLock = IN_THIS_JVM.computeIfAbsent(file, f -> new ReentrantLock());
    if (threadLock.isHeldByCurrentThread()) {
      threadLock.lock();
      return new AlcoveLock(threadLock, null, null);
    }
    if (!threadLock.tryLock()) {
      log.info(
          "waiting for another build in this process to finish with "
              + file.getParent().getParent().getParent());
      threadLock.lock();
    }
    FileChannel channel = null;
    try {
      // target/ itself may be a link (onto another disk); nothing below it may be.
      NoLinks.requireBelow(buildDir.toAbsolutePath().normalize().getParent(), file);
      Files.createDirectories(file.getParent());
      channel =
          FileChannel.open(
              file,
              StandardOpenOption.CREATE,
              StandardOpenOption.READ,
              StandardOpenOption.WRITE,
              LinkOption.NOFOLLOW_LINKS);
      FileLock lock = channel.tryLock();
      if (lock == null) {
        log.info("waiting for another alcove build (" + holder(file) + ") to release " + file);
        lock = channel.lock();
        log.info("got " + file + ", continuing");
      }
      channel.truncate(0);
      channel.write(
          ByteBuffer.wrap(
              ("pid " + ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.UTF_8)),
          0);
      return new AlcoveLock(threadLock, channel, lock);
    } catch (IOException | RuntimeException e) {
      closeQuietly(channel);
      threadLock.unlock();
      if (e instanceof IOException io) {
        throw IoErrors.unchecked("cannot lock " + file, io);
      }
      throw (RuntimeException) e;
    }
  }

  private static Path lockFile(Path buildDir) {
    return buildDir.toAbsolutePath().normalize().resolve(FILE_NAME);
  }

  private static String holder(Path file) {
    try {
      String text = Files.readString(file).strip();
      return text.isEmpty() ? "process unknown" : text;
    } catch (IOException e) {
      return "process unknown";
    }
  }

  private static void closeQuietly(FileChannel channel) {
    if (channel != null) {
      try {
        channel.close();
      } catch (IOException e) {
        // Closing releases the lock; nothing else to do.
      }
    }
  }

  @Override
  public void close() {
    if (fileLock != null) {
      try {
        fileLock.release();
      } catch (IOException e) {
        // Closing the channel below releases it as well.
      }
      closeQuietly(channel);
    }
    threadLock.unlock();
  }
}
