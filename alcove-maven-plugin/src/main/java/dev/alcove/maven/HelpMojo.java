package dev.alcove.maven;

import dev.alcove.core.store.config.StoreKind;
import dev.alcove.core.store.config.StoreKinds;
import dev.alcove.core.store.config.StoreSetting;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.descriptor.MojoDescriptor;
import org.apache.maven.plugin.descriptor.Parameter;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * Describes the goals: each with what it does and, with {@code -Ddetail}, its own parameters first;
 * the store and S3 settings that every goal shares come once, at the end. {@code -Dgoal=run} shows
 * one goal.
 */
@Mojo(name = "help", requiresProject = false, threadSafe = true)
public class HelpMojo extends AbstractMojo {

  /**
   * The goals' flat parameters that are a store kind's settings: described with their kind, from
   * the kinds themselves, rather than as parameters.
   */
  static final Set<String> KIND_SETTINGS =
      StoreKinds.ALL.stream()
          .flatMap(kind -> kind.settings().stream())
          .map(StoreSetting::name)
          .collect(java.util.stream.Collectors.toUnmodifiableSet());

  /** The settings of the store that every goal takes, shown once rather than under each goal. */
  static final Set<String> STORE_SETTINGS = union(Set.of("store", "serverId", "cacheDir"));

  private static Set<String> union(Set<String> shared) {
    Set<String> all = new java.util.HashSet<>(shared);
    all.addAll(KIND_SETTINGS);
    return Set.copyOf(all);
  }

  private static final int WIDTH = 80;

  /** Shows each goal's parameters, and the shared store settings. */
  @org.apache.maven.plugins.annotations.Parameter(property = "detail", defaultValue = "false")
  private boolean detail;

  /** Only this goal, e.g. {@code run}. */
  @org.apache.maven.plugins.annotations.Parameter(property = "goal")
  private String goal;

  @org.apache.maven.plugins.annotations.Parameter(defaultValue = "${plugin}", readonly = true)
  private PluginDescriptor plugin;

  @Override
  public void execute() {
    getLog().info(text());
  }

  String text() {
    StringBuilder out = new StringBuilder();
    out.append(plugin.getName()).append(' ').append(plugin.getVersion()).append('\n');
    wrap(out, plugin.getDescription(), 2);
    List<MojoDescriptor> goals = new ArrayList<>(plugin.getMojos());
    goals.sort(Comparator.comparing(MojoDescriptor::getGoal));
    wrap(
        out,
        "Goals: " + String.join(", ", goals.stream().map(MojoDescriptor::getGoal).toList()) + ".",
        2);
    out.append('\n');
    Map<String, Parameter> shared = new LinkedHashMap<>();
    boolean found = false;
    for (MojoDescriptor mojo : goals) {
      if (goal != null && !goal.isBlank() && !goal.strip().equals(mojo.getGoal())) {
        continue;
      }
      found = true;
      out.append("alcove:").append(mojo.getGoal()).append('\n');
      wrap(out, mojo.getDescription(), 2);
      if (detail) {
        List<Parameter> own = new ArrayList<>();
        boolean takesStore = false;
        for (Parameter parameter : parameters(mojo)) {
          if (STORE_SETTINGS.contains(parameter.getName())) {
            shared.putIfAbsent(parameter.getName(), parameter);
            takesStore = true;
          } else {
            own.add(parameter);
          }
        }
        if (!own.isEmpty()) {
          out.append("\n  Parameters:\n");
          own.forEach(parameter -> describe(out, parameter));
        }
        if (takesStore) {
          out.append("\n  And the store settings below.\n");
        }
      }
      out.append('\n');
    }
    if (!found) {
      out.append("No goal '").append(goal).append("'; leave out -Dgoal to see every goal.\n");
    }
    if (!shared.isEmpty()) {
      out.append("Store settings, taken by every goal that reads or writes the store:\n");
      shared.values().stream()
          .filter(parameter -> !KIND_SETTINGS.contains(parameter.getName()))
          .sorted(Comparator.comparing(Parameter::getName))
          .forEach(parameter -> describe(out, parameter));
      StoreKinds.ALL.forEach(kind -> describe(out, kind, shared.keySet()));
    } else if (!detail) {
      out.append("mvn alcove:help -Ddetail [-Dgoal=<goal>] shows the parameters.\n");
    }
    return out.toString();
  }

  private static List<Parameter> parameters(MojoDescriptor mojo) {
    List<Parameter> shown = new ArrayList<>();
    for (Parameter parameter :
        mojo.getParameters() == null ? List.<Parameter>of() : mojo.getParameters()) {
      if (parameter.isEditable()) {
        shown.add(parameter);
      }
    }
    shown.sort(Comparator.comparing(Parameter::getName));
    return shown;
  }

  private static void describe(StringBuilder out, Parameter parameter) {
    out.append("\n    ").append(parameter.getName());
    if (parameter.getDefaultValue() != null && !parameter.getDefaultValue().isEmpty()) {
      out.append(" (default: ").append(parameter.getDefaultValue()).append(')');
    }
    out.append('\n');
    wrap(out, parameter.getDescription(), 6);
    String property = property(parameter.getExpression());
    if (property != null) {
      out.append("      User property: ").append(property).append('\n');
    }
  }

  /**
   * A kind of store and its settings, each with every way to give it; {@code flat} names the
   * settings a goal also takes as a parameter of their own ({@code <bucket>}).
   */
  private static void describe(StringBuilder out, StoreKind kind, Set<String> flat) {
    out.append('\n');
    wrap(out, "Kind " + kind.name() + ", <store><" + kind.name() + ">: " + kind.description(), 2);
    for (StoreSetting setting : kind.settings()) {
      out.append("\n    ").append(setting.name()).append('\n');
      wrap(out, setting.description(), 6);
      String forms =
          "In the pom: <store><"
              + kind.name()
              + "><"
              + setting.name()
              + ">"
              + (flat.contains(setting.name()) ? " or <" + setting.name() + ">" : "")
              + ". User property: "
              + setting.property()
              + "."
              + (setting.environment().isEmpty()
                  ? ""
                  : " Environment and .env: " + String.join(", ", setting.environment()) + ".");
      wrap(out, forms, 6);
    }
  }

  private static String property(String expression) {
    if (expression == null || !expression.startsWith("${") || !expression.endsWith("}")) {
      return null;
    }
    return expression.substring(2, expression.length() - 1);
  }

  /** The descriptor's HTML as plain text, wrapped at {@link #WIDTH} columns. */
  static void wrap(StringBuilder out, String html, int indent) {
    if (html == null || html.isBlank()) {
      return;
    }
    String text =
        // The descriptor holds plain text: <step> is the pom element, not markup to strip.
        html.replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&quot;", "\"")
            .replace("&#39;", "'")
            .replace("&nbsp;", " ")
            .replace("&amp;", "&")
            .replaceAll("\\s+", " ")
            .strip();
    StringBuilder line = new StringBuilder();
    for (String word : text.split(" ")) {
      if (line.length() > 0 && indent + line.length() + 1 + word.length() > WIDTH) {
        out.append(" ".repeat(indent)).append(line).append('\n');
        line.setLength(0);
      }
      if (line.length() > 0) {
        line.append(' ');
      }
      line.append(word);
    }
    if (line.length() > 0) {
      out.append(" ".repeat(indent)).append(line).append('\n');
    }
  }
}
