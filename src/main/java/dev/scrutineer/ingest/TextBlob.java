package dev.scrutineer.ingest;

import dev.scrutineer.model.Line;
import dev.scrutineer.model.SourceTree;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jgit.diff.RawText;

/**
 * A text blob, decoded once. UTF-8 when the bytes are valid UTF-8, ISO-8859-1 otherwise, so that
 * every byte maps to a character and nothing is lost or replaced.
 */
final class TextBlob {
  final RawText raw;
  private final byte[] bytes;

  /** Worked out when first asked: counting a commit's changed lines needs no characters. */
  private Boolean utf8;

  TextBlob(byte[] bytes) {
    this.raw = new RawText(bytes);
    this.bytes = bytes;
  }

  /** Whether the bytes are valid UTF-8, which the lines are then decoded as. */
  boolean utf8() {
    if (utf8 == null) {
      utf8 = SourceTree.isUtf8(bytes);
    }
    return utf8;
  }

  static boolean isBinary(byte[] bytes) {
    return RawText.isBinary(bytes);
  }

  /** Lines {@code from} to {@code to}, 0-based and exclusive, as 1-based model lines. */
  List<Line> lines(int from, int to) {
    List<Line> lines = new ArrayList<>(to - from);
    for (int i = from; i < to; i++) {
      lines.add(new Line(i + 1, line(i)));
    }
    return lines;
  }

  /** Line {@code i}, 0-based, without its terminator; a CRLF file reads like an LF one. */
  String line(int i) {
    ByteBuffer bytes = raw.getRawString(i);
    int end = bytes.limit();
    if (end > bytes.position() && bytes.get(end - 1) == '\r') {
      bytes.limit(end - 1);
    }
    return (utf8() ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1).decode(bytes).toString();
  }
}
