package dev.jobcode.server;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import dev.jobcode.json.Json;

/**
 * A Java property's name as the API sends and reads it: what {@link Json#MAPPER}'s naming strategy makes
 * of it ({@code socCode} is {@code soc_code}). The OpenAPI document and the request decoders ask here,
 * so they name fields exactly as the mapper does.
 */
final class WireNames {
  private static final PropertyNamingStrategies.NamingBase STRATEGY =
      (PropertyNamingStrategies.NamingBase) Json.MAPPER.getSerializationConfig().getPropertyNamingStrategy();

  private WireNames() {}

  static String of(String javaName) {
    return STRATEGY.translate(javaName);
  }
}
