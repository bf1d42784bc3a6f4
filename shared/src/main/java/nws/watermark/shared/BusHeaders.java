package nws.watermark.shared;

/** Header names on optimizer replies (requests carry the option names of {@link Options}). */
public final class BusHeaders {

  /** MIME type of the encoded image in the reply, for example {@code image/jpeg}. */
  public static final String CONTENT_TYPE = "content-type";

  /** Width in pixels of the encoded image in the reply. */
  public static final String WIDTH = "nws-width";

  /** Height in pixels of the encoded image in the reply. */
  public static final String HEIGHT = "nws-height";

  /** {@code true} when the watermark was left out because the image is too small for it. */
  public static final String WATERMARK_SKIPPED = "nws-watermark-skipped";

  /**
   * Optional, on a request: an address where the optimizer node that receives the job sends a
   * receipt (an empty message with {@link #JOB_ID} and {@link #NODE_ID}) the moment it arrives,
   * before it waits for a worker. The API uses receipts to know which node holds which job, so a
   * node that dies has its jobs sent elsewhere at once instead of after the send timeout.
   */
  public static final String RECEIPT_TO = "nws-receipt-to";

  /** On a request that asks for a receipt, and on the receipt: the sender's id for the job. */
  public static final String JOB_ID = "nws-job-id";

  /** On a receipt and on every reply: the cluster node id of the optimizer node that took the job. */
  public static final String NODE_ID = "nws-node-id";

  /**
   * Optional, on a request: {@value #BACKGROUND} for a job nobody waits for (an AVIF rendered
   * ahead for the next {@code format=auto} request). An optimizer takes such a job only when a
   * worker is free and no other job waits for one, and refuses it with {@link ErrorCode#BUSY}
   * otherwise, so the sender offers it again later, to whichever node is free.
   */
  public static final String PRIORITY = "nws-priority";

  /** The value of {@link #PRIORITY} for a background job. */
  public static final String BACKGROUND = "background";

  /** Headers that route a job and are no processing option; the optimizer ignores them. */
  public static final java.util.Set<String> ROUTING = java.util.Set.of(RECEIPT_TO, JOB_ID, PRIORITY);

  private BusHeaders() {}
}
