package dev.alcove.core.store.config;

import dev.alcove.core.frontend.FrontEnd;
import dev.alcove.core.frontend.Setting;
import dev.alcove.core.log.AlcoveLog;
import dev.alcove.core.store.LocalDirectoryStore;
import dev.alcove.core.store.ObjectStore;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** A folder on this machine: the store of an alcove that no other kind's settings point away. */
public final class LocalStoreKind implements StoreKind {

  public static final LocalStoreKind INSTANCE = new LocalStoreKind();

  static final String FOLDER = "folder";

  private LocalStoreKind() {}

  @Override
  public String name() {
    return "local";
  }

  @Override
  public String description() {
    return "a folder on this machine, used when no other kind is configured anywhere";
  }

  @Override
  public List<StoreSetting> settings() {
    return List.of(
        new StoreSetting(
            FOLDER,
            "alcove.store",
            List.of(),
            "The folder of the local store. Defaults to ~/.local/share/alcove/store. The short"
                + " form <store>folder</store> sets it without choosing the local store, which"
                + " stays the fallback when S3 is configured elsewhere."));
  }

  /** The fallback: meant whenever no kind before it is. */
  @Override
  public boolean meant(SettingChain chain) {
    return true;
  }

  @Override
  public StoreSpec spec(Map<String, String> configured, SettingChain chain, StoreOptions options) {
    return new Spec(folder(configured));
  }

  /** The folder these settings name, or the default one. */
  public static Path folder(Map<String, String> configured) {
    return configured.containsKey(FOLDER)
        ? Path.of(configured.get(FOLDER))
        : Path.of(System.getProperty("user.home"), ".local", "share", "alcove", "store");
  }

  /** The local store's folder. */
  public record Spec(Path folder) implements StoreSpec {
    @Override
    public String describe() {
      return "local store " + folder.toAbsolutePath().normalize();
    }

    @Override
    public boolean remote() {
      return false;
    }

    @Override
    public ObjectStore open(AlcoveLog log, FrontEnd frontEnd) {
      return new LocalDirectoryStore(
          folder,
          "local store",
          "set "
              + frontEnd.set(Setting.STORE, "<folder>")
              + " to a folder you can write, or configure S3");
    }
  }
}
