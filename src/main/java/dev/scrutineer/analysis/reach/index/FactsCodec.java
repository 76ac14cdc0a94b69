package dev.scrutineer.analysis.reach.index;

import dev.scrutineer.analysis.reach.index.Reference.Receiver;
import dev.scrutineer.analysis.reach.index.Reference.ReferenceKind;
import dev.scrutineer.model.DeclarationKind;
import dev.scrutineer.model.Symbol;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.RandomAccess;
import java.util.Set;
import java.util.zip.CRC32;

/**
 * A compact binary form of {@link FileFacts} without its path (the cache is keyed by content, and
 * the same content may sit at several paths): every string once in a table, then the records as
 * variable-length integers, and a CRC-32 of all that. Not compressed: deflated, the facts took half
 * the space, but inflating them was two fifths of the time a warm run spends decoding the
 * repository's facts. Each member's references follow their length and are read only when asked
 * for: a warm run reads those of the files it links and of the tests, most of a repository's facts
 * being references of other files.
 */
final class FactsCodec {
  /**
   * The magic number that starts what this codec writes, and names its format: "SCF5". "SCF4" rows
   * read every reference at once, "SCF3" had argument types as lists, "SCF2" none, "SCF1" rows were
   * deflated.
   */
  static final int FORMAT = 0x5343_4636;

  // values() copies its array on every call: once per decoded reference was 46 MB a warm run.
  private static final ReferenceKind[] REFERENCE_KINDS = ReferenceKind.values();
  private static final Receiver[] RECEIVERS = Receiver.values();

  private FactsCodec() {}

  static byte[] encode(FileFacts facts) {
    Writer w = new Writer();
    w.string(facts.packageName());
    w.count(facts.imports().size());
    for (ImportFact i : facts.imports()) {
      w.string(i.name());
      w.number((i.isStatic() ? 1 : 0) | (i.onDemand() ? 2 : 0));
    }
    w.count(facts.types().size());
    for (TypeFact t : facts.types()) {
      w.symbol(t.symbol());
      w.string(t.kind().name());
      w.set(t.modifiers());
      w.annotations(t.annotations());
      w.strings(t.supertypes());
      w.number(t.line());
      w.number(t.endLine());
      w.strings(t.lambdaParameters());
      w.count(t.members().size());
      for (MemberFact m : t.members()) {
        w.symbol(m.symbol());
        w.string(m.kind().name());
        w.string(m.name());
        w.set(m.modifiers());
        w.annotations(m.annotations());
        w.strings(m.parameterTypes());
        w.number(m.varargs() ? 1 : 0);
        w.string(m.type());
        w.count(m.parameterAnnotations().size());
        m.parameterAnnotations().forEach(w::annotations);
        w.number(m.line());
        w.number(m.endLine());
        w.count(m.references().size());
        w.sized(() -> writeReferences(w, m.references()));
        w.strings(m.genericParameterTypes());
        w.number(m.returnsSelf() ? 1 : 0);
      }
    }
    w.optional(facts.problem());
    return w.finish();
  }

  private static void writeReferences(Writer w, List<Reference> references) {
    for (Reference r : references) {
      w.number(r.kind().ordinal());
      w.string(r.name());
      w.number(r.arity() + 1);
      w.number(r.receiver().ordinal());
      w.optional(r.receiverType());
      w.strings(r.stringArguments());
      w.string(r.arguments());
      w.number(r.line());
    }
  }

  /**
   * The facts encoded in {@code bytes}, at {@code path}.
   *
   * @throws IllegalArgumentException when the bytes are not facts this codec wrote
   */
  static FileFacts decode(String path, byte[] bytes) {
    return decode(path, bytes, 0, bytes.length);
  }

  /**
   * The facts encoded in {@code length} bytes of {@code bytes} from {@code offset}, at {@code
   * path}; their references are read when first asked for, from {@code bytes}, which must not
   * change.
   *
   * @throws IllegalArgumentException when the bytes are not facts this codec wrote
   */
  static FileFacts decode(String path, byte[] bytes, int offset, int length) {
    try {
      Reader r = new Reader(bytes, offset, length);
      String packageName = r.string();
      List<ImportFact> imports = new ArrayList<>();
      for (int n = r.count(); n > 0; n--) {
        String name = r.string();
        int flags = r.number();
        imports.add(new ImportFact(name, (flags & 1) != 0, (flags & 2) != 0));
      }
      List<TypeFact> types = new ArrayList<>();
      for (int n = r.count(); n > 0; n--) {
        Symbol symbol = r.symbol();
        DeclarationKind kind = DeclarationKind.valueOf(r.string());
        Set<String> modifiers = r.set();
        List<AnnotationFact> annotations = r.annotations();
        List<String> supertypes = r.strings();
        int line = r.number();
        int endLine = r.number();
        List<String> lambdaParameters = r.strings();
        List<MemberFact> members = new ArrayList<>();
        for (int m = r.count(); m > 0; m--) {
          Symbol memberSymbol = r.symbol();
          DeclarationKind memberKind = DeclarationKind.valueOf(r.string());
          String name = r.string();
          Set<String> memberModifiers = r.set();
          List<AnnotationFact> memberAnnotations = r.annotations();
          List<String> parameterTypes = r.strings();
          boolean varargs = r.number() == 1;
          String type = r.string();
          int parameters = r.count();
          List<List<AnnotationFact>> parameterAnnotations = new ArrayList<>(parameters);
          for (int p = parameters; p > 0; p--) {
            parameterAnnotations.add(r.annotations());
          }
          int memberLine = r.number();
          int memberEnd = r.number();
          int count = r.count();
          int referenceBytes = r.int32();
          List<Reference> references =
              count == 0
                  ? List.of()
                  : new LazyReferences(r.table, r.body, r.at, count, referenceBytes);
          r.skip(referenceBytes);
          List<String> genericParameterTypes = r.strings();
          boolean returnsSelf = r.number() == 1;
          members.add(
              new MemberFact(
                  memberSymbol,
                  memberKind,
                  name,
                  memberModifiers,
                  memberAnnotations,
                  parameterTypes,
                  varargs,
                  type,
                  parameterAnnotations,
                  memberLine,
                  memberEnd,
                  references,
                  genericParameterTypes,
                  returnsSelf));
        }
        types.add(
            new TypeFact(
                symbol,
                kind,
                modifiers,
                annotations,
                supertypes,
                line,
                endLine,
                members,
                lambdaParameters));
      }
      Optional<String> problem = r.optional();
      r.end();
      return new FileFacts(path, packageName, imports, types, problem);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("not facts of this format: " + e, e);
    }
  }

  /**
   * A member's references, read when first asked for. The row's checksum was verified when it was
   * read, so reading them meets no damage; a reference that does not validate is an error of this
   * codec.
   */
  static final class LazyReferences extends AbstractList<Reference> implements RandomAccess {
    private final Strings table;
    private final byte[] bytes;
    private final int at;
    private final int size;
    private final int length;
    private volatile List<Reference> read;

    private LazyReferences(Strings table, byte[] bytes, int at, int size, int length) {
      this.table = table;
      this.bytes = bytes;
      this.at = at;
      this.size = size;
      this.length = length;
    }

    @Override
    public Reference get(int index) {
      return references().get(index);
    }

    @Override
    public int size() {
      return size;
    }

    /**
     * Every string of the file the references are in: those they are written with, and more. The
     * same array for each member of the file; not to be changed.
     */
    String[] strings() {
      return table.all();
    }

    /** The references, read for one pass and not kept unless they were read already. */
    List<Reference> once() {
      List<Reference> references = read;
      return references != null ? references : decode();
    }

    private List<Reference> references() {
      List<Reference> references = read;
      if (references == null) { // two threads may both read them: equal lists either way
        references = decode();
        read = references;
      }
      return references;
    }

    private List<Reference> decode() {
      Reader r = new Reader(table, bytes, at, at + length);
      Reference[] out = new Reference[size];
      for (int k = 0; k < size; k++) {
        ReferenceKind kind = REFERENCE_KINDS[r.number()];
        String name = r.string();
        int arity = r.number() - 1;
        Receiver receiver = RECEIVERS[r.number()];
        Optional<String> receiverType = r.optional();
        List<String> strings = r.strings();
        String arguments = r.string();
        out[k] =
            new Reference(
                kind, name, arity, receiver, receiverType, strings, arguments, r.number());
      }
      r.end();
      return List.of(out);
    }
  }

  /** Writes records into a growing array, each string as its index in a table built meanwhile. */
  private static final class Writer {
    private final StringTable table = new StringTable();
    private byte[] body = new byte[1024];
    private int size;

    /** What {@code write} writes, preceded by its length in four bytes. */
    void sized(Runnable write) {
      room(4);
      int at = size;
      size += 4;
      write.run();
      int length = size - at - 4;
      body[at] = (byte) (length >>> 24);
      body[at + 1] = (byte) (length >>> 16);
      body[at + 2] = (byte) (length >>> 8);
      body[at + 3] = (byte) length;
    }

    void number(int value) {
      room(5);
      int v = value;
      while ((v & ~0x7f) != 0) {
        body[size++] = (byte) ((v & 0x7f) | 0x80);
        v >>>= 7;
      }
      body[size++] = (byte) v;
    }

    private void room(int bytes) {
      if (size + bytes > body.length) {
        body = Arrays.copyOf(body, Math.max(size + bytes, body.length * 2));
      }
    }

    void count(int value) {
      number(value);
    }

    void string(String value) {
      number(table.idOf(value));
    }

    void strings(List<String> values) {
      count(values.size());
      values.forEach(this::string);
    }

    /**
     * A set in sorted order: the JDK's immutable sets and maps iterate in an order that differs
     * from one JVM to the next, and the same facts should make the same bytes.
     */
    void set(Set<String> values) {
      String[] sorted = values.toArray(new String[0]);
      Arrays.sort(sorted);
      count(sorted.length);
      for (String value : sorted) {
        string(value);
      }
    }

    void optional(Optional<String> value) {
      if (value.isPresent()) {
        number(1);
        string(value.get());
      } else {
        number(0);
      }
    }

    void symbol(Symbol symbol) {
      string(symbol.packageName());
      string(symbol.name());
    }

    void annotations(List<AnnotationFact> annotations) {
      count(annotations.size());
      for (AnnotationFact a : annotations) {
        string(a.name());
        String[] attributes = a.values().keySet().toArray(new String[0]);
        Arrays.sort(attributes); // as for a set
        count(attributes.length);
        for (String attribute : attributes) {
          string(attribute);
          strings(a.values().get(attribute));
        }
      }
    }

    /** The magic number, the table, the records' length and the records, and a CRC-32 of it all. */
    byte[] finish() {
      byte[][] strings = new byte[table.size()][];
      long length = 12L + size + 8;
      for (int i = 0; i < strings.length; i++) {
        strings[i] = table.get(i).getBytes(StandardCharsets.UTF_8);
        length += 4 + strings[i].length;
      }
      if (length > Integer.MAX_VALUE - 8) {
        throw new IllegalArgumentException("facts too large to encode: " + length + " bytes");
      }
      ByteBuffer out = ByteBuffer.allocate((int) length);
      out.putInt(FORMAT).putInt(strings.length);
      for (byte[] utf8 : strings) {
        out.putInt(utf8.length).put(utf8);
      }
      out.putInt(size).put(body, 0, size);
      CRC32 crc = new CRC32();
      crc.update(out.array(), 0, out.position());
      out.putLong(crc.getValue());
      return out.array();
    }
  }

  /**
   * Strings numbered in the order first seen. Open addressing without boxing: a file's facts look
   * up a string for every name they hold, and a map of boxed numbers made this most of encoding.
   */
  private static final class StringTable {
    /** Each slot holds a string's number plus one; 0 is free. */
    private int[] slots = new int[256];

    private String[] byId = new String[128];
    private int size;

    int idOf(String value) {
      int mask = slots.length - 1;
      int i = spread(value.hashCode()) & mask;
      for (int slot = slots[i]; slot != 0; slot = slots[i]) {
        if (byId[slot - 1].equals(value)) {
          return slot - 1;
        }
        i = (i + 1) & mask;
      }
      if (size == byId.length) {
        byId = Arrays.copyOf(byId, size * 2);
      }
      byId[size] = value;
      slots[i] = ++size;
      if (size * 2 > slots.length) {
        rehash();
      }
      return size - 1;
    }

    int size() {
      return size;
    }

    String get(int id) {
      return byId[id];
    }

    private void rehash() {
      slots = new int[slots.length * 2];
      int mask = slots.length - 1;
      for (int id = 0; id < size; id++) {
        int i = spread(byId[id].hashCode()) & mask;
        while (slots[i] != 0) {
          i = (i + 1) & mask;
        }
        slots[i] = id + 1;
      }
    }

    /** As {@link HashMap} does: the high bits of a hash pick the slot too. */
    private static int spread(int hash) {
      return hash ^ (hash >>> 16);
    }
  }

  /**
   * A row's strings, each made when first asked for: a warm run reads the declarations of every
   * file but the references of few, and most of a file's strings are its references' (names,
   * receiver types, literals).
   */
  private static final class Strings {
    private final byte[] bytes;

    /**
     * Where each string's bytes start; the next one's start, less its length's 4 bytes, ends it.
     */
    private final int[] starts;

    private final String[] made;

    Strings(byte[] bytes, int[] starts) {
      this.bytes = bytes;
      this.starts = starts;
      this.made = new String[starts.length - 1];
    }

    /**
     * The string numbered {@code number}. Threads that read one file's references at once may both
     * make it: equal strings either way, and a string is safe to share however it is published.
     */
    String get(int number) {
      String value = made[number];
      if (value == null) {
        int start = starts[number];
        value = new String(bytes, start, starts[number + 1] - 4 - start, StandardCharsets.UTF_8);
        made[number] = value;
      }
      return value;
    }

    /** Every string, made; the same array each time, not to be changed. */
    String[] all() {
      for (int i = 0; i < made.length; i++) {
        get(i);
      }
      return made;
    }
  }

  /** Reads what {@link Writer#finish} wrote, in place. */
  private static final class Reader {
    private final Strings table;
    private final byte[] body;
    private int at;

    /** Where the records end. */
    private final int end;

    /** Reads a member's references, from {@code at} to {@code end}. */
    Reader(Strings table, byte[] bytes, int at, int end) {
      this.table = table;
      this.body = bytes;
      this.at = at;
      this.end = end;
    }

    /**
     * Checks the row of {@code length} bytes at {@code offset}, reads its table, and is at its
     * records.
     */
    Reader(byte[] bytes, int offset, int length) {
      body = bytes;
      at = offset;
      if (offset < 0 || length < 20 || length > bytes.length - offset) {
        throw new IllegalArgumentException("not facts of this format: too short");
      }
      end = offset + length - 8;
      CRC32 crc = new CRC32();
      crc.update(bytes, offset, length - 8);
      if (ByteBuffer.wrap(bytes, end, 8).getLong() != crc.getValue()) {
        throw new IllegalArgumentException("facts damaged (checksum)");
      }
      if (int32() != FORMAT) {
        throw new IllegalArgumentException("not facts of this format");
      }
      int strings = int32();
      if (strings < 0 || strings > (end - at) / 4) {
        throw new IllegalArgumentException("more strings than bytes");
      }
      int[] starts = new int[strings + 1];
      for (int i = 0; i < strings; i++) {
        int stringLength = int32();
        if (stringLength < 0 || stringLength > end - at) {
          throw new IllegalArgumentException("a string runs past the end");
        }
        starts[i] = at;
        at += stringLength;
      }
      starts[strings] = at + 4; // as if another string's length followed
      table = new Strings(body, starts);
      if (int32() != end - at) {
        throw new IllegalArgumentException("the records are not where the header says");
      }
    }

    int int32() {
      if (at + 4 > end) {
        throw new IllegalArgumentException("runs past the end");
      }
      int value = (body[at] & 0xff) << 24 | (body[at + 1] & 0xff) << 16;
      value |= (body[at + 2] & 0xff) << 8 | body[at + 3] & 0xff;
      at += 4;
      return value;
    }

    int number() {
      int value = 0;
      for (int shift = 0; ; shift += 7) {
        if (at >= end) {
          throw new IllegalArgumentException("runs past the end");
        }
        int b = body[at++] & 0xff;
        value |= (b & 0x7f) << shift;
        if ((b & 0x80) == 0) {
          return value;
        }
      }
    }

    int count() {
      return number();
    }

    void skip(int length) {
      if (length < 0 || length > end - at) {
        throw new IllegalArgumentException("references run past the end");
      }
      at += length;
    }

    /** Fails unless every byte of the records was read. */
    void end() {
      if (at != end) {
        throw new IllegalArgumentException((end - at) + " bytes left unread");
      }
    }

    String string() {
      return table.get(number());
    }

    /** Immutable, so that the records' {@code List.copyOf} keeps it instead of copying it. */
    List<String> strings() {
      int n = count();
      if (n == 0) {
        return List.of();
      }
      String[] values = new String[n];
      for (int i = 0; i < n; i++) {
        values[i] = string();
      }
      return List.of(values);
    }

    /** Modifiers: written from a set, so without duplicates unless the bytes are damaged. */
    Set<String> set() {
      int n = count();
      if (n == 0) {
        return Set.of();
      }
      String[] values = new String[n];
      for (int i = 0; i < n; i++) {
        values[i] = string();
      }
      return Set.of(values); // a duplicate throws IllegalArgumentException: not facts
    }

    Optional<String> optional() {
      return number() == 1 ? Optional.of(string()) : Optional.empty();
    }

    Symbol symbol() {
      String packageName = string();
      return new Symbol(packageName, string());
    }

    List<AnnotationFact> annotations() {
      int n = count();
      if (n == 0) {
        return List.of();
      }
      AnnotationFact[] annotations = new AnnotationFact[n];
      for (int i = 0; i < n; i++) {
        String name = string();
        int count = count();
        Map<String, List<String>> values = count == 0 ? Map.of() : new HashMap<>();
        for (int v = count; v > 0; v--) {
          String key = string();
          values.put(key, strings());
        }
        annotations[i] = new AnnotationFact(name, values);
      }
      return List.of(annotations);
    }
  }
}
