package dev.jobcode.server;

import dev.jobcode.candidates.CandidateIntake;
import dev.jobcode.candidates.CvFiles;
import dev.jobcode.corpus.CorpusException;
import dev.jobcode.corpus.Cv;
import dev.jobcode.corpus.CvFile;
import dev.jobcode.documents.ExtractionException;
import dev.jobcode.documents.TextExtractor;
import dev.jobcode.index.CandidateStore;
import dev.jobcode.taxonomy.OccupationCodes;
import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import io.javalin.openapi.HttpMethod;
import io.javalin.openapi.OpenApi;
import io.javalin.openapi.OpenApiContent;
import io.javalin.openapi.OpenApiExampleProperty;
import io.javalin.openapi.OpenApiParam;
import io.javalin.openapi.OpenApiRequestBody;
import io.javalin.openapi.OpenApiResponse;
import io.javalin.openapi.OpenApiSecurity;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code POST /v1/candidates}, {@code PUT /v1/candidates/{id}} and {@code DELETE /v1/candidates/{id}}:
 * the calls that change the pool. Registered only when the server has a write token; every call
 * must carry it. A CV comes as JSON (the CV file schema) or as a file upload ({@code multipart/form-data},
 * the file in a part named {@code file}, labels in optional fields).
 */
final class CandidateWriteController {
  /** The form fields an upload may carry beside its file. */
  static final Set<String> FORM_FIELDS = Set.of("id", "name", "headline", "onet_code", "major_group", "level",
      "years", "it");
  private static final String CV_ERRORS = "invalid_request: the CV is not valid (an unknown field, no text, a bad "
      + "level, years or code, a code and major group that disagree, an id that differs from the path's); "
      + "unreadable_file: the file is empty, corrupt, encrypted, has no text (a scan), is too long, not a CV "
      + "document, or took too long to read. Nothing was changed.";

  private final ServedIndex served;
  private final CandidateStore pool;
  private final BearerToken token;
  private final TextExtractor extractor;
  private final long maxUploadBytes;

  CandidateWriteController(ServedIndex served, CandidateStore pool, String token, TextExtractor extractor,
                           long maxUploadBytes) {
    this.served = served;
    this.pool = pool;
    this.token = new BearerToken(token, "write");
    this.extractor = extractor;
    this.maxUploadBytes = maxUploadBytes;
  }

  @OpenApi(path = "/v1/candidates", methods = HttpMethod.POST, tags = "candidates", operationId = "addCandidate",
      summary = "Add a CV to the pool: JSON, or a file upload (PDF, DOCX, DOC, ODT, RTF, HTML, Markdown, text)",
      description = "Only when the server has a write token. Labels the CV lacks are inferred and marked so. "
          + "Searches see the CV as soon as this answers; the answer comes after the change is on disk.",
      security = @OpenApiSecurity(name = ApiDocs.BEARER),
      requestBody = @OpenApiRequestBody(required = true, content = {
          @OpenApiContent(from = Cv.class, mimeType = "application/json", exampleObjects = {
              @OpenApiExampleProperty(name = "id", value = "cv-jane-doe"),
              @OpenApiExampleProperty(name = "headline", value = "ICU Nurse"),
              @OpenApiExampleProperty(name = "text", value = "ICU nurse, 6 years on a cardiac ward.")}),
          @OpenApiContent(from = RequestShapes.CvUpload.class, mimeType = "multipart/form-data")}),
      responses = {
          @OpenApiResponse(status = "201", content = @OpenApiContent(from = Api.CandidateWriteResponse.class)),
          @OpenApiResponse(status = "400", content = @OpenApiContent(from = Api.ErrorResponse.class),
              description = CV_ERRORS),
          @OpenApiResponse(status = "401", content = @OpenApiContent(from = Api.ErrorResponse.class),
              description = "unauthorized: no 'Authorization: Bearer TOKEN' with the write token.",
              headers = @OpenApiParam(name = "WWW-Authenticate", example = "Bearer")),
          @OpenApiResponse(status = "409", content = @OpenApiContent(from = Api.ErrorResponse.class), description =
              "duplicate: the pool has a CV with the same text (the message names its id); id_taken: the id is "
                  + "in use (PUT replaces)."),
          @OpenApiResponse(status = "413", content = @OpenApiContent(from = Api.ErrorResponse.class),
              description = "payload_too_large: the file is over the upload limit.")})
  void add(Context ctx) {
    token.require(ctx);
    ctx.status(201).json(write(ctx, null));
  }

  @OpenApi(path = "/v1/candidates/{id}", methods = HttpMethod.PUT, tags = "candidates",
      operationId = "replaceCandidate", summary = "Replace a CV of the pool, as JSON or a file upload",
      security = @OpenApiSecurity(name = ApiDocs.BEARER),
      pathParams = @OpenApiParam(name = "id", required = true, example = "cv-00042", description = "the CV's id"),
      requestBody = @OpenApiRequestBody(required = true, content = {
          @OpenApiContent(from = Cv.class, mimeType = "application/json"),
          @OpenApiContent(from = RequestShapes.CvUpload.class, mimeType = "multipart/form-data")}),
      responses = {
          @OpenApiResponse(status = "200", content = @OpenApiContent(from = Api.CandidateWriteResponse.class)),
          @OpenApiResponse(status = "400", content = @OpenApiContent(from = Api.ErrorResponse.class),
              description = CV_ERRORS),
          @OpenApiResponse(status = "401", content = @OpenApiContent(from = Api.ErrorResponse.class),
              description = "unauthorized: no 'Authorization: Bearer TOKEN' with the write token.",
              headers = @OpenApiParam(name = "WWW-Authenticate", example = "Bearer")),
          @OpenApiResponse(status = "404", content = @OpenApiContent(from = Api.ErrorResponse.class),
              description = "not_found: no CV has this id."),
          @OpenApiResponse(status = "409", content = @OpenApiContent(from = Api.ErrorResponse.class),
              description = "duplicate: another CV of the pool has the same text."),
          @OpenApiResponse(status = "413", content = @OpenApiContent(from = Api.ErrorResponse.class),
              description = "payload_too_large: the file is over the upload limit.")})
  void replace(Context ctx) {
    token.require(ctx);
    ctx.json(write(ctx, ctx.pathParam("id")));
  }

  @OpenApi(path = "/v1/candidates/{id}", methods = HttpMethod.DELETE, tags = "candidates",
      operationId = "deleteCandidate", summary = "Erase a CV: gone from search, GET and the vote at once, and "
          + "from the pool's files within a minute (at the latest before a clean stop completes)",
      security = @OpenApiSecurity(name = ApiDocs.BEARER),
      pathParams = @OpenApiParam(name = "id", required = true, example = "cv-00042", description = "the CV's id"),
      responses = {
          @OpenApiResponse(status = "200", content = @OpenApiContent(from = Api.DeleteReceipt.class)),
          @OpenApiResponse(status = "401", content = @OpenApiContent(from = Api.ErrorResponse.class),
              description = "unauthorized: no 'Authorization: Bearer TOKEN' with the write token.",
              headers = @OpenApiParam(name = "WWW-Authenticate", example = "Bearer")),
          @OpenApiResponse(status = "404", content = @OpenApiContent(from = Api.ErrorResponse.class),
              description = "not_found: no CV has this id.")})
  void delete(Context ctx) {
    token.require(ctx);
    String id = ctx.pathParam("id");
    List<CandidateStore.Receipt> receipts = pool.delete(List.of(id));
    if (receipts.isEmpty()) {
      throw ApiException.notFound("no candidate with id '" + id + "'");
    }
    ctx.json(Api.DeleteReceipt.of(receipts.get(0)));
  }

  /** Reads the CV from the body, stores it, and answers what became of it. */
  private Api.CandidateWriteResponse write(Context ctx, String pathId) {
    OccupationCodes codes = served.with(g -> g.index().codes());
    Incoming in = incoming(ctx, codes);
    Cv cv = in.cv();
    if (pathId != null) {
      if (cv.id() != null && !cv.id().equals(pathId)) {
        throw ApiException.badRequest("the CV's id '" + cv.id() + "' differs from the path's '" + pathId + "'");
      }
      cv = withId(cv, pathId);
    }
    CandidateIntake.Submission submission = new CandidateIntake.Submission(cv, in.source(), pathId != null);
    CandidateIntake.Result r = served.with(g -> new CandidateIntake(pool, g.classifier()).submit(List.of(submission)))
        .get(0);
    return switch (r.outcome()) {
      case ADDED, REPLACED -> Api.CandidateWriteResponse.of(r, in.codeRead(), pool.get(r.id()).orElseThrow());
      case DUPLICATE -> throw new ApiException(409, "duplicate", "the pool already has this CV's text, as '"
          + r.duplicateOf() + "'; nothing was added");
      case ID_TAKEN -> throw new ApiException(409, "id_taken", "a CV with id '" + r.id()
          + "' is in the pool; replace it with PUT /v1/candidates/" + r.id());
      case NOT_FOUND -> throw ApiException.notFound("no candidate with id '" + r.id() + "'");
    };
  }

  /**
   * A CV from the request, the name of the file it came in (or null), and how its onet_code was
   * mapped from SOC 2010 (null when it was not).
   */
  private record Incoming(Cv cv, String source, Api.CodeReading codeRead) {
    /** {@code cv} read from {@code sent}: its code mapped when {@code sent}'s was another version's. */
    static Incoming of(Cv sent, Cv cv, String source, OccupationCodes codes) {
      boolean mapped = sent.onetCode() != null && !sent.onetCode().strip().equals(cv.onetCode());
      return new Incoming(cv, source, mapped ? Api.CodeReading.of(codes.forLabel(sent.onetCode())) : null);
    }
  }

  private Incoming incoming(Context ctx, OccupationCodes codes) {
    String type = ctx.contentType() == null ? "" : ctx.contentType().toLowerCase(Locale.ROOT).strip();
    try {
      if (type.startsWith("application/json")) {
        Cv sent = sent(JsonBodies.bytes(ctx));
        return Incoming.of(sent, CvFile.check(sent, "the CV", codes), null, codes);
      }
      if (type.startsWith("multipart/form-data")) {
        return upload(ctx, codes);
      }
    } catch (CorpusException e) {
      throw ApiException.badRequest(e.getMessage());
    }
    throw new ApiException(415, "unsupported_media_type", "send the CV as JSON ('Content-Type: application/json') "
        + "or as a file upload ('multipart/form-data' with the file in a part named 'file')"
        + (type.isEmpty() ? "" : ", not '" + ctx.contentType() + "'"));
  }

  /** A CV sent as JSON (the CV file schema), checked as a file's line is; every problem is a 400. */
  static Cv cv(byte[] body) {
    try {
      return CvFile.check(sent(body), "the CV");
    } catch (CorpusException e) {
      throw ApiException.badRequest(e.getMessage());
    }
  }

  /** The CV as sent, unchecked. */
  private static Cv sent(byte[] body) {
    Requests.object(body);   // the JSON errors (empty, malformed, duplicated field) as every route reports them
    try {
      return CvFile.fromJson(new String(body, StandardCharsets.UTF_8));
    } catch (CorpusException e) {
      throw ApiException.badRequest(e.getMessage());
    }
  }

  private Incoming upload(Context ctx, OccupationCodes codes) {
    List<UploadedFile> files = ctx.uploadedFiles();
    Map<String, List<String>> form = ctx.formParamMap();
    for (String field : form.keySet()) {
      if (!FORM_FIELDS.contains(field) && !field.equals("file")) {
        throw ApiException.badRequest("unknown field '" + field + "'; expected file and any of "
            + FORM_FIELDS.stream().sorted().toList());
      }
    }
    UploadedFile file = ctx.uploadedFile("file");
    boolean emptyFile = file == null && files.isEmpty() && form.containsKey("file");   // an empty part: no upload
    if (!emptyFile && (files.size() != 1 || file == null)) {
      throw ApiException.badRequest("send exactly one file, in a part named 'file'");
    }
    byte[] content = new byte[0];
    String name = "upload";
    if (file != null) {
      if (file.size() > maxUploadBytes) {
        throw new ApiException(413, "payload_too_large", "the file is " + file.size() + " bytes; the limit is "
            + maxUploadBytes);
      }
      try (InputStream in = file.content()) {
        content = in.readAllBytes();
      } catch (IOException e) {
        throw new ApiException(408, "request_timeout", "the upload ended before the file arrived");
      }
      name = file.filename() == null || file.filename().isBlank() ? "upload" : file.filename();
    }
    Cv text;
    try {
      text = CvFiles.document(extractor.extract(content, name), name);
    } catch (ExtractionException e) {
      throw new ApiException(400, "unreadable_file", name + ": " + e.getMessage());
    }
    Cv cv = new Cv(field(form, "id"), field(form, "name"), field(form, "headline"), field(form, "onet_code"), null,
        field(form, "major_group"), field(form, "level"), years(field(form, "years")), bool(field(form, "it")),
        null, null, null, text.text());
    return Incoming.of(cv, CvFile.check(cv, name, codes), name, codes);
  }

  private static String field(Map<String, List<String>> form, String name) {
    List<String> values = form.get(name);
    if (values == null || values.isEmpty() || values.get(0).isBlank()) {
      return null;
    }
    if (values.size() > 1) {
      throw ApiException.badRequest("field '" + name + "' is given " + values.size() + " times");
    }
    return values.get(0).strip();
  }

  private static Integer years(String value) {
    if (value == null) {
      return null;
    }
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw ApiException.badRequest("years must be a whole number 0..70, got '" + value + "'");
    }
  }

  private static Boolean bool(String value) {
    if (value == null) {
      return null;
    }
    return switch (value.toLowerCase(Locale.ROOT)) {
      case "true" -> true;
      case "false" -> false;
      default -> throw ApiException.badRequest("it must be true or false, got '" + value + "'");
    };
  }

  private static Cv withId(Cv cv, String id) {
    return new Cv(id, cv.name(), cv.headline(), cv.onetCode(), cv.onetTitle(), cv.majorGroup(), cv.level(),
        cv.years(), cv.it(), cv.summary(), cv.skills(), cv.experience(), cv.text());
  }
}
