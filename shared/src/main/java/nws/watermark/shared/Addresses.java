package nws.watermark.shared;

/** Event-bus addresses of NWS Watermark. Every one is part of the public contract. */
public final class Addresses {

  /**
   * Optimizer jobs. Send the original image bytes as a {@code Buffer} body with the options as
   * message headers (names from {@link Options}); the reply is the encoded image as a
   * {@code Buffer} with {@link BusHeaders} describing it, or a failure whose code is an
   * {@link ErrorCode#id()}. Any number of optimizer instances consume it, round-robin.
   */
  public static final String OPTIMIZE = "nws.optimizer.optimize";

  private Addresses() {}
}
