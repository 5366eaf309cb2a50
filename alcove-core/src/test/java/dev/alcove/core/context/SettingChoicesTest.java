package dev.alcove.core.context;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.alcove.core.db.ResultFormat;
import dev.alcove.core.db.TableViews;
import dev.alcove.core.errors.AlcoveException;
import dev.alcove.core.frontend.FrontEnd;
import org.junit.jupiter.api.Test;

class SettingChoicesTest {

  @Test
  void aChoiceIsReadInAnyCaseAndAnythingElseNamesTheSettingAndItsWords() {
    assertThat(ResultFormat.parse(" Csv ", FrontEnd.NEUTRAL)).isEqualTo(ResultFormat.CSV);
    assertThat(TableViews.Names.parse("both", FrontEnd.NEUTRAL)).isEqualTo(TableViews.Names.BOTH);
    assertThatThrownBy(() -> ResultFormat.parse("xml", FrontEnd.NEUTRAL))
        .isInstanceOf(AlcoveException.class)
        .hasMessageEndingWith("=xml is not one of table, csv, json");
    assertThatThrownBy(() -> TableViews.Names.parse(null, FrontEnd.NEUTRAL))
        .hasMessageEndingWith("=null is not one of short, full, both");
  }
}
