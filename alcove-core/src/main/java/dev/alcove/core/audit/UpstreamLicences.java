package dev.alcove.core.audit;

import dev.alcove.core.catalogue.StepGraph;
import dev.alcove.core.errors.AlcoveException;
import dev.alcove.core.layout.AlcoveLayout;
import dev.alcove.core.metadata.SnapshotMetadata;
import dev.alcove.core.uri.StepUri;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The snapshots upstream of each step and the licences their sidecars carry, read once per
 * snapshot. Ask for steps in the graph's order (every input first) so that no step's answer needs
 * deep recursion.
 */
public final class UpstreamLicences {

  static final String LICENSE = "license";

  private final AlcoveLayout layout;
  private final StepGraph graph;
  private final Map<StepUri, Set<StepUri>> snapshotsUpstream = new HashMap<>();
  private final Map<StepUri, Optional<String>> snapshotLicences = new HashMap<>();

  public UpstreamLicences(AlcoveLayout layout, StepGraph graph) {
    this.layout = layout;
    this.graph = graph;
  }

  /** Every snapshot the step is built from, directly or through other tables. */
  public Set<StepUri> snapshots(StepUri step) {
    Set<StepUri> known = snapshotsUpstream.get(step);
    if (known != null) {
      return known;
    }
    Set<StepUri> found = new TreeSet<>();
    for (StepUri dep : graph.dependencies(step)) {
      if (dep.isSnapshot()) {
        found.add(dep);
      } else {
        found.addAll(snapshots(dep));
      }
    }
    snapshotsUpstream.put(step, found);
    return found;
  }

  /** Each distinct licence upstream of the step, with the snapshots that carry it. */
  public Map<String, List<StepUri>> licences(StepUri step) {
    Map<String, List<StepUri>> licences = new TreeMap<>();
    for (StepUri snapshot : snapshots(step)) {
      licenceOf(snapshot)
          .ifPresent(l -> licences.computeIfAbsent(l, k -> new ArrayList<>()).add(snapshot));
    }
    return licences;
  }

  /** The licence a snapshot's sidecar names; empty when it has none or cannot be read. */
  public Optional<String> licenceOf(StepUri snapshot) {
    return snapshotLicences.computeIfAbsent(
        snapshot,
        uri -> {
          try {
            return SnapshotMetadata.readIfExists(layout.snapshotSidecar(uri), uri)
                .map(m -> m.descriptive().get(LICENSE));
          } catch (AlcoveException e) {
            return Optional.empty();
          }
        });
  }
}
