package dev.alcove.core.frontend;

import java.util.Locale;

/**
 * How the user talks to alcove, for messages that tell them what to do: the core says which setting
 * or command, the front end (the Maven plugin) says how it is written there ({@code
 * -Dalcove.force=true}, {@code mvn alcove:init}). The core itself knows no front end's words.
 *
 * <p>The front end is passed explicitly: in the goal's context, to the opened alcove, to the
 * store's options, and as a parameter where a setting the user typed is parsed.
 */
public interface FrontEnd {

  /** How to set {@code setting} to {@code value} for one command. */
  String set(Setting setting, String value);

  /** How to run {@code goal}. */
  String run(Goal goal);

  /** Why a remote store cannot be reached now, when the front end is told to work offline. */
  String offline();

  /** Where steps are declared besides {@code alcove.yaml}: {@code the pom's <steps>}. */
  String declaredSteps();

  /** Where datasets are declared besides {@code alcove.yaml}: {@code the pom's <datasets>}. */
  String declaredDatasets();

  /** How a dataset is given credentials for its source. */
  String datasetLogin();

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

        @Override
        public String declaredSteps() {
          return "the front end's steps";
        }

        @Override
        public String declaredDatasets() {
          return "the front end's datasets";
        }

        @Override
        public String datasetLogin() {
          return "a login for the dataset's source";
        }
      };
}
