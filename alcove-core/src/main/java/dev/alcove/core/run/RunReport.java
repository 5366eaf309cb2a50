package dev.alcove.core.run;

import dev.alcove.core.uri.StepUri;
import java.util.List;
import java.util.Map;

/** What a run did: the plan, and each step that failed or was skipped because of a failure. */
public record RunReport(
    List<PlannedStep> plan,
    List<StepUri> done,
    Map<StepUri, String> failed,
    Map<StepUri, String> skipped) {

  public boolean succeeded() {
    return failed.isEmpty() && skipped.isEmpty();
  }

  /** One line naming each failed step and why, for the build failure message. */
  public String failureSummary() {
    StringBuilder text = new StringBuilder();
    text.append(failed.size()).append(failed.size() == 1 ? " step failed: " : " steps failed: ");
    text.append(
        String.join(
            "; ", failed.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue()).toList()));
    if (!skipped.isEmpty()) {
      text.append("; not run because of it: ")
          .append(String.join(", ", skipped.keySet().stream().map(StepUri::toString).toList()));
    }
    return text.toString();
  }
}
