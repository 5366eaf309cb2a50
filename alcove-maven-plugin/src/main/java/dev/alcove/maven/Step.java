package dev.alcove.maven;

import java.util.ArrayList;
import java.util.List;

/**
 * A step declared in the pom, as {@code <step><uri>table://x/latest</uri><dependencies>
 * <dependency>snapshot://a/latest</dependency></dependencies></step>}.
 */
public class Step {
  /** The step's URI, e.g. {@code table://countries/summary/latest}. */
  private String uri;

  /** URIs of the steps it depends on; a {@code latest} one resolves to the newest version. */
  private List<String> dependencies = new ArrayList<>();

  public String getUri() {
    return uri;
  }

  public void setUri(String uri) {
    this.uri = uri;
  }

  public List<String> getDependencies() {
    return dependencies;
  }

  public void setDependencies(List<String> dependencies) {
    this.dependencies = dependencies;
  }
}
