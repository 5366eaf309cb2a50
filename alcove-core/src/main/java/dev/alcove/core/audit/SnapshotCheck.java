package dev.alcove.core.audit;

import dev.alcove.core.checksum.Checksum;
import dev.alcove.core.context.GoalContext;
import dev.alcove.core.errors.AlcoveException;
import dev.alcove.core.frontend.Goal;
import dev.alcove.core.frontend.Setting;
import dev.alcove.core.layout.AlcoveLayout;
import dev.alcove.core.layout.DataGitignore;
import dev.alcove.core.metadata.SnapshotMetadata;
import dev.alcove.core.metadata.SnapshotType;
import dev.alcove.core.snapshot.RestoreSnapshot;
import dev.alcove.core.store.Depot;
import dev.alcove.core.uri.StepUri;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A snapshot: its sidecar reads, a folder's checksum is that of its manifest (recomputed with fix),
 * the local data matches it, its licence and source are described, and, asked for, the store holds
 * every object it names.
 */
final class SnapshotCheck implements StepCheck {

  @Override
  public List<Finding> check(AuditScope scope, StepUri uri) {
    if (!uri.isSnapshot()) {
      return List.of();
    }
    AlcoveLayout layout = scope.layout;
    RestoreSnapshot snapshots = scope.snapshots;
    AuditOptions options = scope.options;
    GoalContext context = scope.context;
    Optional<AuditScope.Remote> remote =
        options.remote() ? Optional.of(scope.remote()) : Optional.empty();
    String subject = uri.toString();
    Path sidecar = layout.snapshotSidecar(uri);
    SnapshotMetadata metadata;
    try {
      Optional<SnapshotMetadata> read = remote.map(r -> r.sidecars().get(uri));
      metadata = read.isPresent() ? read.get() : SnapshotMetadata.read(sidecar, uri);
    } catch (NoSuchFileException e) {
      return List.of(
          Finding.error(
              subject, "no sidecar " + layout.relative(sidecar) + ": take the snapshot again"));
    } catch (AlcoveException e) {
      return List.of(Finding.error(subject, e.getMessage()));
    }
    Path data = snapshots.dataPath(metadata);
    scope.owned.add(AuditScope.normalised(data));
    scope.snapshotEntries.add(
        DataGitignore.snapshotEntry(layout, data, metadata.type() == SnapshotType.DIRECTORY));
    List<Finding> findings = new ArrayList<>();
    if (metadata.type() == SnapshotType.DIRECTORY) {
      Checksum fromManifest = metadata.manifest().orElseThrow().checksum();
      if (!fromManifest.equals(metadata.checksum())) {
        if (options.fix()) {
          metadata.withChecksum(fromManifest).write(sidecar);
          findings.add(
              Finding.fixed(
                  subject,
                  "checksum in " + layout.relative(sidecar) + " recomputed from its manifest"));
          metadata = metadata.withChecksum(fromManifest);
        } else {
          findings.add(
              Finding.error(
                  subject,
                  "checksum in "
                      + layout.relative(sidecar)
                      + " is not that of its manifest (fix with "
                      + context.frontEnd().set(Setting.FIX, "true")
                      + ")"));
        }
      }
    }
    if (Files.exists(data)) {
      Optional<String> problem = snapshots.problem(metadata);
      problem.ifPresent(
          p ->
              findings.add(
                  Finding.error(
                      subject,
                      p
                          + " in "
                          + layout.relative(data)
                          + ": "
                          + context.frontEnd().run(Goal.RUN)
                          + " restores it from the store")));
    }
    for (String field : List.of("license", "source_url")) {
      if (metadata.descriptive().get(field) == null) {
        String message = "no " + field + " in " + layout.relative(sidecar);
        findings.add(
            options.strict() ? Finding.error(subject, message) : Finding.warning(subject, message));
      }
    }
    for (String field : List.of("source_url", "license_url")) {
      String url = metadata.descriptive().get(field);
      if (url != null && !url.matches("(?i)https?://\\S+")) {
        // The Python tool's schema refuses the whole sidecar for it.
        String message =
            field + " '" + url + "' in " + layout.relative(sidecar) + " is not an http(s) URL";
        findings.add(
            options.strict() ? Finding.error(subject, message) : Finding.warning(subject, message));
      }
    }
    if (remote.isPresent()) {
      Depot depot = remote.get().depot();
      List<Checksum> objects = metadata.objects();
      long missing = objects.stream().filter(sum -> !remote.get().present().contains(sum)).count();
      if (missing > 0) {
        findings.add(
            Finding.error(
                subject,
                missing
                    + " of "
                    + objects.size()
                    + " objects missing from "
                    + depot.describe()
                    + (depot.remote()
                        ? ": "
                            + context.frontEnd().run(Goal.PUSH)
                            + " uploads them from the local data or the local store"
                        : "")));
      }
    }
    if (findings.stream().noneMatch(f -> f.severity() != Finding.Severity.OK)) {
      findings.add(
          Files.exists(data) ? Finding.ok(subject) : Finding.ok(subject, "data not restored here"));
    }
    return findings;
  }
}
