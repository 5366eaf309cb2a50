package dev.alcove.core.store;

import dev.alcove.core.checksum.Checksum;
import java.nio.file.Path;
import java.util.Optional;

class LocalStoreContractTest extends StoreContract {
  @Override
  ObjectStore open() {
    return new LocalDirectoryStore(dir.resolve("store"), "local store");
  }

  @Override
  Optional<Path> fileOf(Checksum checksum) {
    return Optional.of(
        new LocalDirectoryStore(dir.resolve("store"), "local store").pathOf(checksum));
  }
}
