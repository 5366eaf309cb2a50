package dev.alcove.core.run.runner;

import dev.alcove.core.errors.AlcoveException;

/** A step's definition ran and failed: bad SQL, a program's non-zero exit, no output. */
public class StepFailedException extends AlcoveException {
  public StepFailedException(String message) {
    super(message);
  }
}
