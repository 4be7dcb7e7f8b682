package dev.jobcode.server;

import io.javalin.config.JavalinConfig;
import io.javalin.openapi.plugin.OpenApiPlugin;
import io.javalin.openapi.plugin.swagger.SwaggerPlugin;

/**
 * {@code GET /openapi.json}, the API's OpenAPI 3 contract (written from the {@code @OpenApi}
 * annotations at compile time), and {@code GET /docs}, Swagger UI over it, served from its webjar so
 * that the page loads with nothing fetched from outside. Neither waits for a classify slot.
 */
final class ApiDocs {
  static final String DOCUMENT_PATH = "/openapi.json";
  static final String UI_PATH = "/docs";
  /** The security scheme the admin route and the pool's write calls name in their {@code @OpenApi}. */
  static final String BEARER = "BearerAuth";

  /** What holds for every call, including the answers no operation of the document can list. */
  static final String DESCRIPTION = """
      Job titles, postings and CVs to O*NET-SOC occupations. Every error is \
      `{"error": {"code": "...", "message": "..."}}`, never a stack trace. An unknown route answers \
      404 `not_found`, another method on a known path 405 `method_not_allowed`.""";

  private ApiDocs() {}

  static void register(JavalinConfig config, ServerSettings settings) {
    config.registerPlugin(new OpenApiPlugin(openApi -> openApi
        .withDocumentationPath(DOCUMENT_PATH)
        .withDefinitionConfiguration((version, definition) -> {
          definition.withInfo(info -> info.title("jobcode").version("v1").description(DESCRIPTION));
          if (settings.adminEnabled() || settings.writeEnabled()) {
            definition.withSecurity(security -> security.withBearerAuth(BEARER));
          }
          definition.withDefinitionProcessor(new OpenApiDocument(settings));
        })));
    config.registerPlugin(new SwaggerPlugin(swagger -> {
      swagger.setUiPath(UI_PATH);
      swagger.setDocumentationPath(DOCUMENT_PATH);
      swagger.setTitle("jobcode API");
      swagger.setValidatorUrl(null);   // else the page sends the document to validator.swagger.io
    }));
  }
}
