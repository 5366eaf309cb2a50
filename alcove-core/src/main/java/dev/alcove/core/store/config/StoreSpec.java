package dev.alcove.core.store.config;

import dev.alcove.core.frontend.FrontEnd;
import dev.alcove.core.log.AlcoveLog;
import dev.alcove.core.store.ObjectStore;

/**
 * Which store an alcove uses, with every setting resolved, as its {@link StoreKind} decided it:
 * enough to describe it in messages and to open it.
 */
public interface StoreSpec {

  /** Where the store is, for messages: never a secret. */
  String describe();

  /** Whether reaching the store takes the network, which offline mode forbids. */
  boolean remote();

  /** Opens the store, whose messages use {@code frontEnd}'s words; the caller closes it. */
  ObjectStore open(AlcoveLog log, FrontEnd frontEnd);
}
