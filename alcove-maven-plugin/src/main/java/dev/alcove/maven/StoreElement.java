package dev.alcove.maven;

import dev.alcove.core.errors.AlcoveException;
import dev.alcove.core.store.config.LocalStoreKind;
import dev.alcove.core.store.config.StoreConfiguration;
import dev.alcove.core.store.config.StoreKind;
import dev.alcove.core.store.config.StoreKinds;
import dev.alcove.core.store.config.StoreSetting;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.codehaus.plexus.configuration.PlexusConfiguration;

/**
 * Reads the pom's {@code <store>} into the core's {@link StoreConfiguration}: {@code
 * <store><s3><bucket>lake</bucket></s3></store>} chooses a kind and gives its settings; the short
 * form {@code <store>folder</store>} gives the local store's folder. A setting the element does not
 * give comes from the goal's flat parameter of the same name ({@code <bucket>}, {@code
 * -Dalcove.bucket}), else from its property. Nothing here knows a kind: they come from {@link
 * StoreKinds}.
 */
final class StoreElement {

  static final String WHERE = "pom <store>";

  /** The short form {@code <store>folder</store>} is the local store's folder. */
  private static final String LOCAL = LocalStoreKind.INSTANCE.name();

  private static final String FOLDER = "folder";

  private StoreElement() {}

  /**
   * @param element the pom's {@code <store>}, or null
   * @param flat the goal's flat store parameters, by their property ({@code alcove.bucket})
   * @param properties Maven's properties, the command line's first
   * @param basedir what a relative folder is resolved against, as Maven resolves files
   */
  static StoreConfiguration read(
      PlexusConfiguration element,
      Map<String, String> flat,
      Function<String, Optional<String>> properties,
      Path basedir) {
    Optional<String> chosen = Optional.empty();
    Map<String, Map<String, String>> settings = new LinkedHashMap<>();
    if (element != null && element.getChildCount() == 0) {
      Optional.ofNullable(element.getValue(null))
          .filter(value -> !value.isBlank())
          .ifPresent(folder -> settings.put(LOCAL, new LinkedHashMap<>(Map.of(FOLDER, folder))));
    } else if (element != null) {
      for (PlexusConfiguration kind : element.getChildren()) {
        if (chosen.isPresent()) {
          throw new AlcoveException(
              WHERE
                  + " names two kinds ("
                  + chosen.get()
                  + ", "
                  + kind.getName()
                  + "): choose one of "
                  + String.join(", ", StoreKinds.names()));
        }
        chosen = Optional.of(named(kind.getName()).name());
        Map<String, String> values =
            settings.computeIfAbsent(chosen.get(), k -> new LinkedHashMap<>());
        for (PlexusConfiguration setting : kind.getChildren()) {
          if (setting.getChildCount() > 0) {
            throw new AlcoveException(
                WHERE
                    + "<"
                    + kind.getName()
                    + "><"
                    + setting.getName()
                    + "> holds elements: a setting takes one value");
          }
          values.put(setting.getName(), setting.getValue(""));
        }
      }
    }
    for (StoreKind kind : StoreKinds.ALL) {
      Map<String, String> values =
          settings.computeIfAbsent(kind.name(), k -> new LinkedHashMap<>());
      for (StoreSetting setting : kind.settings()) {
        if (!values.containsKey(setting.name())) {
          Optional.ofNullable(flat.get(setting.property()))
              .or(() -> properties.apply(setting.property()))
              .filter(value -> !value.isBlank())
              .ifPresent(value -> values.put(setting.name(), value));
        }
      }
    }
    settings
        .get(LOCAL)
        .computeIfPresent(FOLDER, (name, folder) -> basedir.resolve(folder).toString());
    return new StoreConfiguration(chosen, settings, WHERE);
  }

  private static StoreKind named(String name) {
    try {
      return StoreKinds.named(name);
    } catch (AlcoveException e) {
      throw new AlcoveException(WHERE + ": " + e.getMessage());
    }
  }
}
