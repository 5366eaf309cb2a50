package dev.alcove.core.store.config;

import java.util.List;
import java.util.Map;

/**
 * One kind of store (a local folder, S3): its name in the pom ({@code <store><s3>}), the settings
 * it takes, how it knows it was meant when the pom does not name a kind, and how it reads,
 * validates and resolves its settings into a {@link StoreSpec}. The kinds are listed once, in
 * {@link StoreKinds}; the resolver, the front end's configuration and help read that list.
 */
public interface StoreKind {

  /** The kind's element in the pom's {@code <store>}, e.g. {@code s3}. */
  String name();

  /** What the kind is and when it is chosen, for help. */
  String description();

  /** The settings the kind takes, for validation and help. */
  List<StoreSetting> settings();

  /** Whether the settings found anywhere mean this kind, when the pom names none. */
  boolean meant(SettingChain chain);

  /**
   * The store these settings describe.
   *
   * @param configured this kind's settings from the pom or flat properties, by setting name
   * @param chain every place settings are read from, first first
   * @param options what the front end gives every kind
   */
  StoreSpec spec(Map<String, String> configured, SettingChain chain, StoreOptions options);
}
