package dev.scrutineer.store;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Reads UTF-8 strings out of a buffer that need not have an array behind it, as a mapped file has
 * not, through one array reused for every string instead of one each.
 */
public final class BufferStrings {
  private byte[] scratch = new byte[256];

  /**
   * The {@code length} bytes at {@code in}'s position as a string; the position moves past them.
   */
  public String read(ByteBuffer in, int length) {
    if (length > scratch.length) {
      scratch = new byte[Math.max(length, 2 * scratch.length)];
    }
    in.get(scratch, 0, length);
    return new String(scratch, 0, length, StandardCharsets.UTF_8);
  }
}
