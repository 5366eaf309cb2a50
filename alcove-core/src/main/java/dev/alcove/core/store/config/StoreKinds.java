package dev.alcove.core.store.config;

import dev.alcove.core.errors.AlcoveException;
import java.util.List;

/** Every kind of store alcove knows, in the order they are tried when the pom names none. */
public final class StoreKinds {

  /** The local store comes last: it is what an alcove uses when nothing else is meant. */
  public static final List<StoreKind> ALL = List.of(S3StoreKind.INSTANCE, LocalStoreKind.INSTANCE);

  private StoreKinds() {}

  public static StoreKind named(String name) {
    return ALL.stream()
        .filter(kind -> kind.name().equals(name))
        .findFirst()
        .orElseThrow(
            () ->
                new AlcoveException(
                    "no store kind '" + name + "': alcove knows " + String.join(", ", names())));
  }

  public static List<String> names() {
    return ALL.stream().map(StoreKind::name).toList();
  }
}
