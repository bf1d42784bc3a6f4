package nws.watermark.api.http.upload;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpRequestDecoder;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.codec.http.multipart.Attribute;
import io.netty.handler.codec.http.multipart.DefaultHttpDataFactory;
import io.netty.handler.codec.http.multipart.FileUpload;
import io.netty.handler.codec.http.multipart.HttpPostRequestDecoder;
import io.netty.handler.codec.http.multipart.InterfaceHttpData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nws.watermark.api.Service;
import org.junit.jupiter.api.Test;

/**
 * Netty's own HTTP and multipart decoders, fed a body whose reads end between the CR and the LF
 * before each boundary (as Chromium's writes sometimes do): without {@link CrHoldBack} a field
 * {@code png} decodes as {@code "png\r"} (netty/netty#12729); with it, every part decodes as sent.
 */
class CrHoldBackTest {

  private static final String BOUNDARY = "----NwsSplitBoundary7MA4YWxkTrZu0gW";

  @Test
  void with_the_hold_back_fields_and_image_split_before_a_boundary_decode_as_sent() throws IOException {
    byte[] photo = Service.corpus("photo_03mp_rocket.jpg");
    Map<String, byte[]> parts = decode(photo, true);
    assertEquals("png", new String(parts.get("format"), StandardCharsets.UTF_8));
    assertEquals("120", new String(parts.get("w"), StandardCharsets.UTF_8));
    assertArrayEquals(photo, parts.get("image"));
  }

  @Test
  void without_it_netty_keeps_the_cr_this_guards_against() throws IOException {
    byte[] photo = Service.corpus("photo_03mp_rocket.jpg");
    Map<String, byte[]> parts = decode(photo, false);
    assertEquals("png\r", new String(parts.get("format"), StandardCharsets.UTF_8));
    assertEquals("120\r", new String(parts.get("w"), StandardCharsets.UTF_8));
  }

  /** The parts of the split upload, as the multipart decoder gives them. */
  private static Map<String, byte[]> decode(byte[] photo, boolean holdBack) throws IOException {
    List<byte[]> pieces = List.of(
        ascii(part("format") + "png\r"),
        ascii("\n" + part("w") + "120\r"),
        ascii("\n--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"image\"; filename=\"p.jpg\"\r\n"
            + "Content-Type: image/jpeg\r\n\r\n"),
        photo,
        ascii("\r"),
        ascii("\n--" + BOUNDARY + "--\r\n"));
    int length = pieces.stream().mapToInt(p -> p.length).sum();
    Multipart multipart = new Multipart();
    EmbeddedChannel channel = holdBack
        ? new EmbeddedChannel(new HttpRequestDecoder(), new CrHoldBack(), multipart)
        : new EmbeddedChannel(new HttpRequestDecoder(), multipart);
    channel.writeInbound(Unpooled.wrappedBuffer(ascii("POST /upload HTTP/1.1\r\nHost: 127.0.0.1\r\n"
        + "Content-Type: multipart/form-data; boundary=" + BOUNDARY + "\r\nContent-Length: " + length + "\r\n\r\n")));
    for (byte[] piece : pieces) {
      // One read per piece: the HTTP decoder passes each on as a content of its own.
      channel.writeInbound(Unpooled.wrappedBuffer(piece));
    }
    channel.finishAndReleaseAll();
    return multipart.parts;
  }

  /** Feeds the body to Netty's multipart decoder as Vert.x does, and keeps what it decodes. */
  private static final class Multipart extends ChannelInboundHandlerAdapter {
    final Map<String, byte[]> parts = new LinkedHashMap<>();
    private HttpPostRequestDecoder decoder;

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) throws IOException {
      if (msg instanceof HttpRequest request) {
        decoder = new HttpPostRequestDecoder(new DefaultHttpDataFactory(false), request);
      }
      if (msg instanceof HttpContent content) {
        decoder.offer(content);
        content.release();
        while (decoder.hasNext()) {
          InterfaceHttpData data = decoder.next();
          if (data instanceof Attribute a) {
            parts.put(a.getName(), ByteBufUtil.getBytes(a.getByteBuf()));
          } else if (data instanceof FileUpload f) {
            parts.put(f.getName(), ByteBufUtil.getBytes(f.getByteBuf()));
          }
        }
        if (msg instanceof LastHttpContent) {
          decoder.destroy();
        }
      }
    }
  }

  private static String part(String name) {
    return "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n";
  }

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.ISO_8859_1);
  }
}
