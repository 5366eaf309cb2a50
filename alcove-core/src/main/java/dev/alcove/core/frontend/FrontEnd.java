package dev.alcove.core.frontend;

import java.util.Locale;

/**
 * How the user talks to alcove, for messages that tell them what to do: the core says which setting
 * or command, the front end (the Maven plugin) says how it is written there ({@code
 * -Dalcove.force=true}, {@code mvn alcove:init}). The core itself knows no front end's words.
 *
 * <p>One JVM runs one front end, and messages are made deep in parsing code far from any goal, so
 * the front end is installed once, process-wide, with {@link #use}.
 */
public interface FrontEnd {

  /** How to set {@code setting} to {@code value} for one command. */
  String set(Setting setting, String value);

  /** How to run {@code goal}. */
  String run(Goal goal);

  /** Why a remote store cannot be reached now, when the front end is told to work offline. */
  String offline();

  /** Words that belong to no tool: {@code alcove.force=true}, {@code the init goal}. */
  FrontEnd NEUTRAL =
      new FrontEnd() {
        @Override
        public String set(Setting setting, String value) {
          return "alcove."
              + setting.name().toLowerCase(Locale.ROOT).replace('_', '-')
              + "="
              + value;
        }

        @Override
        public String run(Goal goal) {
          return "the " + goal.name().toLowerCase(Locale.ROOT).replace('_', '-') + " goal";
        }

        @Override
        public String offline() {
          return "working offline";
        }
      };

  /** Installs the front end whose words every later message uses. */
  static void use(FrontEnd frontEnd) {
    Words.current = frontEnd;
  }

  /** The words of the installed front end. */
  static FrontEnd words() {
    return Words.current;
  }

  /** Holds the installed front end. */
  final class Words {
    private static volatile FrontEnd current = NEUTRAL;

    private Words() {}
  }
}
