package dev.alcove.core.run.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProcessRunnerTest {

  @Test
  void stepsDoNotInheritTheStoresKeys() {
    Map<String, String> environment = new HashMap<>();
    environment.put("PATH", "/usr/bin");
    environment.put("S3_SECRET_KEY", "s3cr3t");
    environment.put("S3_ACCESS_KEY", "key");
    environment.put("AWS_SECRET_ACCESS_KEY", "aws");
    environment.put("AWS_SESSION_TOKEN", "token");
    environment.put("S3_BUCKET_NAME", "bucket");

    ProcessRunner.withoutStoreSecrets(environment);

    assertThat(environment)
        .containsOnlyKeys("PATH", "S3_BUCKET_NAME")
        .doesNotContainValue("s3cr3t");
  }
}
