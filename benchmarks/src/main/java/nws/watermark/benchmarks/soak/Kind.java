package nws.watermark.benchmarks.soak;

/** The kinds of request a soak sends, each with the answer a correct service gives it. */
enum Kind {
  /** An upload of a corpus photo with options never sent before: a render. */
  MISS_UPLOAD(200, "upload, new options"),
  /** An upload sent before, again: served from a cache (the body is still sent and hashed). */
  HIT_UPLOAD(200, "upload, repeated"),
  /** {@code GET /images/<id>} with new options: the original is read back from storage. */
  ID_MISS(200, "GET /images/<id>, new variant"),
  /** {@code GET /images/<id>} of a variant asked for before. */
  ID_HIT(200, "GET /images/<id>, known variant"),
  /** {@code GET /images/<id>} with the variant's ETag in If-None-Match. */
  ID_NOT_MODIFIED(304, "GET /images/<id>, If-None-Match"),
  /** The first 60 % of a JPEG. */
  BAD_TRUNCATED(422, "bad: truncated JPEG"),
  /** Text sent as image/jpeg. */
  BAD_TEXT(415, "bad: text as image/jpeg"),
  /** An option out of its range. */
  BAD_OPTION(400, "bad: fit=zoom"),
  /** An id no upload has. */
  BAD_UNKNOWN_ID(404, "bad: unknown id");

  final int expected;
  final String label;

  Kind(int expected, String label) {
    this.expected = expected;
    this.label = label;
  }
}
