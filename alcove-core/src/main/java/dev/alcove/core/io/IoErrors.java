package dev.alcove.core.io;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/** Why an I/O operation failed, in words: Java's messages are often just a path. */
public final class IoErrors {
  private IoErrors() {}

  /** {@code action: reason}, as an unchecked exception that keeps the cause. */
  public static java.io.UncheckedIOException unchecked(String action, IOException e) {
    return new java.io.UncheckedIOException(action + ": " + reason(e), e);
  }

  public static String reason(IOException e) {
    String reason;
    if (e instanceof NoSuchFileException) {
      reason = "no such file or folder";
    } else if (e instanceof AccessDeniedException) {
      reason = "permission denied";
    } else if (e instanceof FileAlreadyExistsException) {
      reason = "already exists";
    } else if (e instanceof NotDirectoryException) {
      reason = "not a folder";
    } else if (e instanceof DirectoryNotEmptyException) {
      reason = "folder not empty";
    } else if (e instanceof FileSystemException fs && fs.getReason() != null) {
      reason = fs.getReason();
    } else {
      reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
    String file = e instanceof FileSystemException fs ? fs.getFile() : null;
    return file == null || reason.contains(file) ? reason : reason + ": " + file;
  }
}
