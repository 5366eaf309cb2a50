package dev.alcove.core.run;

import dev.alcove.core.frontend.FrontEnd;
import dev.alcove.core.frontend.Setting;
import dev.alcove.core.frontend.SettingChoices;

/** What a run brings to this machine from the store. */
public enum Download {
  /** Every selected step, and every input it reads, is local at the end of the run. */
  ALL,
  /**
   * The selected tables are local at the end; a snapshot that is only an input stays in the store
   * until a table that reads it must be built here, and is fetched then. A clone that restores
   * every table from the table cache downloads no snapshot at all.
   */
  OUTPUTS;

  public static Download parse(String text, FrontEnd frontEnd) {
    return SettingChoices.parse(Download.class, Setting.DOWNLOAD, text, frontEnd);
  }
}
