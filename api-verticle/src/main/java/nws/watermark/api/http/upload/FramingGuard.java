package nws.watermark.api.http.upload;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.ReferenceCountUtil;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.impl.ConnectionBase;
import java.nio.charset.StandardCharsets;
import nws.watermark.shared.ErrorCode;
import nws.watermark.shared.ServiceException;

/**
 * Answers what Vert.x would answer with no answer, or not in HTTP/1.1: a body whose chunked framing
 * breaks (a bad chunk size, a chunk longer than it said), or whose multipart decoding throws while
 * the body streams in, makes Vert.x close the connection; a request line of another protocol
 * version ({@code HTTP/9.9}, the HTTP/2 preface) gets a 501 in that version. Each gets the
 * service's JSON 400 {@code MALFORMED_REQUEST} in HTTP/1.1, then the connection is closed. Sits
 * just before Vert.x's handler, so it sees the decoded request, the responses Vert.x writes (it
 * never answers a request that has its answer already) and Vert.x closing the connection.
 */
public final class FramingGuard extends ChannelDuplexHandler {

  private static final String NAME = "nws-framing-guard";
  /** A response has started for the current request. */
  private boolean answered;
  /** This connection was refused: whatever else arrives on it is dropped. */
  private boolean refused;

  /** What went wrong while decoding the request, as Vert.x reported it just before closing. */
  private Throwable failure;
  /** A request has begun on this connection. */
  private boolean inRequest;

  /** Puts one on {@code connection}'s pipeline, right before Vert.x's handler. */
  public static void install(HttpConnection connection) {
    Channel channel = connection instanceof ConnectionBase base ? base.channel() : null;
    if (channel == null || channel.pipeline().get("handler") == null) {
      PipelineMissing.warnOnce(NAME, "handler");
    } else if (channel.pipeline().get(NAME) == null) {
      FramingGuard guard = new FramingGuard();
      channel.pipeline().addBefore("handler", NAME, guard);
      // Vert.x reports a decoder's exception to the connection, then closes it: kept for close().
      connection.exceptionHandler(err -> guard.failure = err);
    }
  }

  @Override
  public void close(ChannelHandlerContext ctx, ChannelPromise promise) {
    Throwable err = failure;
    failure = null;
    if (err != null && inRequest && !answered && !refused
        && Malformed.or(err) instanceof ServiceException e && e.code() == ErrorCode.MALFORMED_REQUEST) {
      refused = true;
      ctx.writeAndFlush(malformed(e)).addListener(done -> ctx.close(promise));
      return;
    }
    // An answer to the failure may be written but not flushed yet (Vert.x flushes after a read):
    // it goes out before the connection does.
    ctx.flush();
    ctx.close(promise);
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (refused) {
      ReferenceCountUtil.release(msg);
      return;
    }
    if (msg instanceof HttpRequest request) {
      answered = false;
      inRequest = true;
      HttpVersion version = request.protocolVersion();
      if (request.decoderResult().isSuccess() && version != HttpVersion.HTTP_1_1 && version != HttpVersion.HTTP_1_0) {
        ReferenceCountUtil.release(msg);
        refuse(ctx, "this service speaks HTTP/1.1 and HTTP/1.0, not " + version.text());
        return;
      }
    } else if (msg instanceof HttpContent content && content.decoderResult().isFailure()) {
      Throwable cause = content.decoderResult().cause();
      ReferenceCountUtil.release(msg);
      refuse(ctx, "its body's framing is broken (" + (cause == null ? "undecodable" : cause.getMessage()) + ")");
      return;
    }
    ctx.fireChannelRead(msg);
  }

  @Override
  public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
    if (msg instanceof HttpResponse response && response.status().code() >= 200) {
      answered = true;
    }
    ctx.write(msg, promise);
  }

  /** The JSON 400 (unless an answer has started: then only the close), and no more reading. */
  private void refuse(ChannelHandlerContext ctx, String why) {
    refused = true;
    ctx.channel().config().setAutoRead(false);
    if (answered) {
      ctx.close();
      return;
    }
    ctx.writeAndFlush(malformed(Malformed.of(why))).addListener(ChannelFutureListener.CLOSE);
  }

  private static FullHttpResponse malformed(ServiceException error) {
    byte[] body = new JsonObject().put("error", error.code().name()).put("message", error.getMessage()).encode()
        .getBytes(StandardCharsets.UTF_8);
    FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
        HttpResponseStatus.valueOf(ErrorCode.MALFORMED_REQUEST.status()), Unpooled.wrappedBuffer(body));
    response.headers()
        .set(HttpHeaderNames.CONTENT_TYPE, "application/json; charset=utf-8")
        .set(HttpHeaderNames.CONTENT_LENGTH, body.length)
        .set(HttpHeaderNames.CONNECTION, "close")
        .set("X-Content-Type-Options", "nosniff");
    return response;
  }
}
