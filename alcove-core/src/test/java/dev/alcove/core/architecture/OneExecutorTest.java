package dev.alcove.core.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Threads come from the goal's pool ({@code concurrent.Workers}) and nowhere else: no thread,
 * executor or common pool of its own in any other package, so the budget the user set holds.
 */
class OneExecutorTest {

  private static final Pattern OWN_THREADS =
      Pattern.compile(
          "new Thread\\(|Executors\\.|ForkJoinPool|parallelStream\\(|\\.parallel\\(\\)"
              + "|supplyAsync\\([^,()]*\\)|runAsync\\([^,()]*\\)");

  @Test
  void onlyTheConcurrentPackageStartsThreads() throws IOException {
    List<String> found =
        CoreSources.lines().stream()
            .filter(line -> !line.file().startsWith("concurrent/"))
            .filter(line -> OWN_THREADS.matcher(line.text()).find())
            .map(CoreSources.Line::toString)
            .toList();
    assertThat(found).isEmpty();
    assertThat(OWN_THREADS.matcher("CompletableFuture.supplyAsync(opener)").find()).isTrue();
    assertThat(OWN_THREADS.matcher("CompletableFuture.supplyAsync(opener, workers)").find())
        .isFalse();
  }
}
