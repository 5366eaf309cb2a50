package dev.alcove.core.store.config;

import dev.alcove.core.http.ProxySelection;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The places store settings come from, first first: each setting is taken from the first source
 * that holds it under any of its names (alcove's own name before AWS's within a source).
 */
public record SettingChain(List<SettingSource> sources) {

  public SettingChain {
    sources = List.copyOf(sources);
  }

  public Optional<Found> first(String... keys) {
    for (SettingSource source : sources) {
      Optional<java.util.Map.Entry<String, String>> hit = source.first(List.of(keys));
      if (hit.isPresent()) {
        return Optional.of(new Found(hit.get().getValue(), hit.get().getKey(), source.name()));
      }
    }
    return Optional.empty();
  }

  /** The chain as the proxy selection reads it. */
  public ProxySelection.Variables asProxyVariables() {
    return names ->
        first(names).map(found -> new ProxySelection.Variable(found.value(), found.where()));
  }

  /** The first source that holds any of {@code keys}. */
  public Optional<SettingSource> firstHolding(String... keys) {
    for (SettingSource source : sources) {
      if (source.first(List.of(keys)).isPresent()) {
        return Optional.of(source);
      }
    }
    return Optional.empty();
  }

  /** Every source's name, in order, for a message that says where alcove looked. */
  public String places() {
    List<String> names = new ArrayList<>();
    sources.forEach(source -> names.add(source.name()));
    return String.join(", ", names);
  }
}
