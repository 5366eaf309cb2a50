package dev.alcove.core.io;

import dev.alcove.core.errors.AlcoveException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** Text files the user writes (SQL steps, data tests), which must be UTF-8. */
public final class TextFiles {

  private TextFiles() {}

  /**
   * The file's text; a byte that is not UTF-8 fails with where it is ({@code shown} names the
   * file), since Java's own message ("Input length = 3") says neither.
   */
  public static String readUtf8(Path file, String shown) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    try {
      return decoder.decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      int offset = firstBadByte(bytes);
      int line = 1;
      int lineStart = 0;
      for (int i = 0; i < offset; i++) {
        if (bytes[i] == '\n') {
          line++;
          lineStart = i + 1;
        }
      }
      throw new AlcoveException(
          shown
              + " is not UTF-8: byte 0x"
              + String.format(Locale.ROOT, "%02X", bytes[offset] & 0xff)
              + " at line "
              + line
              + ", byte "
              + (offset - lineStart + 1)
              + " of the line; save the file as UTF-8 (it looks like Latin-1 or Windows-1252)");
    }
  }

  private static int firstBadByte(byte[] bytes) {
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder();
    ByteBuffer in = ByteBuffer.wrap(bytes);
    java.nio.CharBuffer out = java.nio.CharBuffer.allocate(bytes.length + 1);
    CoderResult result = decoder.decode(in, out, true);
    return result.isError() ? in.position() : Math.max(0, bytes.length - 1);
  }
}
