package nws.watermark.benchmarks.formats;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Our JPEG, WebP and AVIF against sharp's on the same pixels, measured in the same run: for each
 * photo, bytes, SSIM against an exact area-average reference, and encode time, ours and sharp's
 * taken in turn round after round, plus the bytes our WebP and AVIF need to reach sharp's SSIM. A
 * benchmark, not a test: it asserts nothing, it prints. {@code scripts/formats-bench.sh} runs it.
 *
 * <p>Usage: {@code FormatsBench CORPUS_DIR WORK_DIR SHARP_SCRIPT SHARP_APP}, {@code -Drounds=N}
 * (timed rounds per photo, 3 by default). WORK_DIR receives the reference PNGs and both encoders'
 * files, to look at.
 */
public final class FormatsBench {

  private static final List<String> PHOTOS = List.of("photo_20mp_kleiber.jpg", "photo_8mp_picos.jpg",
      "photo_2mp_storm.jpg", "photo_6mp_portrait_friends.jpg");

  private FormatsBench() {}

  public static void main(String[] args) throws Exception {
    if (args.length != 4) {
      System.err.println("usage: FormatsBench CORPUS_DIR WORK_DIR SHARP_SCRIPT SHARP_APP [-Drounds=N]");
      System.exit(2);
    }
    PrintStream table = System.out;
    // The service's classes log to stdout (logback): send them to stderr, so stdout holds the table alone.
    System.setOut(System.err);
    Path corpus = Path.of(args[0]);
    Path work = Files.createDirectories(Path.of(args[1]));
    int rounds = Integer.getInteger("rounds", 3);
    if (rounds < 1) {
      throw new IllegalArgumentException("rounds must be at least 1, got " + rounds);
    }
    String loadBefore = loadAverage();
    ServiceCodecs codecs = ServiceCodecs.load();
    List<PhotoRun> runs = new ArrayList<>();
    try (SharpEncoder sharp = new SharpEncoder(Path.of(args[2]), Path.of(args[3]), work)) {
      for (String photo : PHOTOS) {
        System.err.printf("%s: reference...%n", photo);
        Reference reference = Reference.of(corpus.resolve(photo));
        PhotoRun run = new PhotoRun(reference, reference.writePng(work));
        if (runs.isEmpty()) {
          // Untimed, once: the JIT, the native libraries and node's first calls warm up on both sides.
          run.oursRound(codecs, false);
          run.sharpRound(sharp, false);
        }
        for (int r = 1; r <= rounds; r++) {
          System.err.printf("%s: round %d of %d%n", photo, r, rounds);
          run.oursRound(codecs, true);
          run.sharpRound(sharp, true);
        }
        System.err.printf("%s: scoring and sweeping our qualities...%n", photo);
        run.score(codecs, work);
        runs.add(run);
      }
    }
    table.print(Report.of(legend(codecs, runs.get(0).sharpDescription(), rounds, loadBefore), runs));
  }

  private static List<String> legend(ServiceCodecs codecs, String sharp, int rounds, String loadBefore) {
    return List.of(
        "NWS formats bench: our encoders against sharp's, on the same reference pixels, in the same run",
        "reference: the photo decoded at full size (ImageIO), fitted inside " + Reference.BOX + "x" + Reference.BOX
            + " by an exact area average in doubles, turned upright by its EXIF orientation; a lossless PNG for sharp",
        "score: " + LumaSsim.DEFINITION + "; each output decoded back (ImageIO for JPEG and WebP, libheif for AVIF)",
        "ours: jpeg libjpeg-turbo (TurboJPEG: optimized Huffman tables, accurate DCT, baseline 4:2:0); webp libwebp "
            + "(webp-imageio) method 4; avif libheif " + codecs.heifVersion + " + libaom, speed "
            + ServiceCodecs.AVIF_SPEED + ", 4:2:0, 1 thread",
        "sharp: " + sharp + "; jpeg mozjpeg off, baseline 4:2:0 (as the sharp peer); webp effort 4; avif effort 4 "
            + "(libaom speed 5) at sharp's default 4:4:4 ('sharp 444') and at 4:2:0 as ours ('sharp 420': luma SSIM "
            + "does not see the chroma 4:4:4 pays for, so that is the like-for-like row)",
        "timing: " + rounds + " timed round(s) per photo, ours then sharp's in turn, after one untimed round on the "
            + "first photo; wall ms, and CPU ms (ours: the encoding thread's; sharp's: its whole process's)",
        "machine: " + Runtime.getRuntime().availableProcessors() + " cores, load average " + loadBefore
            + " at start, " + loadAverage() + " at the end (shared: read the ratios)");
  }

  private static String loadAverage() {
    try {
      String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
      return fields[0] + " " + fields[1] + " " + fields[2];
    } catch (Exception e) {
      // Not Linux: the figure only tells how busy the machine was, the run does not need it.
      return "unknown";
    }
  }
}
