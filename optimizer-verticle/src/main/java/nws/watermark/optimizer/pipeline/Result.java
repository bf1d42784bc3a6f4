package nws.watermark.optimizer.pipeline;

import nws.watermark.shared.OutputFormat;

/** The encoded image and what a client needs to know about it. */
public record Result(byte[] bytes, OutputFormat format, int width, int height, boolean watermarkSkipped) {}
