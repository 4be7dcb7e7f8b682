package dev.jobcode.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/** Checks a JSON value against a schema of an OpenAPI document: enough of JSON Schema for the API's shapes. */
final class Schemas {
  private static final Map<String, String> TYPES = Map.of("STRING", "string", "BOOLEAN", "boolean", "ARRAY", "array",
      "OBJECT", "object");

  private Schemas() {}

  /**
   * Every key of {@code value} is a declared property at its place, every required property is
   * there, and every value has its declared type; {@code where} names the place in failures.
   */
  static void assertMatches(JsonNode document, JsonNode schema, JsonNode value, String where) {
    JsonNode s = resolve(document, schema, where);
    String type = s.path("type").asText();
    switch (value.getNodeType()) {
      case OBJECT -> {
        assertThat(type).as(where).isEqualTo("object");
        JsonNode properties = s.path("properties");
        value.properties().forEach(p -> {
          assertThat(properties.has(p.getKey())).as("%s.%s is declared in %s", where, p.getKey(), properties).isTrue();
          assertMatches(document, properties.get(p.getKey()), p.getValue(), where + "." + p.getKey());
        });
        s.path("required").forEach(r -> assertThat(value.has(r.asText())).as("%s.%s is required", where, r).isTrue());
      }
      case ARRAY -> {
        assertThat(type).as(where).isEqualTo("array");
        value.forEach(item -> assertMatches(document, s.get("items"), item, where + "[]"));
      }
      case NUMBER -> assertThat(type).as(where + " " + value).isIn(value.isIntegralNumber()
          ? new String[] {"integer", "number"} : new String[] {"number"});
      default -> assertThat(type).as(where + " " + value).isEqualTo(TYPES.get(value.getNodeType().name()));
    }
    if (s.has("enum")) {
      assertThat(s.get("enum")).as(where).contains(value);
    }
  }

  private static JsonNode resolve(JsonNode document, JsonNode schema, String where) {
    assertThat(schema).as(where + " has a schema").isNotNull();
    assertThat(schema.isMissingNode()).as(where + " has a schema").isFalse();
    String ref = schema.path("$ref").asText("");
    if (ref.isEmpty()) {
      return schema;
    }
    JsonNode target = document.at(ref.substring(1));
    assertThat(target.isMissingNode()).as(where + ": " + ref + " resolves").isFalse();
    return target;
  }
}
