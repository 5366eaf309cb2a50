package dev.alcove.core.dataset;

import dev.alcove.core.checksum.Checksum;
import dev.alcove.core.errors.AlcoveException;
import dev.alcove.core.metadata.DescriptiveFields;
import dev.alcove.core.uri.Scheme;
import dev.alcove.core.uri.StepUri;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A dataset declared with where it comes from: its name (a dataset path without a version), its
 * source ({@code http://}, {@code https://} or {@code file:}), an optional pinned checksum, and the
 * descriptive fields its sidecars get (licence, source name, description).
 */
public record DatasetSpec(
    String name,
    URI source,
    Optional<Checksum> sha256,
    Map<String, String> described,
    Optional<SourceLogin> login,
    boolean allowEmpty) {

  public DatasetSpec {
    described = Map.copyOf(described);
  }

  /**
   * Checks a declaration as the pom or {@code alcove.yaml} gives it; {@code where} names it in
   * messages ({@code pom <datasets> countries}).
   */
  public static DatasetSpec of(
      String name, String url, String sha256, Map<String, String> described, String where) {
    if (name == null || name.isBlank()) {
      throw new AlcoveException(where + ": a dataset needs a <name>, e.g. worldbank/population");
    }
    String dataset = name.strip();
    StepUri uri;
    try {
      uri = StepUri.ofDataset(Scheme.SNAPSHOT, dataset, java.time.LocalDate.of(2000, 1, 1));
    } catch (AlcoveException e) {
      throw new AlcoveException(where + ": " + e.getMessage());
    }
    if (!uri.version().equals("2000-01-01")) {
      throw new AlcoveException(
          where + ": name " + dataset + " has a version; name the dataset without one");
    }
    if (url == null || url.isBlank()) {
      throw new AlcoveException(where + ": dataset " + dataset + " needs a <url>");
    }
    URI source;
    try {
      source = URI.create(url.strip());
    } catch (IllegalArgumentException e) {
      throw new AlcoveException(where + ": '" + url.strip() + "' is not a URL");
    }
    String scheme = source.getScheme() == null ? "" : source.getScheme().toLowerCase(Locale.ROOT);
    if (!List.of("http", "https", "file", "mvn").contains(scheme)) {
      throw new AlcoveException(
          where
              + ": '"
              + url.strip()
              + "' is not a source alcove fetches: use https://, http://, file: or"
              + " mvn:group:artifact:version[:type[:classifier]]");
    }
    if (scheme.equals("file") && (source.isOpaque() || !source.getPath().startsWith("/"))) {
      throw new AlcoveException(
          where
              + ": <url>"
              + url.strip()
              + "</url> is a relative file URL: write file:/// and the file's absolute path");
    }
    if (scheme.equals("file") && source.getAuthority() != null) {
      throw new AlcoveException(
          where
              + ": <url>"
              + url.strip()
              + "</url> names a host ("
              + source.getAuthority()
              + "): a file URL is file:/// and the file's absolute path");
    }
    if (scheme.equals("mvn") && !MAVEN.matcher(source.getSchemeSpecificPart()).matches()) {
      throw new AlcoveException(
          where + ": '" + url.strip() + "' is not mvn:group:artifact:version[:type[:classifier]]");
    }
    if (source.getRawUserInfo() != null) {
      throw new AlcoveException(
          where + ": the URL of " + dataset + " holds a user name or password: remove them");
    }
    Optional<Checksum> pin = Optional.empty();
    if (sha256 != null && !sha256.isBlank()) {
      String hex = sha256.strip().toLowerCase(Locale.ROOT);
      if (!Checksum.isValid(hex)) {
        throw new AlcoveException(where + ": <sha256> of " + dataset + " is not 64 hex digits");
      }
      pin = Optional.of(Checksum.of(hex));
    }
    Map<String, String> fields = new LinkedHashMap<>();
    described.forEach(
        (key, value) -> {
          if (value != null && !value.isBlank()) {
            fields.put(key, value.strip());
          }
        });
    return new DatasetSpec(dataset, source, pin, fields, Optional.empty(), false);
  }

  DatasetSpec withoutLogin() {
    return new DatasetSpec(name, source, sha256, described, Optional.empty(), allowEmpty);
  }

  /** The same dataset, fetched with {@code login} (for private http(s) sources). */
  public DatasetSpec withLogin(SourceLogin login) {
    return new DatasetSpec(name, source, sha256, described, Optional.of(login), allowEmpty);
  }

  /** The same dataset, whose source may be an empty file (otherwise an empty answer is refused). */
  public DatasetSpec withAllowEmpty(boolean allowed) {
    return new DatasetSpec(name, source, sha256, described, login, allowed);
  }

  private static final java.util.regex.Pattern MAVEN =
      java.util.regex.Pattern.compile("[\\w.-]+:[\\w.-]+:[\\w.-]+(:[\\w.-]+(:[\\w.-]+)?)?");

  boolean isMaven() {
    return source.getScheme().equalsIgnoreCase("mvn");
  }

  /** For {@code mvn:} sources: {@code group:artifact:version[:type[:classifier]]}. */
  String coordinates() {
    return source.getSchemeSpecificPart();
  }

  boolean isHttp() {
    return source.getScheme().toLowerCase(Locale.ROOT).startsWith("http");
  }

  /**
   * The name the fetched bytes get, for their extension: the last path segment of the URL as
   * declared or, when that has no extension, as redirected to.
   */
  Optional<String> fileName(URI fetchedFrom) {
    for (URI url : List.of(source, fetchedFrom)) {
      String path = url.getPath() == null ? "" : url.getPath();
      String last = path.substring(path.lastIndexOf('/') + 1);
      if (last.matches(".*\\.[A-Za-z0-9]+")) {
        return Optional.of(last);
      }
    }
    return Optional.empty();
  }

  /**
   * The sidecar's descriptive fields: the declared ones, with {@code source_url} (for http(s)
   * sources, as the Python tool requires) and the day the bytes were fetched.
   */
  DescriptiveFields descriptive(java.time.LocalDate accessed) {
    Map<String, String> fields = new LinkedHashMap<>(described);
    if (isHttp()) {
      fields.putIfAbsent("source_url", source.toString());
    }
    if (isMaven()) {
      fields.putIfAbsent("access_notes", "Maven artifact " + coordinates());
    }
    fields.put("date_accessed", accessed.toString());
    return new DescriptiveFields(fields);
  }
}
