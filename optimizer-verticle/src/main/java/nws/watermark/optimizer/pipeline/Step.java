package nws.watermark.optimizer.pipeline;

/** One stage of the {@link Pipeline}. Steps throw {@code ServiceException} for bad input. */
interface Step {
  void apply(Job job) throws Exception;
}
