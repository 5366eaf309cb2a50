package dev.alcove.core.run;

import dev.alcove.core.frontend.FrontEnd;
import dev.alcove.core.frontend.Setting;
import dev.alcove.core.frontend.SettingChoices;

/** What a run brings to this machine from the store. */
public enum Download {
  /** Every selected step, and every input it reads, is local at the end of the run. */
  ALL,
  /**
   * The selected tables are local at the end; a snapshot or table that is only an input stays in
   * the store until a table that reads it must be built here, and is fetched then. A clone that
   * restores every table from the table cache downloads no snapshot at all.
   */
  OUTPUTS,
  /**
   * Nothing but metadata is written here: tables found in the table cache get their metadata only,
   * snapshots stay in the store; a goal or a step that reads one fetches it then. A table built
   * here that nothing selected is removed here once it is pushed to the store.
   */
  MINIMAL;

  /**
   * Whether a run in this mode leaves a step's data on this machine; {@code asked} when the
   * selection names the step (a table it selects, a snapshot it names: with every step selected,
   * snapshots are only inputs).
   */
  boolean keepsHere(boolean asked) {
    return switch (this) {
      case ALL -> true;
      case OUTPUTS -> asked;
      case MINIMAL -> false;
    };
  }

  public static Download parse(String text, FrontEnd frontEnd) {
    return SettingChoices.parse(Download.class, Setting.DOWNLOAD, text, frontEnd);
  }
}
