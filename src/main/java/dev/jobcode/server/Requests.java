package dev.jobcode.server;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.jobcode.classify.InvalidQueryException;
import dev.jobcode.classify.Mode;
import dev.jobcode.classify.Query;
import dev.jobcode.json.Json;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Reads request bodies strictly: well-formed JSON, an object, known fields only, each of the right
 * type. Every problem is a 400 that names the field.
 */
final class Requests {
  private static final ObjectReader READER = Json.MAPPER.reader()
      .with(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
  private static final Set<String> QUERY_FIELDS = RequestShapes.fields(RequestShapes.ClassifyRequest.class);
  private static final Set<String> ITEM_FIELDS = RequestShapes.fields(RequestShapes.BatchItem.class);
  private static final Set<String> BATCH_FIELDS = RequestShapes.fields(RequestShapes.BatchRequest.class);

  private Requests() {}

  /** Parses a body that must be one JSON object. */
  static JsonNode object(byte[] body) {
    if (body.length == 0) {
      throw new ApiException(400, "invalid_json", "the request body is empty; send a JSON object");
    }
    JsonNode node;
    try {
      node = READER.readTree(body);
    } catch (JsonProcessingException e) {
      throw new ApiException(400, "invalid_json", "the request body is not valid JSON: "
          + e.getOriginalMessage());
    } catch (IOException e) {
      throw new ApiException(400, "invalid_json", "the request body cannot be read: " + e.getMessage());
    }
    if (node == null || !node.isObject()) {
      throw new ApiException(400, "invalid_json", "the request body must be a JSON object");
    }
    return node;
  }

  /** {@code {"title", "description"?, "k"?, "mode"?}}, or {@code {"text", "k"?, "mode"?}}: a text without a title. */
  static Query query(JsonNode body) {
    knownFields(body, QUERY_FIELDS, "");
    if (body.has("text")) {
      if (body.has("title") || body.has("description")) {
        throw ApiException.badRequest("give either title (with an optional description) or text alone, not both");
      }
      try {
        return Query.ofText(requiredText(body, "text", ""), k(body), mode(body));
      } catch (InvalidQueryException e) {
        throw ApiException.badRequest(e.getMessage());
      }
    }
    return query(body, k(body), mode(body), "");
  }

  static Query query(JsonNode item, int k, Mode mode, String where) {
    String title = requiredText(item, "title", where);
    if (title.isBlank()) {
      throw ApiException.badRequest(where + "title must not be empty");
    }
    try {
      return new Query(title, optionalText(item, "description", where), k, mode);
    } catch (InvalidQueryException e) {
      throw ApiException.badRequest(where + e.getMessage());
    }
  }

  /** {@code {"items": [{"title", "description"?}, ...], "k"?, "mode"?}}: the queries of a batch, in order. */
  static List<Query> batch(JsonNode body, int maxItems) {
    Iterator<JsonNode> items = items(body, maxItems);
    int k = k(body);
    Mode mode = mode(body);
    List<Query> queries = new ArrayList<>();
    for (int i = 0; items.hasNext(); i++) {
      queries.add(query(items.next(), k, mode, "items[" + i + "]."));
    }
    return queries;
  }

  /** The items of a batch, each checked like a single query. */
  private static Iterator<JsonNode> items(JsonNode body, int maxItems) {
    knownFields(body, BATCH_FIELDS, "");
    JsonNode items = body.get("items");
    if (items == null || items.isNull()) {
      throw ApiException.badRequest("items is required: a list of {\"title\", \"description\"} objects");
    }
    if (!items.isArray()) {
      throw ApiException.badRequest("items must be a list");
    }
    if (items.isEmpty()) {
      throw ApiException.badRequest("items must not be empty");
    }
    if (items.size() > maxItems) {
      throw new ApiException(413, "batch_too_large", "a batch holds at most " + maxItems + " items, got "
          + items.size());
    }
    for (int i = 0; i < items.size(); i++) {
      JsonNode item = items.get(i);
      if (!item.isObject()) {
        throw ApiException.badRequest("items[" + i + "] must be an object with a title");
      }
      knownFields(item, ITEM_FIELDS, "items[" + i + "].");
    }
    return items.elements();
  }

  static int k(JsonNode body) {
    return k(body, Query.DEFAULT_K, Query.MAX_K);
  }

  /** {@code k}: absent means {@code defaultK}; else an integer in 1..{@code maxK}. */
  static int k(JsonNode body, int defaultK, int maxK) {
    JsonNode k = body.get("k");
    if (k == null || k.isNull()) {
      return defaultK;
    }
    if (!k.isIntegralNumber() || !k.canConvertToInt()) {
      throw ApiException.badRequest("k must be an integer between 1 and " + maxK);
    }
    if (k.intValue() < 1 || k.intValue() > maxK) {
      throw ApiException.badRequest("k must be between 1 and " + maxK + ", got " + k.intValue());
    }
    return k.intValue();
  }

  static Mode mode(JsonNode body) {
    JsonNode mode = body.get("mode");
    if (mode == null || mode.isNull()) {
      return Mode.DEFAULT;
    }
    if (!mode.isTextual()) {
      throw ApiException.badRequest("mode must be a string: one of " + Mode.ids());
    }
    return Mode.fromId(mode.textValue()).orElseThrow(() -> ApiException.badRequest(
        "unknown mode '" + mode.textValue() + "': use one of " + Mode.ids()));
  }

  private static String requiredText(JsonNode node, String field, String where) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      throw ApiException.badRequest(where + field + " is required");
    }
    if (!value.isTextual()) {
      throw ApiException.badRequest(where + field + " must be a string");
    }
    return value.textValue();
  }

  static String optionalText(JsonNode node, String field, String where) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isTextual()) {
      throw ApiException.badRequest(where + field + " must be a string");
    }
    return value.textValue();
  }

  /** A query parameter that must be a whole number in {@code min..max}; absent or blank: {@code fallback}. */
  static int intParam(io.javalin.http.Context ctx, String name, int fallback, int min, int max) {
    String value = ctx.queryParam(name);
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      int n = Integer.parseInt(value.strip());
      if (n >= min && n <= max) {
        return n;
      }
    } catch (NumberFormatException e) {
      // said below
    }
    throw ApiException.badRequest(name + " must be a whole number " + min + ".." + max + ", got '" + value + "'");
  }

  static void knownFields(JsonNode node, Set<String> known, String where) {
    for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!known.contains(name)) {
        throw ApiException.badRequest("unknown field '" + where + name + "'; expected " + known.stream().sorted().toList());
      }
    }
  }
}
