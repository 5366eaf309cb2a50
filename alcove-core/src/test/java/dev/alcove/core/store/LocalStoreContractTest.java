package dev.alcove.core.store;

class LocalStoreContractTest extends StoreContract {
  @Override
  ObjectStore open() {
    return new LocalDirectoryStore(dir.resolve("store"), "local store");
  }
}
