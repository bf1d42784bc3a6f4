package nws.watermark.api.http.upload;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultLastHttpContent;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.LastHttpContent;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.net.impl.ConnectionBase;

/**
 * Works around Netty's multipart decoder keeping a field's final CR when a network read ends
 * between the CR and the LF before the next boundary (netty/netty#12729, still open in 4.2):
 * {@code format=jpeg} arrived as {@code "jpeg\r"} from Chromium, a 400 for a valid upload.
 * Between the HTTP decoder and Vert.x, a body chunk that ends in CR gives that byte to the next
 * chunk instead, so no chunk the multipart decoder sees ends in CR. The body's bytes are the
 * same, in the same order; only where a chunk ends moves by one.
 */
public final class CrHoldBack extends ChannelInboundHandlerAdapter {

  private static final byte CR = '\r';
  private static final String NAME = "nws-cr-hold-back";
  private boolean held;

  /** Puts one on {@code connection}'s pipeline, right after its HTTP/1.1 request decoder. */
  public static void install(HttpConnection connection) {
    Channel channel = connection instanceof ConnectionBase base ? base.channel() : null;
    if (channel == null || channel.pipeline().get("httpDecoder") == null) {
      PipelineMissing.warnOnce(NAME, "httpDecoder");
    } else if (channel.pipeline().get(NAME) == null) {
      channel.pipeline().addAfter("httpDecoder", NAME, new CrHoldBack());
    }
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (msg instanceof HttpRequest) {
      held = false;
    }
    if (!(msg instanceof HttpContent content) || msg instanceof HttpRequest || content.decoderResult().isFailure()) {
      ctx.fireChannelRead(msg);
      return;
    }
    ByteBuf data = content.content();
    if (held) {
      held = false;
      data = Unpooled.wrappedBuffer(Unpooled.wrappedBuffer(new byte[] {CR}), data);
    }
    if (msg instanceof LastHttpContent last) {
      ctx.fireChannelRead(new DefaultLastHttpContent(data, last.trailingHeaders()));
      return;
    }
    // (A content the decoder failed passed through above, its decoder result intact.)
    if (data.isReadable() && data.getByte(data.writerIndex() - 1) == CR) {
      held = true;
      data = data.slice(data.readerIndex(), data.readableBytes() - 1);
    }
    ctx.fireChannelRead(new DefaultHttpContent(data));
  }
}
