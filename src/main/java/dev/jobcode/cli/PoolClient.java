package dev.jobcode.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jobcode.corpus.Cv;
import dev.jobcode.corpus.CvFile;
import dev.jobcode.json.Json;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.MultipartBody;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * The candidate calls of a running jobcode server, for {@code jobcode candidates add|delete|list
 * --url}: the server holds the pool, so changes go through it.
 */
final class PoolClient {
  private static final MediaType JSON = MediaType.get("application/json");

  /** An answer: its status and JSON body (an error's message is {@link #error}). */
  record Answer(int status, JsonNode body) {
    boolean ok() {
      return status / 100 == 2;
    }

    String error() {
      JsonNode message = body.at("/error/message");
      return message.isMissingNode() ? "HTTP " + status : message.asText() + " (HTTP " + status + ")";
    }
  }

  private final HttpUrl base;
  private final String token;
  private final OkHttpClient http = new OkHttpClient.Builder().callTimeout(Duration.ofMinutes(2))
      .readTimeout(Duration.ofMinutes(2)).build();

  /** @param token the write token, or null for reads */
  PoolClient(String url, String token) {
    HttpUrl parsed = HttpUrl.parse(url);
    if (parsed == null) {
      throw new Main.UsageException("--url must be an http(s) URL like http://127.0.0.1:8080, got '" + url + "'");
    }
    this.base = parsed;
    this.token = token;
  }

  Answer addFile(Path file) {
    RequestBody body = new MultipartBody.Builder().setType(MultipartBody.FORM)
        .addFormDataPart("file", file.getFileName().toString(),
            RequestBody.create(file.toFile(), MediaType.get("application/octet-stream")))
        .build();
    return send(request("v1/candidates").post(body));
  }

  Answer addJson(Cv cv) {
    return send(request("v1/candidates").post(RequestBody.create(CvFile.toJson(cv), JSON)));
  }

  Answer delete(String id) {
    return send(request("v1/candidates/" + id).delete());
  }

  Answer list(int offset, int limit) {
    HttpUrl url = base.newBuilder().addPathSegments("v1/candidates")
        .addQueryParameter("offset", Integer.toString(offset)).addQueryParameter("limit", Integer.toString(limit))
        .build();
    return send(new Request.Builder().url(url).get());
  }

  private Request.Builder request(String path) {
    HttpUrl url = base.newBuilder().addPathSegments(path.startsWith("v1/candidates/")
        ? "v1/candidates" : path).build();
    if (path.startsWith("v1/candidates/")) {
      url = url.newBuilder().addPathSegment(path.substring("v1/candidates/".length())).build();
    }
    Request.Builder b = new Request.Builder().url(url);
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    return b;
  }

  private Answer send(Request.Builder request) {
    Request r = request.build();
    try (Response response = http.newCall(r).execute()) {
      String text = response.body() == null ? "" : response.body().string();
      JsonNode body = text.isBlank() ? Json.MAPPER.createObjectNode() : Json.MAPPER.readTree(text);
      return new Answer(response.code(), body);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new Main.UsageException(r.url() + " did not answer JSON: is it a jobcode server?");
    } catch (IOException e) {
      throw new Main.UsageException("cannot reach " + base + " (" + e.getMessage() + "); is the server running?");
    }
  }
}
