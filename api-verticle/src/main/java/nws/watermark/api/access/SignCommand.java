package nws.watermark.api.access;

import java.io.PrintStream;
import java.time.Instant;
import java.util.Map;
import nws.watermark.shared.Secret;
import nws.watermark.shared.Signer;
import nws.watermark.shared.config.AccessConfig;
import nws.watermark.shared.config.Env;

/**
 * {@code java -jar api-verticle-...-fat.jar sign [--expires-in SECONDS] '/images/<id>?w=200'}:
 * prints the path signed with the first of {@code NWS_SIGNING_KEYS}, as the service checks it.
 */
public final class SignCommand {

  private SignCommand() {}

  /** Whether {@code args} ask for this command. */
  public static boolean asked(String[] args) {
    return args.length > 0 && args[0].equals("sign");
  }

  /** Runs it; the process's exit status. */
  public static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
    long expiresIn = -1;
    String path = null;
    for (int i = 1; i < args.length; i++) {
      if (args[i].equals("--expires-in") && i + 1 < args.length && args[i + 1].matches("\\d{1,12}")) {
        expiresIn = Long.parseLong(args[++i]);
      } else if (path == null && args[i].startsWith("/")) {
        path = args[i];
      } else {
        path = null;
        break;
      }
    }
    if (path == null) {
      err.println("usage: sign [--expires-in SECONDS] '/images/<id>?<options>'   (key from NWS_SIGNING_KEYS)");
      return 2;
    }
    AccessConfig access;
    try {
      access = AccessConfig.from(new Env(env));
    } catch (IllegalArgumentException e) {
      err.println(e.getMessage());
      return 2;
    }
    if (!access.signs()) {
      err.println(AccessConfig.SIGNING_KEYS.name() + " is not set: there is no key to sign with");
      return 2;
    }
    Signer signer = new Signer(access.signingKeys().stream().map(Secret::value).toList());
    out.println(expiresIn < 0 ? signer.sign(path) : signer.sign(path, Instant.now().plusSeconds(expiresIn)));
    return 0;
  }
}
