package nws.watermark.api.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.vertx.core.Handler;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.core.streams.ReadStream;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.multipart.MultipartForm;
import io.vertx.json.schema.Draft;
import io.vertx.json.schema.JsonSchema;
import io.vertx.json.schema.JsonSchemaOptions;
import io.vertx.json.schema.OutputUnit;
import io.vertx.json.schema.SchemaRepository;
import io.vertx.json.schema.Validator;
import io.vertx.openapi.contract.OpenAPIVersion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import nws.watermark.api.Service;
import nws.watermark.api.cache.CacheKey;
import nws.watermark.api.metrics.Metrics;
import nws.watermark.api.storage.OriginalStore;
import nws.watermark.optimizer.logo.Logos;
import nws.watermark.shared.Addresses;
import nws.watermark.shared.Config;
import nws.watermark.shared.Option;
import nws.watermark.shared.Options;
import nws.watermark.shared.Signer;
import nws.watermark.shared.config.AccessConfig;
import nws.watermark.shared.config.HttpConfig;
import nws.watermark.shared.config.ImagesConfig;
import nws.watermark.shared.config.LimitsConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.yaml.snakeyaml.Yaml;

/**
 * Keeps {@code /openapi.yaml} true: every documented answer (operation and status) is produced by
 * a real request to a running service and validated against its documented schema and headers,
 * every case here is documented, and every route of the router is documented.
 */
class OpenApiTest {

  private static final String PHOTO = "photo_03mp_rocket.jpg";
  private static final String BIG = "photo_20mp_kleiber.jpg";

  /** The usual service; and three that are made to fail in the ways a real deployment can. */
  private static Service service;
  private static Service small;
  private static Service slow;
  private static Service idle;
  /** Keys, signed URLs and signed upload options, and a short body timeout. */
  private static Service guarded;
  /** One request a minute per client. */
  private static Service limited;
  private static final String KEY = "openapi-test-upload-key-01";
  private static final Signer SIGNER = new Signer(List.of("openapi-test-signing-key-0123456789abcdef"));
  /** The description as served, every {@code $ref} resolved. */
  private static JsonObject described;
  private static final String BASE_URI = "app:///";

  /** One request that produces one documented answer. */
  record Case(String operation, int status, String what, Supplier<HttpResponse<Buffer>> request) {
    @Override
    public String toString() {
      return operation + " " + status + ": " + what;
    }
  }

  static List<Case> cases() {
    return List.of(
        new Case("upload", 200, "a photo", () -> service.upload(PHOTO)),
        new Case("upload", 200, "a photo as PNG", () -> service.upload(PHOTO, Service.corpus(PHOTO), "?format=png&w=50")),
        new Case("upload", 200, "a photo as WebP", () -> service.upload(PHOTO, Service.corpus(PHOTO), "?format=webp&w=60")),
        new Case("upload", 200, "a photo as AVIF", () -> service.upload(PHOTO, Service.corpus(PHOTO), "?format=avif&w=70")),
        new Case("upload", 200, "format=auto for a browser", () -> service.client.post("/upload?format=auto&w=80")
            .putHeader("Accept", "image/avif,image/webp,*/*;q=0.8").putHeader("Content-Type", "image/jpeg")
            .sendBuffer(Buffer.buffer(Service.corpus(PHOTO))).await()),
        new Case("upload", 400, "an option out of range, as a form field", () -> service.client.post("/upload")
            .sendMultipartForm(MultipartForm.create().attribute("w", "0")
                .binaryFileUpload("image", PHOTO, Buffer.buffer(Service.corpus(PHOTO)), "image/jpeg"))
            .await()),
        new Case("upload", 400, "no image", () -> service.upload("empty.jpg")),
        new Case("upload", 413, "an upload over the limit", () -> small.upload(PHOTO)),
        new Case("upload", 415, "text named .jpg", () -> service.upload("not_an_image.jpg")),
        new Case("upload", 422, "a truncated JPEG", () -> service.upload("truncated.jpg")),
        new Case("upload", 422, "a decompression bomb", () -> service.upload("bomb_30000.png")),
        new Case("upload", 400, "a query that does not decode", () -> service.client.post("/upload?w=%zz")
            .putHeader("Content-Type", "image/jpeg").sendBuffer(Buffer.buffer(Service.corpus(PHOTO))).await()),
        new Case("upload", 401, "no API key", () -> guarded.upload(PHOTO)),
        new Case("upload", 403, "a key but an unsigned query", () -> guarded.client.post("/upload?w=100")
            .bearerTokenAuthentication(KEY).putHeader("Content-Type", "image/jpeg")
            .sendBuffer(Buffer.buffer(Service.corpus(PHOTO))).await()),
        new Case("upload", 408, "a body that stops coming", () -> guarded.client.post(SIGNER.sign("/upload"))
            .bearerTokenAuthentication(KEY).putHeader("Content-Type", "image/jpeg").putHeader("Content-Length", "100000")
            .sendStream(new Stalled()).await()),
        new Case("upload", 429, "over the rate", () -> twice(() -> limited.upload(PHOTO))),
        new Case("upload", 502, "an optimizer that times out twice", () -> slow.upload(BIG)),
        new Case("upload", 503, "no optimizer running", () -> idle.upload(PHOTO)),
        new Case("image", 200, "a variant of a stored original",
            () -> stored(service, PHOTO, "?w=200", MultiMap.caseInsensitiveMultiMap())),
        new Case("image", 304, "a variant the client holds", () -> {
          HttpResponse<Buffer> first = stored(service, PHOTO, "?w=210", MultiMap.caseInsensitiveMultiMap());
          return stored(service, PHOTO, "?w=210", MultiMap.caseInsensitiveMultiMap().add("If-None-Match", first.getHeader("ETag")));
        }),
        new Case("image", 400, "an id that is not a SHA-256", () -> get(service, "/images/not-a-sha")),
        new Case("image", 400, "an unknown fit", () -> get(service, "/images/" + sha256(PHOTO) + "?fit=zoom")),
        new Case("image", 403, "an unsigned URL", () -> get(guarded, "/images/" + "0".repeat(64) + "?w=100")),
        new Case("image", 404, "an original never uploaded", () -> get(service, "/images/" + "0".repeat(64))),
        new Case("image", 429, "over the rate", () -> twice(() -> get(limited, "/images/" + "0".repeat(64)))),
        new Case("image", 415, "a stored original that is not an image",
            () -> stored(service, "not_an_image.jpg", "", MultiMap.caseInsensitiveMultiMap())),
        new Case("image", 422, "a stored original that is truncated",
            () -> stored(service, "truncated.jpg", "?w=300", MultiMap.caseInsensitiveMultiMap())),
        new Case("image", 502, "an optimizer that times out twice",
            () -> stored(slow, BIG, "?w=300", MultiMap.caseInsensitiveMultiMap())),
        new Case("image", 503, "no optimizer running",
            () -> stored(idle, PHOTO, "?w=300", MultiMap.caseInsensitiveMultiMap())),
        new Case("options", 200, "the options and their defaults", () -> get(service, "/options")),
        new Case("health", 200, "alive", () -> get(service, "/health")),
        new Case("ready", 200, "ready", () -> get(service, "/ready")),
        new Case("metrics", 200, "the metrics", () -> get(service, "/metrics")),
        new Case("openapi", 200, "this description", () -> get(service, "/openapi.yaml")),
        new Case("page", 200, "the upload page", () -> get(service, "/")));
  }

  @BeforeAll
  static void start() {
    service = Service.start();
    small = Service.start(Map.of(LimitsConfig.MAX_UPLOAD_BYTES.name(), "50000"));
    // An optimizer that takes every job and never answers: both attempts time out.
    slow = Service.start(Map.of(LimitsConfig.JOB_TIMEOUT_MS.name(), "300", ImagesConfig.OPTIMIZER_INSTANCES.name(), "0"));
    slow.vertx.eventBus().consumer(Addresses.OPTIMIZE, job -> { }).completion().await();
    idle = Service.start(Map.of(ImagesConfig.OPTIMIZER_INSTANCES.name(), "0"));
    guarded = Service.start(Map.of(AccessConfig.API_KEYS.name(), KEY,
        AccessConfig.SIGNING_KEYS.name(), "openapi-test-signing-key-0123456789abcdef",
        AccessConfig.SIGNED_UPLOAD_OPTIONS.name(), "true", HttpConfig.BODY_IDLE_TIMEOUT_MS.name(), "300"));
    limited = Service.start(Map.of(AccessConfig.RATE_LIMIT.name(), "1/m"));
    JsonObject raw = new JsonObject(new Yaml().<Map<String, Object>>load(get(service, "/openapi.yaml").bodyAsString()));
    SchemaRepository meta = OpenAPIVersion.V3_1.getRepository(service.vertx, BASE_URI).await();
    OutputUnit valid = OpenAPIVersion.V3_1.validateContract(service.vertx, meta, raw).await();
    assertTrue(valid.getValid(), () -> "openapi.yaml is not a valid OpenAPI 3.1 document: " + valid.getErrors());
    described = OpenAPIVersion.V3_1.resolve(service.vertx, meta, raw).await();
  }

  @AfterAll
  static void stop() {
    Stream.of(service, small, slow, idle, guarded, limited).forEach(Service::close);
  }

  /** The second of two requests: past a rate of one a minute, whichever case ran before. */
  private static HttpResponse<Buffer> twice(Supplier<HttpResponse<Buffer>> request) {
    request.get();
    return request.get();
  }

  /** A body that sends a few bytes, then nothing more and never ends: a stalled client. */
  private static final class Stalled implements ReadStream<Buffer> {
    private Handler<Buffer> handler;

    @Override
    public ReadStream<Buffer> handler(Handler<Buffer> handler) {
      this.handler = handler;
      if (handler != null) {
        handler.handle(Buffer.buffer(new byte[] {(byte) 0xff, (byte) 0xd8}));
      }
      return this;
    }

    @Override
    public ReadStream<Buffer> exceptionHandler(Handler<Throwable> h) {
      return this;
    }

    @Override
    public ReadStream<Buffer> pause() {
      return this;
    }

    @Override
    public ReadStream<Buffer> resume() {
      return this;
    }

    @Override
    public ReadStream<Buffer> fetch(long amount) {
      return this;
    }

    @Override
    public ReadStream<Buffer> endHandler(Handler<Void> endHandler) {
      return this;
    }
  }

  @Test
  void every_documented_answer_has_a_case_and_every_case_is_documented() {
    Set<String> documented = new TreeSet<>();
    JsonObject paths = described.getJsonObject("paths");
    for (String path : paths.fieldNames()) {
      if (!path.startsWith("/")) {
        continue;
      }
      for (JsonObject op : operations(paths.getJsonObject(path))) {
        op.getJsonObject("responses").fieldNames().stream()
            .filter(status -> status.matches("\\d{3}"))
            .forEach(status -> documented.add(op.getString("operationId") + " " + status));
      }
    }
    Set<String> tested = cases().stream().map(c -> c.operation() + " " + c.status()).collect(Collectors.toCollection(TreeSet::new));
    assertEquals(documented, tested);
  }

  @Test
  void every_route_of_the_router_is_documented() {
    Router router = Routes.create(service.vertx, Config.defaults(),
        new Routes.Parts(null, null, null, null, Metrics.of(service.vertx), Logos.NONE));
    Set<String> documented = described.getJsonObject("paths").fieldNames();
    for (Route route : router.getRoutes()) {
      String path = route.getPath();
      if (path == null) {
        continue;
      }
      if (path.equals("/*")) {
        assertTrue(documented.containsAll(List.of("/", "/openapi.yaml")), "the static files a client uses");
        continue;
      }
      String openApiPath = path.replaceAll(":(\\w+)", "{$1}");
      assertTrue(documented.contains(openApiPath), "route " + path + " is documented as " + openApiPath);
    }
  }

  /** Option names and defaults live once, in {@code Options}: the description says the same. */
  @Test
  void every_option_is_documented_with_its_default() {
    JsonObject parameters = described.getJsonObject("components").getJsonObject("parameters");
    for (Option<?> option : Options.ALL) {
      JsonObject documented = parameters.getJsonObject(option.name());
      assertTrue(documented != null, "option " + option.name() + " is a documented parameter");
      if (option == Options.Q) {
        // Each format has its own default quality: the description says which, the schema none.
        assertTrue(documented.getString("description").contains("own default"), "q's default is per format");
        continue;
      }
      Object fallback = option.json(Options.DEFAULTS);
      Object shown = documented.getJsonObject("schema").getValue("default");
      assertEquals(fallback instanceof Number n ? n.doubleValue() : fallback,
          shown instanceof Number n ? n.doubleValue() : shown, "the documented default of " + option.name());
    }
  }

  @Test
  void the_served_description_is_the_one_tested() {
    HttpResponse<Buffer> r = get(service, "/openapi.yaml");
    assertTrue(r.getHeader("Content-Type").contains("yaml"), r.getHeader("Content-Type"));
    assertEquals("3.1.0", described.getString("openapi"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void each_answer_matches_its_description(Case c) {
    HttpResponse<Buffer> r = c.request().get();
    assertEquals(c.status(), r.statusCode(), () -> c + " answered " + r.bodyAsString());
    JsonObject documented = operation(c.operation()).getJsonObject("responses").getJsonObject(Integer.toString(c.status()));
    checkHeaders(c, r, documented.getJsonObject("headers", new JsonObject()));
    checkBody(c, r, documented.getJsonObject("content"));
  }

  /** The operations of a path item; the resolver leaves bookkeeping fields beside them. */
  private static List<JsonObject> operations(JsonObject pathItem) {
    return Stream.of("get", "put", "post", "delete", "options", "head", "patch", "trace")
        .filter(pathItem::containsKey)
        .map(pathItem::getJsonObject)
        .toList();
  }

  private static JsonObject operation(String id) {
    JsonObject paths = described.getJsonObject("paths");
    for (String path : paths.fieldNames()) {
      if (!path.startsWith("/")) {
        continue;
      }
      for (JsonObject op : operations(paths.getJsonObject(path))) {
        if (id.equals(op.getString("operationId"))) {
          return op;
        }
      }
    }
    throw new AssertionError("no operation " + id + " in openapi.yaml");
  }

  /** Each documented header: present when required, and its value of the documented schema. */
  private static void checkHeaders(Case c, HttpResponse<Buffer> r, JsonObject headers) {
    for (String name : headers.fieldNames()) {
      if (!(headers.getValue(name) instanceof JsonObject header)) {
        continue;
      }
      String value = r.getHeader(name);
      if (value == null) {
        assertTrue(!header.getBoolean("required", false), c + ": required header " + name + " is missing");
        continue;
      }
      JsonObject schema = header.getJsonObject("schema");
      Object typed = "integer".equals(schema.getString("type")) ? parseLong(c, name, value) : value;
      check(c, "header " + name, schema, typed);
    }
  }

  /** The body's media type is documented for this answer, and a JSON body fits its schema. */
  private static void checkBody(Case c, HttpResponse<Buffer> r, JsonObject content) {
    boolean empty = r.body() == null || r.body().length() == 0;
    if (content == null) {
      assertTrue(empty, c + ": documented without a body, got " + r.getHeader("Content-Type"));
      return;
    }
    String type = r.getHeader("Content-Type").split(";")[0].trim();
    assertTrue(content.containsKey(type), c + ": Content-Type " + type + " is not among " + content.fieldNames());
    assertTrue(!empty, c + ": documented with a body, got none");
    if (type.equals("application/json")) {
      check(c, "body", content.getJsonObject(type).getJsonObject("schema"), r.bodyAsJsonObject());
    }
  }

  private static void check(Case c, String what, JsonObject schema, Object value) {
    OutputUnit result = Validator.create(JsonSchema.of(schema),
        new JsonSchemaOptions().setDraft(Draft.DRAFT202012).setBaseUri(BASE_URI)).validate(value);
    assertTrue(result.getValid(), () -> c + ": " + what + " " + value + " does not fit " + schema.encode()
        + ": " + result.getErrors());
  }

  private static long parseLong(Case c, String name, String value) {
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw new AssertionError(c + ": header " + name + " must be an integer, got " + value);
    }
  }

  private static HttpResponse<Buffer> get(Service s, String uri) {
    return s.get(uri, MultiMap.caseInsensitiveMultiMap());
  }

  /** Uploads {@code file} (whatever the answer) so its original is stored, then asks for a variant. */
  /**
   * {@code file} put in the store as an original, then a variant of it asked for. Not uploaded: an
   * upload refused as an image leaves no original, but one stored before that rule still answers.
   */
  private static HttpResponse<Buffer> stored(Service s, String file, String query, MultiMap headers) {
    try {
      Path original = s.storage.resolve(OriginalStore.objectName(sha256(file)));
      Files.createDirectories(original.getParent());
      Files.write(original, Service.corpus(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return s.get("/images/" + sha256(file) + query, headers);
  }

  private static String sha256(String file) {
    return java.util.HexFormat.of().formatHex(CacheKey.digest().digest(Service.corpus(file)));
  }
}
