package dev.alcove.core.run;

import dev.alcove.core.uri.StepUri;

/** One step of a run and what the run will do with it, with the reason. */
public record PlannedStep(StepUri uri, Action action, String reason) {

  /** What a run does with a step. */
  public enum Action {
    UP_TO_DATE,
    RESTORE,
    BUILD
  }

  public boolean runs() {
    return action != Action.UP_TO_DATE;
  }

  public String describe() {
    return switch (action) {
      case UP_TO_DATE -> uri + ": up to date";
      case RESTORE -> uri + ": restore (" + reason + ")";
      case BUILD -> uri + ": build (" + reason + ")";
    };
  }
}
