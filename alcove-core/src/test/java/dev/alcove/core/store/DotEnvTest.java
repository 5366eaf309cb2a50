package dev.alcove.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.alcove.core.testing.RecordingLog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code .env} lines read as python-dotenv reads them, so both tools see the same keys. */
class DotEnvTest {

  @TempDir Path dir;

  @Test
  void quotesCommentsAndEscapesAsPythonDotenvReadsThem() throws Exception {
    Path env = dir.resolve(".env");
    Files.writeString(
        env,
        String.join(
            "\n",
            "S3_SECRET_KEY=\"value\" # the secret",
            "S3_ACCESS_KEY='key#1' # single quotes keep # and spaces",
            "S3_BUCKET_NAME=bucket # trailing comment",
            "S3_ENDPOINT_URL=http://h:9000/#not-a-comment",
            "export S3_PREFIX=  padded  ",
            "ESCAPED=\"a\\\"b\\\\c\\nd\"",
            "SINGLE='it\\'s'",
            "EMPTY=",
            "BROKEN=\"never closed",
            ""));
    RecordingLog log = new RecordingLog();

    Map<String, String> values = DotEnv.read(env, log);

    assertThat(values)
        .containsExactly(
            Map.entry("S3_SECRET_KEY", "value"),
            Map.entry("S3_ACCESS_KEY", "key#1"),
            Map.entry("S3_BUCKET_NAME", "bucket"),
            Map.entry("S3_ENDPOINT_URL", "http://h:9000/#not-a-comment"),
            Map.entry("S3_PREFIX", "padded"),
            Map.entry("ESCAPED", "a\"b\\c\nd"),
            Map.entry("SINGLE", "it's"),
            Map.entry("EMPTY", ""));
    assertThat(log.warnings)
        .singleElement()
        .asString()
        .endsWith(".env:9: a quoted value that does not end, skipped");
    assertThat(log.warnings).noneMatch(line -> line.contains("never closed"));
  }
}
