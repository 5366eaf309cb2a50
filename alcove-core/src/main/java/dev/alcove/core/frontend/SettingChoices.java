package dev.alcove.core.frontend;

import dev.alcove.core.errors.AlcoveException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** A setting whose value is one of a few words, each a constant of an enum, in any case. */
public final class SettingChoices {

  private SettingChoices() {}

  /**
   * The constant of {@code choices} that {@code text} names; anything else is an error that names
   * the setting as the user typed it, in {@code frontEnd}'s words, and lists the words it takes.
   */
  public static <E extends Enum<E>> E parse(
      Class<E> choices, Setting setting, String text, FrontEnd frontEnd) {
    for (E choice : choices.getEnumConstants()) {
      if (text != null && choice.name().equalsIgnoreCase(text.strip())) {
        return choice;
      }
    }
    throw new AlcoveException(
        frontEnd.set(setting, String.valueOf(text))
            + " is not one of "
            + Arrays.stream(choices.getEnumConstants())
                .map(choice -> choice.name().toLowerCase(Locale.ROOT))
                .collect(Collectors.joining(", ")));
  }
}
