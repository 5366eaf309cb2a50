package dev.alcove.core.store;

import dev.alcove.core.checksum.Checksum;
import dev.alcove.core.errors.AlcoveException;

/** The store has no object for a checksum. */
public class ObjectMissingException extends AlcoveException {
  public ObjectMissingException(String store, Checksum checksum) {
    super("object " + ObjectKeys.relativeKey(checksum) + " is not in " + store);
  }
}
