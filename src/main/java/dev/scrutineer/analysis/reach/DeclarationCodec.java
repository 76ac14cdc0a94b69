package dev.scrutineer.analysis.reach;

import dev.scrutineer.model.DeclarationKind;
import dev.scrutineer.model.Symbol;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.InflaterInputStream;

/**
 * A file's declarations as bytes: deflated, strings as UTF-8 with their length (a body's normalised
 * text can pass the 64 KiB that {@code writeUTF} allows).
 */
final class DeclarationCodec {
  private static final int MAGIC = 0x5343_4431; // "SCD1"
  private static final DeclarationKind[] KINDS = DeclarationKind.values();

  private DeclarationCodec() {}

  static byte[] encode(List<Declaration> declarations) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (DataOutputStream data = new DataOutputStream(new DeflaterOutputStream(out))) {
      data.writeInt(MAGIC);
      data.writeInt(declarations.size());
      for (Declaration d : declarations) {
        string(data, d.symbol().packageName());
        string(data, d.symbol().name());
        string(data, d.owner());
        string(data, d.simpleName());
        string(data, d.topLevel());
        data.writeByte(d.kind().ordinal());
        data.writeInt(d.line());
        data.writeInt(d.endLine());
        string(data, d.signature());
        string(data, d.body());
      }
    } catch (IOException e) {
      throw new UncheckedIOException("writing to memory failed", e);
    }
    return out.toByteArray();
  }

  /**
   * @throws IllegalArgumentException when {@code bytes} are not what {@link #encode} wrote
   */
  static List<Declaration> decode(byte[] bytes) {
    try (DataInputStream data =
        new DataInputStream(new InflaterInputStream(new ByteArrayInputStream(bytes)))) {
      if (data.readInt() != MAGIC) {
        throw new IllegalArgumentException("not a declarations row");
      }
      int count = data.readInt();
      if (count < 0) {
        throw new IllegalArgumentException("a negative count of declarations");
      }
      List<Declaration> declarations = new ArrayList<>(Math.min(count, 4096));
      for (int i = 0; i < count; i++) {
        Symbol symbol = new Symbol(string(data), string(data));
        String owner = string(data);
        String simpleName = string(data);
        String topLevel = string(data);
        int kind = data.readUnsignedByte();
        if (kind >= KINDS.length) {
          throw new IllegalArgumentException("no declaration kind " + kind);
        }
        declarations.add(
            new Declaration(
                symbol,
                owner,
                simpleName,
                topLevel,
                KINDS[kind],
                data.readInt(),
                data.readInt(),
                string(data),
                string(data)));
      }
      if (data.read() != -1) {
        throw new IllegalArgumentException("bytes after the last declaration");
      }
      return declarations;
    } catch (IOException e) {
      throw new IllegalArgumentException("a damaged declarations row: " + e.getMessage(), e);
    }
  }

  private static void string(DataOutputStream data, String s) throws IOException {
    byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
    data.writeInt(utf8.length);
    data.write(utf8);
  }

  private static String string(DataInputStream data) throws IOException {
    int length = data.readInt();
    if (length < 0 || length > 64 * 1024 * 1024) {
      throw new IllegalArgumentException("a string of " + length + " bytes");
    }
    byte[] utf8 = new byte[length];
    data.readFully(utf8);
    return new String(utf8, StandardCharsets.UTF_8);
  }
}
