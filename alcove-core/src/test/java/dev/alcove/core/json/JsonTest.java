package dev.alcove.core.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {

  @Test
  void writesNestedValuesInOrderWithEveryStringEscaped() {
    Map<String, Object> document = new LinkedHashMap<>();
    document.put("name", "a \"quoted\"\\path\nnext\u0001");
    document.put("count", 3L);
    document.put("ratio", 0.5);
    document.put("ok", true);
    document.put("none", null);
    document.put("items", List.of(Map.of("k", "v"), List.of()));
    document.put("empty", Map.of());

    assertThat(Json.write(document))
        .isEqualTo(
            """
            {
              "name": "a \\"quoted\\"\\\\path\\nnext\\u0001",
              "count": 3,
              "ratio": 0.5,
              "ok": true,
              "none": null,
              "items": [
                {
                  "k": "v"
                },
                []
              ],
              "empty": {}
            }""");
  }
}
