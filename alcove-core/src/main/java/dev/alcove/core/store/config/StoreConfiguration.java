package dev.alcove.core.store.config;

import dev.alcove.core.errors.AlcoveException;
import dev.alcove.core.text.NearestNames;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The store settings the front end was given (the pom's {@code <store>} and the flat {@code
 * alcove.*} properties), by kind and setting name, checked against the kinds: an unknown kind or
 * setting, or settings of a kind other than the one chosen, is refused in one line naming {@code
 * where} they were given.
 *
 * @param kind the kind the pom names ({@code <store><s3>}), if it names one; otherwise the kinds
 *     decide from the settings found
 * @param settings by kind name, then setting name
 * @param where how messages name the place, e.g. {@code pom <store>}
 */
public record StoreConfiguration(
    Optional<String> kind, Map<String, Map<String, String>> settings, String where) {

  public StoreConfiguration {
    Map<String, Map<String, String>> kept = new LinkedHashMap<>();
    settings.forEach(
        (name, values) -> {
          Map<String, String> nonBlank = new LinkedHashMap<>();
          values.forEach(
              (setting, value) -> {
                if (value != null && !value.isBlank()) {
                  nonBlank.put(setting, value.strip());
                }
              });
          if (!nonBlank.isEmpty()) {
            kept.put(name, Map.copyOf(nonBlank));
          }
        });
    settings = Map.copyOf(kept);
    kind.ifPresent(StoreKinds::named);
    for (Map.Entry<String, Map<String, String>> given : settings.entrySet()) {
      StoreKind owner = StoreKinds.named(given.getKey());
      List<String> known = owner.settings().stream().map(StoreSetting::name).toList();
      for (String setting : given.getValue().keySet()) {
        if (!known.contains(setting)) {
          throw new AlcoveException(
              where
                  + ": the "
                  + owner.name()
                  + " store has no setting '"
                  + setting
                  + "'"
                  + NearestNames.of(setting, known, 2)
                      .map(near -> " (did you mean " + String.join(" or ", near) + "?)")
                      .orElse("; it takes " + String.join(", ", known)));
        }
      }
      if (kind.isPresent()
          && !kind.get().equals(owner.name())
          && !owner.equals(LocalStoreKind.INSTANCE)) {
        throw new AlcoveException(
            where
                + " chooses the "
                + kind.get()
                + " store, but "
                + owner.name()
                + " settings are given too ("
                + String.join(", ", given.getValue().keySet())
                + "): remove them, or choose "
                + owner.name());
      }
    }
  }

  /** Nothing configured: the kinds decide from the environment and {@code .env}. */
  public static StoreConfiguration none() {
    return new StoreConfiguration(Optional.empty(), Map.of(), "the plugin configuration");
  }

  /** The settings given for {@code kind}. */
  public Map<String, String> of(StoreKind kind) {
    return settings.getOrDefault(kind.name(), Map.of());
  }
}
