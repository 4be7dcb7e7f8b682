package dev.jobcode.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jobcode.classify.Mode;
import dev.jobcode.json.Json;
import dev.jobcode.taxonomy.JobLevel;
import io.javalin.openapi.plugin.DefinitionProcessor;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Turns the document the annotation processor wrote at compile time into the one this server
 * serves:
 * <ul>
 *   <li>schema properties get their wire names: the processor names them as the record components
 *       are (camelCase), the mapper's strategy sends them snake_case;</li>
 *   <li>numeric limits become numbers (the processor writes {@code "maxLength": "500"});</li>
 *   <li>a property marked {@code @Custom(name = ENUM, value = "mode")} gets its values from the code;</li>
 *   <li>the answers that follow from how a route is served, not from its handler, are added where
 *       they apply, as the code has them in one place each: a JSON body (400 {@code invalid_json},
 *       408, 413, 415, from {@link JsonBodies} and the size filter), a queued route (503, from
 *       {@link Admission}), any route (500); every error answers the error shape;</li>
 *   <li>this server's limits are stated, and its admin route and its calls that change the candidate
 *       pool are left out when it does not have them.</li>
 * </ul>
 */
final class OpenApiDocument implements DefinitionProcessor {
  /** Marks a schema property whose allowed values are one of {@link #ENUMS}. */
  static final String ENUM = "x-jobcode-enum";

  private static final Map<String, List<String>> ENUMS = Map.of(
      "mode", Arrays.stream(Mode.values()).map(Mode::id).toList(),
      "level", Arrays.stream(JobLevel.values()).map(JobLevel::id).toList());
  private static final Set<String> NUMERIC = Set.of("minimum", "maximum", "multipleOf", "minLength", "maxLength",
      "minItems", "maxItems", "minProperties", "maxProperties");

  private static final String BUSY = "unavailable: over capacity (no slot freed within the queue time-out) or "
      + "shutting down; retry after Retry-After seconds.";
  private static final String INTERNAL = "internal_error: a fault of the server; its log has the details.";

  private final ServerSettings settings;
  /** The answers of every call with a JSON body, in the words of the README's error table. */
  private final Map<String, String> bodyErrors;

  OpenApiDocument(ServerSettings settings) {
    this.settings = settings;
    this.bodyErrors = Map.of(
        "400", "invalid_json: the body is empty, not JSON, not an object, has a duplicated field or invalid UTF-8.",
        "408", "request_timeout: the body ended, or stalled for " + settings.idleTimeout().toSeconds()
            + " s, before its Content-Length arrived.",
        "413", "payload_too_large: the body is over " + settings.maxBodyBytes() + " bytes.",
        "415", "unsupported_media_type: the body is not sent as Content-Type: application/json.");
  }

  @Override
  public String process(ObjectNode document) {
    ObjectNode paths = (ObjectNode) document.path("paths");
    if (!settings.adminEnabled()) {
      paths.remove(AdminController.PATH);
    }
    if (!settings.writeEnabled()) {
      ((ObjectNode) paths.path(JobcodeServer.QUEUED + "/candidates")).remove("post");
      ((ObjectNode) paths.path(JobcodeServer.QUEUED + "/candidates/{id}")).remove(List.of("put", "delete"));
    }
    if (!settings.adminEnabled() && !settings.writeEnabled()) {
      document.remove("security");   // the plugin writes null there when no scheme is configured: invalid
    }
    paths.properties().forEach(path -> path.getValue().forEach(operation -> addServingAnswers(path.getKey(),
        (ObjectNode) operation)));
    ArrayNode parameters = ((ObjectNode) paths.path(ClassifyController.FILE_PATH).path("post")).putArray("parameters");
    ClassifyController.FILE_PARAMETERS.forEach(p -> parameters.addObject().put("name", p.name()).put("in", "query")
        .put("required", p.required()).put("description", p.description()).put("example", p.example())
        .putObject("schema").put("type", "string"));
    JsonNode schemas = document.path("components").path("schemas");
    schemas.forEach(OpenApiDocument::toWire);
    ((ObjectNode) schemas.path(RequestShapes.BatchRequest.class.getSimpleName()).path("properties").path("items"))
        .put("maxItems", settings.maxBatchItems());
    return document.toPrettyString();
  }

  private void addServingAnswers(String path, ObjectNode operation) {
    Map<String, JsonNode> responses = new TreeMap<>();
    operation.path("responses").properties().forEach(r -> responses.put(r.getKey(), r.getValue()));
    if (operation.path("requestBody").path("content").has("application/json")) {
      bodyErrors.forEach((status, text) -> answer(responses, status, text));
    } else if (operation.has("requestBody")) {   // a file: any type, read as bytes
      bodyErrors.forEach((status, text) -> {
        if (status.equals("408") || status.equals("413")) {
          answer(responses, status, text);
        }
      });
    }
    if (path.startsWith(JobcodeServer.QUEUED + "/")) {
      answer(responses, "503", BUSY).putObject("headers").putObject("Retry-After").putObject("schema")
          .put("type", "integer");
    }
    answer(responses, "500", INTERNAL);
    ObjectNode sorted = operation.putObject("responses");
    responses.forEach((status, response) -> {
      if (status.matches("[45]\\d\\d") && !response.has("content")) {
        ((ObjectNode) response).putObject("content").putObject("application/json").putObject("schema")
            .put("$ref", "#/components/schemas/" + Api.ErrorResponse.class.getSimpleName());
      }
      sorted.set(status, response);
    });
  }

  /** Adds {@code status} with {@code text}, or puts {@code text} before what the handler's annotation says of it. */
  private static ObjectNode answer(Map<String, JsonNode> responses, String status, String text) {
    ObjectNode response = (ObjectNode) responses.computeIfAbsent(status, s -> Json.MAPPER.createObjectNode());
    String own = response.path("description").asText("");
    response.put("description", own.isEmpty() ? text : text + " " + own);
    return response;
  }

  /** Renames a schema's properties (and its list of required ones) to their wire names; numbers and enums. */
  private static void toWire(JsonNode schema) {
    if (schema.get("properties") instanceof ObjectNode properties) {
      ObjectNode renamed = properties.objectNode();
      properties.properties().forEach(p -> renamed.set(WireNames.of(p.getKey()),
          withValues((ObjectNode) p.getValue())));
      ((ObjectNode) schema).set("properties", renamed);
    }
    if (schema.get("required") instanceof ArrayNode required) {
      for (int i = 0; i < required.size(); i++) {
        required.set(i, WireNames.of(required.get(i).asText()));
      }
    }
  }

  private static ObjectNode withValues(ObjectNode property) {
    for (String keyword : NUMERIC) {
      if (property.get(keyword) instanceof JsonNode value && value.isTextual()) {
        property.put(keyword, new BigDecimal(value.textValue()));
      }
    }
    if (property.has(ENUM)) {
      String name = property.remove(ENUM).asText();
      List<String> values = ENUMS.get(name);
      if (values == null) {
        throw new IllegalStateException("no enum named '" + name + "'; known: " + ENUMS.keySet());
      }
      values.forEach(property.putArray("enum")::add);
    }
    return property;
  }
}
