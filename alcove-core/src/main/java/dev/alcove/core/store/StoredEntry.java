package dev.alcove.core.store;

import java.time.Instant;

/** An entry as a store lists it: its name, its size and when it was last written. */
public record StoredEntry(String name, long size, Instant modified) {}
