package dev.alcove.core.catalogue;

import dev.alcove.core.uri.StepUri;
import java.util.List;

/** One step as declared somewhere (alcove.yaml or the pom): its URI and its dependencies. */
public record StepDeclaration(StepUri uri, List<StepUri> dependencies) {
  public StepDeclaration {
    dependencies = List.copyOf(dependencies);
  }

  public static StepDeclaration parse(String uri, List<String> dependencies) {
    return new StepDeclaration(
        StepUri.parse(uri == null ? "" : uri.strip()),
        dependencies == null
            ? List.of()
            : dependencies.stream().map(String::strip).map(StepUri::parse).toList());
  }
}
