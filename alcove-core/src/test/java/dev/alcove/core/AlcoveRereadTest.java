package dev.alcove.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.alcove.core.init.InitAlcove;
import dev.alcove.core.testing.Contexts;
import dev.alcove.core.uri.StepUri;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An edit reads alcove.yaml again under the lock: what another process wrote there is seen. */
class AlcoveRereadTest {

  @TempDir Path root;

  @Test
  void unchangedBytesAreNotParsedAgainAndChangedOnesAre() throws Exception {
    InitAlcove.init(Contexts.silent(), root);
    Alcove opened = Alcove.open(root);
    assertThat(opened.reread()).isSameAs(opened);

    Path file = root.resolve("alcove.yaml");
    StepUri added = StepUri.parse("snapshot://written/2024-01-01");
    Files.writeString(
        file, Files.readString(file).replace("steps: {}", "steps:\n  " + added + ": []"));
    Alcove reread = opened.reread();
    assertThat(reread).isNotSameAs(opened);
    assertThat(reread.catalogue().contains(added)).isTrue();
    assertThat(opened.catalogue().contains(added)).isFalse();
  }
}
