package nws.watermark.benchmarks.load;

/**
 * MISS: an upload with options never sent before. HIT: the same upload and options again (the
 * body is still sent and hashed). ID_HIT: {@code GET /images/<sha256>} with those options, for a
 * client that kept the id: no upload at all.
 */
enum Kind { MISS, HIT, ID_HIT }
