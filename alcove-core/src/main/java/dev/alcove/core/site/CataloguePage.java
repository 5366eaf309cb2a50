package dev.alcove.core.site;

import dev.alcove.core.Alcove;
import dev.alcove.core.audit.UpstreamLicences;
import dev.alcove.core.catalogue.StepGraph;
import dev.alcove.core.duckdb.ParquetInspector;
import dev.alcove.core.errors.AlcoveException;
import dev.alcove.core.layout.AlcoveLayout;
import dev.alcove.core.metadata.DescriptiveFields;
import dev.alcove.core.metadata.SnapshotMetadata;
import dev.alcove.core.metadata.SnapshotType;
import dev.alcove.core.metadata.TableMetadata;
import dev.alcove.core.progress.ProgressReporter;
import dev.alcove.core.quality.DataTest;
import dev.alcove.core.quality.Severity;
import dev.alcove.core.quality.TableConfig;
import dev.alcove.core.run.runner.StepKinds;
import dev.alcove.core.table.StepDefinitions;
import dev.alcove.core.tabledata.TableData;
import dev.alcove.core.tabledata.TablesInStore;
import dev.alcove.core.uri.StepUri;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The data catalogue as one self-contained HTML page: a lineage picture drawn here as SVG, then a
 * section per snapshot and table with where it came from, its licence, what it holds and what
 * depends on it. It reads metadata and Parquet footers only: it builds nothing and needs no store;
 * what is missing is shown as missing. Every piece of user text is escaped.
 */
public final class CataloguePage {

  /** Above this many steps the picture shows one node per first path segment. */
  static final int GROUP_ABOVE = 150;

  private final Alcove alcove;
  private final AlcoveLayout layout;
  private final StepGraph graph;
  private final StepStates states;
  private final UpstreamLicences licences;
  private final TableData tableData;

  public CataloguePage(Alcove alcove, StepStates states, TableData tableData) {
    this.tableData = tableData;
    this.alcove = alcove;
    this.layout = alcove.layout();
    this.graph = StepGraph.of(alcove.catalogue());
    this.states = states;
    this.licences = new UpstreamLicences(layout, graph);
  }

  /**
   * The whole page, standalone: its own style, nothing fetched from elsewhere.
   *
   * @param pageFolder where the page is written, for links to the steps' definitions
   */
  public String html(String title, Path pageFolder) {
    return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
        + "<title>"
        + Html.escape(title)
        + "</title><style>"
        + PAGE_STYLE
        + STYLE
        + "</style></head><body>\n<header><h1>"
        + Html.escape(title)
        + "</h1><p>"
        + summary()
        + "</p></header>\n<main class=\""
        + SCOPE
        + "\">"
        + content(pageFolder)
        + "</main></body></html>\n";
  }

  /**
   * The catalogue inside another page (a Maven site's report): its style scoped to the block, so
   * that the site's look stays the site's.
   */
  public String fragment(Path pageFolder) {
    return "<style>"
        + STYLE
        + "</style><div class=\""
        + SCOPE
        + "\"><p>"
        + summary()
        + "</p>"
        + content(pageFolder)
        + "</div>\n";
  }

  private String summary() {
    return count(true)
        + " snapshots, "
        + count(false)
        + " tables. Click a step in the picture to read about it.";
  }

  private String content(Path pageFolder) {
    StringBuilder page = new StringBuilder();
    page.append("<section class=\"lineage\"><h2>Lineage</h2>").append(LEGEND);
    List<StepUri> order = graph.order();
    if (order.size() > GROUP_ABOVE) {
      page.append(groupPicture(order));
    } else {
      page.append(picture(order));
    }
    page.append("</section>\n");
    try (Footers footers = new Footers()) {
      StepDefinitions.withListingCache(
          () -> {
            for (StepUri uri : order) {
              page.append(
                  uri.isSnapshot() ? snapshotSection(uri) : tableSection(uri, footers, pageFolder));
            }
            return null;
          });
    }
    return page.toString();
  }

  private long count(boolean snapshots) {
    return graph.order().stream().filter(u -> u.isSnapshot() == snapshots).count();
  }

  /** DuckDB, opened for the first table built here: a catalogue of unbuilt steps needs none. */
  private static final class Footers implements AutoCloseable {
    private ParquetInspector inspector;

    long rowCount(Path parquet) throws SQLException {
      if (inspector == null) {
        inspector = new ParquetInspector();
      }
      return inspector.rowCount(parquet);
    }

    @Override
    public void close() {
      if (inspector != null) {
        try {
          inspector.close();
        } catch (SQLException e) {
          // Read-only, in memory: nothing is lost.
        }
      }
    }
  }

  /**
   * SVG path data through {@code points}: straight across a layer, curved (horizontal at both ends)
   * between layers.
   */
  static String pathData(List<int[]> points) {
    StringBuilder d =
        new StringBuilder("M").append(points.get(0)[0]).append(',').append(points.get(0)[1]);
    for (int i = 1; i < points.size(); i++) {
      int[] a = points.get(i - 1);
      int[] b = points.get(i);
      if (i % 2 == 0) {
        d.append(" L").append(b[0]).append(',').append(b[1]);
      } else {
        int bend = (b[0] - a[0]) / 2;
        d.append(" C")
            .append(a[0] + bend)
            .append(',')
            .append(a[1])
            .append(' ')
            .append(b[0] - bend)
            .append(',')
            .append(b[1])
            .append(' ')
            .append(b[0])
            .append(',')
            .append(b[1]);
      }
    }
    return d.toString();
  }

  /** The SVG of {@code steps} and the edges among them, each node a link to its section. */
  String picture(List<StepUri> steps) {
    Set<StepUri> shown = new TreeSet<>(steps);
    Map<StepUri, List<StepUri>> inputs = new LinkedHashMap<>();
    for (StepUri uri : steps) {
      inputs.put(uri, graph.dependencies(uri).stream().filter(shown::contains).toList());
    }
    LineageLayout<StepUri> placed =
        new LineageLayout<>(steps, inputs, Comparator.comparing(StepUri::toString));
    StringBuilder svg = new StringBuilder();
    svg.append("<svg class=\"dag\" xmlns=\"http://www.w3.org/2000/svg\" width=\"")
        .append(placed.width())
        .append("\" height=\"")
        .append(placed.height())
        .append("\" viewBox=\"0 0 ")
        .append(placed.width())
        .append(' ')
        .append(placed.height())
        // Shrunk to fit the page, but no further than labels stay readable: then it scrolls.
        .append("\" style=\"min-width:")
        .append(placed.width() * 3 / 5)
        .append("px\" role=\"img\" aria-label=\"lineage of the steps\">");
    inputs.forEach(
        (uri, ins) -> {
          for (StepUri in : ins) {
            svg.append("<path class=\"edge\" d=\"")
                .append(pathData(placed.route(in, uri)))
                .append("\"/>");
          }
        });
    for (StepUri uri : steps) {
      LineageLayout.Box box = placed.boxes().get(uri);
      String label = uri.toString();
      // The colour says snapshot or table: the label is the path, its end kept when too long.
      String path = label.substring(label.indexOf("://") + 3);
      String shownLabel = path.length() > 31 ? "…" + path.substring(path.length() - 30) : path;
      svg.append("<a href=\"#")
          .append(Html.anchor(label))
          .append("\"><g class=\"node ")
          .append(uri.isSnapshot() ? "kind-snapshot" : "kind-table")
          .append(' ')
          .append(states.of(uri).kind().cssClass())
          .append("\" data-uri=\"")
          .append(Html.escape(label))
          .append("\"><title>")
          .append(Html.escape(label + "\n" + states.of(uri).describe()))
          .append("</title><rect x=\"")
          .append(box.x())
          .append("\" y=\"")
          .append(box.y())
          .append("\" width=\"")
          .append(LineageLayout.NODE_WIDTH)
          .append("\" height=\"")
          .append(LineageLayout.NODE_HEIGHT)
          .append("\" rx=\"6\"/><text x=\"")
          .append(box.x() + 10)
          .append("\" y=\"")
          .append(box.y() + 21)
          .append("\">")
          .append(Html.escape(shownLabel))
          .append("</text></g></a>");
    }
    return svg.append("</svg>").toString();
  }

  /** One picture of the groups (first path segments), then one per group under its heading. */
  private String groupPicture(List<StepUri> order) {
    Map<String, List<StepUri>> groups = new TreeMap<>();
    for (StepUri uri : order) {
      groups.computeIfAbsent(uri.names().get(0), k -> new ArrayList<>()).add(uri);
    }
    StringBuilder html =
        new StringBuilder("<p>")
            .append(order.size())
            .append(" steps in ")
            .append(groups.size())
            .append(" groups by their first path segment: open a group to see its steps.</p>");
    groups.forEach(
        (name, steps) ->
            html.append("<details class=\"group\"><summary>")
                .append(Html.escape(name))
                .append(" (")
                .append(steps.size())
                .append(" steps)</summary><div class=\"scroll\">")
                .append(picture(steps))
                .append("</div></details>"));
    return html.toString();
  }

  private String snapshotSection(StepUri uri) {
    StringBuilder html = sectionStart(uri, "kind-snapshot");
    Optional<SnapshotMetadata> metadata = readSnapshot(uri);
    if (metadata.isEmpty()) {
      return html.append("<p class=\"missing\">No sidecar: take the snapshot.</p></section>\n")
          .toString();
    }
    SnapshotMetadata m = metadata.get();
    descriptive(html, m.descriptive());
    html.append("<dl>");
    row(html, "checksum", "<code>" + m.checksum().hex() + "</code>");
    Path data = m.dataPath(layout);
    if (m.type() == SnapshotType.DIRECTORY) {
      row(html, "files", String.valueOf(m.manifest().map(x -> x.size()).orElse(0)));
    } else if (Files.isRegularFile(data)) {
      row(html, "size", size(data));
    }
    row(
        html,
        "data",
        "<code>"
            + Html.escape(layout.relative(data))
            + "</code>"
            + (Files.exists(data) ? "" : " (not restored here)"));
    List<StepUri> versions =
        alcove.catalogue().steps().keySet().stream().filter(uri::sameDataset).sorted().toList();
    row(html, "versions", links(versions));
    if (versions.size() > 1 && versions.get(versions.size() - 1).equals(uri)) {
      snapshotHistory(html, versions);
    }
    row(html, "used by", links(graph.dependents(uri)));
    return html.append("</dl></section>\n").toString();
  }

  /**
   * A dataset's last versions, newest first, each with how it differs from the one before, from the
   * sidecars alone (a folder's manifests, a file's checksum and, where both are here, sizes): shown
   * once, on the newest version.
   */
  private void snapshotHistory(StringBuilder html, List<StepUri> versions) {
    StringBuilder list = new StringBuilder("<ul>");
    for (int i = versions.size() - 1; i >= Math.max(1, versions.size() - 5); i--) {
      Optional<SnapshotMetadata> before = readSnapshot(versions.get(i - 1));
      Optional<SnapshotMetadata> after = readSnapshot(versions.get(i));
      String change =
          before.isPresent() && after.isPresent()
              ? snapshotChange(before.get(), after.get())
              : "no sidecar to compare";
      list.append("<li>")
          .append(Html.escape(versions.get(i).version()))
          .append(": ")
          .append(Html.escape(change))
          .append("</li>");
    }
    row(html, "history", list.append("</ul>").toString());
  }

  private String snapshotChange(SnapshotMetadata before, SnapshotMetadata after) {
    if (before.checksum().equals(after.checksum())) {
      return "same data";
    }
    if (before.manifest().isPresent() && after.manifest().isPresent()) {
      return before.manifest().get().changesTo(after.manifest().get()).summary();
    }
    Path was = before.dataPath(layout);
    Path is = after.dataPath(layout);
    if (before.type() == SnapshotType.FILE
        && after.type() == SnapshotType.FILE
        && Files.isRegularFile(was)
        && Files.isRegularFile(is)) {
      return "new data, " + size(was) + " -> " + size(is);
    }
    return "new data";
  }

  private String tableSection(StepUri uri, Footers footers, Path pageFolder) {
    StringBuilder html = sectionStart(uri, "kind-table");
    Optional<TableMetadata> metadata;
    try {
      metadata = TableMetadata.readIfExists(layout.tableSidecar(uri), uri);
    } catch (AlcoveException e) {
      metadata = Optional.empty();
    }
    metadata.ifPresent(m -> descriptive(html, m.descriptive()));
    html.append("<dl>");
    Optional<Path> definition;
    try {
      definition = StepDefinitions.find(layout, uri);
    } catch (AlcoveException e) {
      definition = Optional.empty();
    }
    row(
        html,
        "definition",
        definition
            .map(
                d ->
                    "<a href=\""
                        + Html.escape(relativeLink(pageFolder, d))
                        + "\"><code>"
                        + Html.escape(layout.relative(d))
                        + "</code></a>")
            .orElse("<span class=\"missing\">none</span>"));
    row(html, "inputs", links(graph.dependencies(uri)));
    row(html, "used by", links(graph.dependents(uri)));
    row(html, "licences upstream", upstreamLicences(uri));
    Path parquet = layout.tableFile(uri);
    boolean built = metadata.isPresent() && Files.isRegularFile(parquet);
    Optional<TablesInStore.Stored> inStore =
        metadata.isPresent() ? tableData.inStore(uri) : Optional.empty();
    if (built || inStore.isPresent()) {
      TableMetadata m = metadata.get();
      if (built) {
        row(html, "size", size(parquet));
        try {
          row(html, "rows", String.format("%,d", footers.rowCount(parquet)));
        } catch (SQLException e) {
          row(html, "rows", "<span class=\"missing\">unreadable</span>");
        }
      } else {
        row(
            html,
            "data",
            "in the store, not here ("
                + Html.escape(ProgressReporter.human(inStore.get().bytes()))
                + "): fetched when a goal reads it");
      }
      if (m.execution() != null) {
        row(
            html,
            "built",
            Html.escape(m.execution().endTime())
                + String.format(" in %.1f s", m.execution().durationSeconds()));
      }
      history(html, uri);
      StringBuilder columns =
          new StringBuilder("<table class=\"columns\"><tr><th>column</th><th>type</th></tr>");
      m.schema()
          .forEach(
              (column, type) ->
                  columns
                      .append("<tr><td>")
                      .append(Html.escape(column))
                      .append("</td><td>")
                      .append(Html.escape(type))
                      .append("</td></tr>"));
      row(html, "columns", columns.append("</table>").toString());
    } else {
      row(html, "data", "<span class=\"missing\">not built here</span>");
    }
    definition.ifPresent(
        d -> {
          Optional<TableConfig> config;
          try {
            config = TableConfig.readIfExists(StepDefinitions.configFor(d));
          } catch (AlcoveException e) {
            config = Optional.empty();
          }
          config.ifPresent(
              c -> {
                if (c.engine() == TableConfig.Engine.SPARK) {
                  row(html, "engine", "Spark SQL, on the Spark Connect server");
                }
                if (!c.validation().isEmpty()) {
                  StringBuilder rules = new StringBuilder("<ul>");
                  for (DataTest test : c.validation()) {
                    rules
                        .append("<li>")
                        .append(Html.escape(test.rule()))
                        .append(": ")
                        .append(Html.escape(describe(test)))
                        .append(" (")
                        .append(test.severity().label())
                        .append("): ")
                        .append(outcome(uri, test, built))
                        .append("</li>");
                  }
                  row(html, "data tests", rules.append("</ul>").toString());
                }
              });
          if (StepKinds.of(d) == StepKinds.SQL) {
            try {
              row(html, "SQL", "<pre>" + Html.escape(Files.readString(d)) + "</pre>");
            } catch (IOException e) {
              row(html, "SQL", "<span class=\"missing\">unreadable</span>");
            }
          }
        });
    return html.append("</dl></section>\n").toString();
  }

  /** Each licence of the snapshots upstream, with the snapshots that carry it. */
  private String upstreamLicences(StepUri table) {
    Map<String, List<StepUri>> found = licences.licences(table);
    if (found.isEmpty()) {
      return "<span class=\"missing\">none recorded</span>";
    }
    List<String> items = new ArrayList<>();
    found.forEach(
        (licence, snapshots) -> items.add(Html.escape(licence) + " (" + links(snapshots) + ")"));
    return String.join("; ", items);
  }

  /**
   * What is known of a test's last outcome: a table is written only when its error-level tests
   * pass, so a built table passed them; a warning's outcome is in the build's log and in audit.
   */
  private String outcome(StepUri table, DataTest test, boolean built) {
    if (states.of(table).kind() == StepState.Kind.FAILED) {
      return "<span class=\"missing\">see the last run's error above</span>";
    }
    if (!built) {
      return "<span class=\"missing\">not run yet</span>";
    }
    return test.severity() == Severity.ERROR
        ? "passed at the last build"
        : "checked at the last build (a failure is a warning in its log and in the audit)";
  }

  /** A link from the page's folder to a file of the project, as a relative URL. */
  private static String relativeLink(Path pageFolder, Path file) {
    Path relative =
        pageFolder.toAbsolutePath().normalize().relativize(file.toAbsolutePath().normalize());
    StringBuilder link = new StringBuilder();
    for (Path segment : relative) {
      if (link.length() > 0) {
        link.append('/');
      }
      link.append(
          java.net.URLEncoder.encode(segment.toString(), java.nio.charset.StandardCharsets.UTF_8)
              .replace("+", "%20"));
    }
    return link.toString();
  }

  private static String describe(DataTest test) {
    if (test instanceof DataTest.RequiredColumn r) {
      return r.column();
    } else if (test instanceof DataTest.UniqueColumn u) {
      return u.column();
    } else if (test instanceof DataTest.NotNull n) {
      return n.column();
    } else if (test instanceof DataTest.AcceptedValues a) {
      return a.column() + " in " + a.values();
    } else if (test instanceof DataTest.Relationship r) {
      return r.column() + " in " + r.to() + " " + r.toColumn();
    } else if (test instanceof DataTest.RowCount r) {
      return "rows"
          + (r.min().isPresent() ? " >= " + r.min().getAsLong() : "")
          + (r.max().isPresent() ? " <= " + r.max().getAsLong() : "");
    } else if (test instanceof DataTest.Expression e) {
      return e.expression();
    } else if (test instanceof DataTest.SqlTest t) {
      return "src/steps/tests/" + t.fileName();
    }
    return "a column starts with dim_";
  }

  private StringBuilder sectionStart(StepUri uri, String kind) {
    StepState state = states.of(uri);
    return new StringBuilder("<section class=\"step ")
        .append(kind)
        .append("\" id=\"")
        .append(Html.anchor(uri.toString()))
        .append("\"><h2>")
        .append(Html.escape(uri.toString()))
        .append("</h2><p class=\"status ")
        .append(state.kind().cssClass())
        .append("\">")
        .append(Html.escape(state.describe()))
        .append("</p>");
  }

  private static void descriptive(StringBuilder html, DescriptiveFields fields) {
    if (fields.get("name") != null) {
      html.append("<p class=\"name\">").append(Html.escape(fields.get("name"))).append("</p>");
    }
    if (fields.get("description") != null) {
      html.append("<p>").append(Html.escape(fields.get("description"))).append("</p>");
    }
    html.append("<dl>");
    row(
        html,
        "source",
        Html.escape(fields.get("source_name"))
            + (fields.get("source_url") == null ? "" : " " + Html.link(fields.get("source_url"))));
    row(
        html,
        "licence",
        fields.get("license") == null
            ? "<span class=\"missing\">none</span>"
            : Html.link(fields.get("license_url"), fields.get("license")));
    if (fields.get("date_accessed") != null) {
      row(html, "accessed", Html.escape(fields.get("date_accessed")));
    }
    html.append("</dl>");
  }

  /** The table's last outputs here, newest first, each with how it differed from the one before. */
  private void history(StringBuilder html, StepUri uri) {
    List<dev.alcove.core.metadata.TableHistory.Build> builds =
        dev.alcove.core.metadata.TableHistory.of(layout.buildDir(), uri);
    if (builds.size() < 2) {
      return;
    }
    StringBuilder list = new StringBuilder("<ul>");
    for (int i = builds.size() - 1; i >= Math.max(0, builds.size() - 5); i--) {
      dev.alcove.core.metadata.TableHistory.Build build = builds.get(i);
      list.append("<li>")
          .append(Html.escape(build.finished()))
          .append(": ")
          .append(
              Html.escape(
                  build.delta().isEmpty()
                      ? String.format(java.util.Locale.ROOT, "%,d rows", build.rows())
                      : build.delta()))
          .append("</li>");
    }
    row(html, "history", list.append("</ul>").toString());
  }

  private static void row(StringBuilder html, String name, String value) {
    html.append("<dt>").append(Html.escape(name)).append("</dt><dd>").append(value).append("</dd>");
  }

  private static String links(List<StepUri> steps) {
    if (steps.isEmpty()) {
      return "<span class=\"missing\">none</span>";
    }
    List<String> links = new ArrayList<>();
    for (StepUri uri : steps) {
      links.add(
          "<a href=\"#"
              + Html.anchor(uri.toString())
              + "\">"
              + Html.escape(uri.toString())
              + "</a>");
    }
    return String.join(", ", links);
  }

  private Optional<SnapshotMetadata> readSnapshot(StepUri uri) {
    try {
      return SnapshotMetadata.readIfExists(layout.snapshotSidecar(uri), uri);
    } catch (AlcoveException e) {
      return Optional.empty();
    }
  }

  private static String size(Path file) {
    try {
      return ProgressReporter.human(Files.size(file));
    } catch (IOException e) {
      return "?";
    }
  }

  /** The class every rule of {@link #STYLE} is scoped to. */
  private static final String SCOPE = "alcove-catalogue";

  private static final String LEGEND =
      "<p class=\"legend\"><span class=\"key kind-snapshot\">snapshot</span>"
          + "<span class=\"key kind-table\">table</span>"
          + "<span class=\"key state-up-to-date\">up to date</span>"
          + "<span class=\"key state-out-of-date\">out of date</span>"
          + "<span class=\"key state-failed\">failed in the last run</span>"
          + "<span class=\"key state-never-built\">never built</span></p>";

  /** The standalone page's frame, around the scoped catalogue. */
  private static final String PAGE_STYLE =
      "body{font-family:system-ui,-apple-system,Segoe UI,Helvetica,Arial,sans-serif;margin:0;color:#1f2328;background:#f6f8fa}"
          + "header{background:#24292f;color:#fff;padding:16px 24px}header h1{margin:0 0 4px;font-size:22px}header p{margin:0;opacity:.8}";

  private static final String STYLE =
      (".c section{background:#fff;margin:16px 24px;padding:12px 20px;border:1px solid #d0d7de;border-radius:8px}"
              + ".c section.step:target{border-color:#0969da;box-shadow:0 0 0 3px #b6e3ff}"
              + ".c h2{font-size:17px;margin:4px 0 8px;font-family:ui-monospace,Menlo,monospace}"
              + ".c .lineage{overflow:auto}.c .scroll{overflow:auto}"
              + ".c svg.dag{max-width:100%;height:auto}.c .scroll svg.dag{max-width:none}.c svg.dag .edge{fill:none;stroke:#8c959f;stroke-width:1.4}"
              + ".c svg.dag rect{stroke-width:1.5}.c svg.dag text{font:12px ui-monospace,Menlo,monospace;fill:#1f2328}"
              + ".c svg.dag .kind-snapshot rect{fill:#ddf4ff;stroke:#0969da}.c svg.dag .kind-table rect{fill:#dafbe1;stroke:#1a7f37}"
              + ".c svg.dag .state-never-built rect{fill:#f6f8fa;stroke:#8c959f;stroke-dasharray:4 3}"
              + ".c svg.dag .state-out-of-date rect{fill:#fff8c5;stroke:#9a6700;stroke-width:2.5}"
              + ".c svg.dag .state-failed rect{fill:#ffebe9;stroke:#cf222e;stroke-width:2.5}"
              + ".c svg.dag a:hover rect{stroke-width:3}"
              + ".c .legend{font-size:13px;color:#57606a}.c .key{display:inline-block;margin-right:14px;padding:1px 8px;border-radius:4px;border:1.5px solid}"
              + ".c .key.kind-snapshot{background:#ddf4ff;border-color:#0969da}.c .key.kind-table{background:#dafbe1;border-color:#1a7f37}"
              + ".c .key.state-up-to-date{border-color:#1a7f37}.c .key.state-out-of-date{background:#fff8c5;border-color:#9a6700}"
              + ".c .key.state-failed{background:#ffebe9;border-color:#cf222e}.c .key.state-never-built{background:#f6f8fa;border-color:#8c959f;border-style:dashed}"
              + ".c p.status{margin:0 0 6px;font-size:13px;font-weight:600}.c p.status.state-up-to-date{color:#1a7f37}"
              + ".c p.status.state-out-of-date{color:#9a6700}.c p.status.state-failed{color:#cf222e}.c p.status.state-never-built,.c p.status.state-unknown{color:#57606a}"
              + ".c dl{display:grid;grid-template-columns:140px 1fr;gap:4px 12px;margin:8px 0}.c dt{color:#57606a}.c dd{margin:0}"
              + ".c pre{background:#f6f8fa;padding:8px;border-radius:6px;overflow:auto;font-size:12px}"
              + ".c table.columns{border-collapse:collapse}.c table.columns td,.c table.columns th{border:1px solid #d0d7de;padding:2px 8px;font-size:13px;text-align:left}"
              + ".c .missing{color:#8c959f;font-style:italic}.c .name{font-weight:600}.c details.group{margin:6px 0}")
          .replace(".c ", "." + SCOPE + " ");
}
