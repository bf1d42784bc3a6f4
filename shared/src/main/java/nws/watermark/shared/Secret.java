package nws.watermark.shared;

/**
 * A credential read from the environment. Its {@link #toString()} never shows the value, so a
 * logged {@link Config} (or a stack trace holding one) cannot leak it.
 */
public record Secret(String value) {

  public boolean isEmpty() {
    return value.isEmpty();
  }

  @Override
  public String toString() {
    return isEmpty() ? "(unset)" : "(set)";
  }
}
