package dev.alcove.core.log;

/** Where the core reports progress; Maven's log in the plugin, a list in tests. */
public interface AlcoveLog {
  void info(String message);

  void warn(String message);

  void debug(String message);

  AlcoveLog SILENT =
      new AlcoveLog() {
        @Override
        public void info(String message) {}

        @Override
        public void warn(String message) {}

        @Override
        public void debug(String message) {}
      };
}
