package nws.watermark.api.http.upload;

import io.vertx.core.MultiMap;

/** An upload fully received: its bytes, their SHA-256, the declared type and the form fields. */
public record Upload(UploadBytes bytes, String sha256, String contentType, MultiMap fields) {}
