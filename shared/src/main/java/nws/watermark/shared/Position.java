package nws.watermark.shared;

/** Where the watermark goes: a compass point of the image, its centre, or tiled over it all. */
public enum Position {
  TL, T, TR, L, C, R, BL, B, BR, TILE;

  public String id() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  /** Horizontal anchor: 0 left, 1 centre, 2 right. */
  public int column() {
    return switch (this) {
      case TL, L, BL -> 0;
      case T, C, B, TILE -> 1;
      case TR, R, BR -> 2;
    };
  }

  /** Vertical anchor: 0 top, 1 middle, 2 bottom. */
  public int row() {
    return switch (this) {
      case TL, T, TR -> 0;
      case L, C, R, TILE -> 1;
      case BL, B, BR -> 2;
    };
  }
}
