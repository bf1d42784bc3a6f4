package nws.watermark.api.http;

import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import java.util.function.Supplier;

/**
 * An upload fully received: its bytes (joined into one buffer when first asked for), their SHA-256,
 * the declared type and the form fields.
 */
record Upload(Supplier<Buffer> bytes, String sha256, String contentType, MultiMap fields) {}
