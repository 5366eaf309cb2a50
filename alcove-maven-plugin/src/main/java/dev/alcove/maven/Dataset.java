package dev.alcove.maven;

import dev.alcove.core.dataset.DatasetSpec;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A dataset declared in the pom with its provenance, as {@code <dataset><name>worldbank/population
 * </name><url>https://...</url><license>CC-BY-4.0</license></dataset>}: {@code mvn alcove:snapshot}
 * fetches it, and the descriptive elements fill its sidecar.
 */
public class Dataset {
  /** The dataset, without a version: {@code snapshot://<name>/<today>} is added. */
  private String name;

  /** Where it comes from: {@code https://}, {@code http://} or {@code file:}. */
  private String url;

  /** The SHA-256 its bytes must have; a fetch that differs stores nothing. */
  private String sha256;

  /** The licence, e.g. {@code CC-BY-4.0}. */
  private String license;

  /** Where the licence is written, an http(s) URL. */
  private String licenseUrl;

  /**
   * Where the data is published, an http(s) URL; by default the {@code <url>} itself when that is
   * http(s).
   */
  private String sourceUrl;

  /** Who publishes the data, e.g. {@code World Bank}. */
  private String sourceName;

  /** What the data is. */
  private String description;

  /**
   * The id of a {@code <server>} in settings.xml whose user name and password open a private source
   * (HTTP Basic); passwords encrypted with Maven's settings security work.
   */
  private String serverId;

  /**
   * Whether the source may be an empty file; by default an empty answer is refused, as a server
   * that answers 200 with nothing most often failed to say so.
   */
  private boolean allowEmpty;

  DatasetSpec toSpec() {
    Map<String, String> described = new LinkedHashMap<>();
    described.put("description", description);
    described.put("source_name", sourceName);
    described.put("source_url", sourceUrl);
    described.put("license", license);
    described.put("license_url", licenseUrl);
    return DatasetSpec.of(
            name, url, sha256, described, "pom <datasets> " + (name == null ? "" : name))
        .withAllowEmpty(allowEmpty);
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getUrl() {
    return url;
  }

  public void setUrl(String url) {
    this.url = url;
  }

  public String getSha256() {
    return sha256;
  }

  public void setSha256(String sha256) {
    this.sha256 = sha256;
  }

  public String getLicense() {
    return license;
  }

  public void setLicense(String license) {
    this.license = license;
  }

  public String getLicenseUrl() {
    return licenseUrl;
  }

  public void setLicenseUrl(String licenseUrl) {
    this.licenseUrl = licenseUrl;
  }

  public String getSourceUrl() {
    return sourceUrl;
  }

  public void setSourceUrl(String sourceUrl) {
    this.sourceUrl = sourceUrl;
  }

  public String getSourceName() {
    return sourceName;
  }

  public void setSourceName(String sourceName) {
    this.sourceName = sourceName;
  }

  public String getServerId() {
    return serverId;
  }

  public void setServerId(String serverId) {
    this.serverId = serverId;
  }

  public String getDescription() {
    return description;
  }

  public void setDescription(String description) {
    this.description = description;
  }

  public boolean isAllowEmpty() {
    return allowEmpty;
  }

  public void setAllowEmpty(boolean allowEmpty) {
    this.allowEmpty = allowEmpty;
  }
}
