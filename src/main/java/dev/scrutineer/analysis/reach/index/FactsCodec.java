package dev.scrutineer.analysis.reach.index;

import dev.scrutineer.analysis.reach.index.Reference.Receiver;
import dev.scrutineer.analysis.reach.index.Reference.ReferenceKind;
import dev.scrutineer.model.DeclarationKind;
import dev.scrutineer.model.Symbol;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A compact binary form of {@link FileFacts} without its path (the cache is keyed by content, and
 * the same content may sit at several paths): every string once in a table, then the records as
 * variable-length integers. Not compressed: deflated, the facts took half the space, but inflating
 * them was two fifths of the time a warm run spends decoding the repository's facts.
 */
final class FactsCodec {
  // "SCF4"; "SCF3" rows had argument types as lists, "SCF2" none, "SCF1" rows were deflated.
  private static final int MAGIC = 0x5343_4634;

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
      w.strings(List.copyOf(t.modifiers()));
      w.annotations(t.annotations());
      w.strings(t.supertypes());
      w.number(t.line());
      w.number(t.endLine());
      w.count(t.members().size());
      for (MemberFact m : t.members()) {
        w.symbol(m.symbol());
        w.string(m.kind().name());
        w.string(m.name());
        w.strings(List.copyOf(m.modifiers()));
        w.annotations(m.annotations());
        w.strings(m.parameterTypes());
        w.number(m.varargs() ? 1 : 0);
        w.string(m.type());
        w.count(m.parameterAnnotations().size());
        m.parameterAnnotations().forEach(w::annotations);
        w.number(m.line());
        w.number(m.endLine());
        w.count(m.references().size());
        for (Reference r : m.references()) {
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
    }
    w.optional(facts.problem());
    return w.finish();
  }

  /**
   * The facts encoded in {@code bytes}, at {@code path}.
   *
   * @throws IllegalArgumentException when the bytes are not facts this codec wrote
   */
  static FileFacts decode(String path, byte[] bytes) {
    try {
      Reader r = new Reader(bytes);
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
          Reference[] references = new Reference[r.count()];
          for (int k = 0; k < references.length; k++) {
            ReferenceKind referenceKind = REFERENCE_KINDS[r.number()];
            String referenceName = r.string();
            int arity = r.number() - 1;
            Receiver receiver = RECEIVERS[r.number()];
            Optional<String> receiverType = r.optional();
            List<String> strings = r.strings();
            String arguments = r.string();
            references[k] =
                new Reference(
                    referenceKind,
                    referenceName,
                    arity,
                    receiver,
                    receiverType,
                    strings,
                    arguments,
                    r.number());
          }
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
                  List.of(references)));
        }
        types.add(
            new TypeFact(symbol, kind, modifiers, annotations, supertypes, line, endLine, members));
      }
      Optional<String> problem = r.optional();
      return new FileFacts(path, packageName, imports, types, problem);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("not facts of this format: " + e, e);
    }
  }

  private static final class Writer {
    private final Map<String, Integer> table = new LinkedHashMap<>();
    private final ByteArrayOutputStream body = new ByteArrayOutputStream();

    void number(int value) {
      int v = value;
      while ((v & ~0x7f) != 0) {
        body.write((v & 0x7f) | 0x80);
        v >>>= 7;
      }
      body.write(v);
    }

    void count(int value) {
      number(value);
    }

    void string(String value) {
      Integer id = table.get(value);
      if (id == null) {
        id = table.size();
        table.put(value, id);
      }
      number(id);
    }

    void strings(List<String> values) {
      count(values.size());
      values.forEach(this::string);
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
        count(a.values().size());
        for (Map.Entry<String, List<String>> e : a.values().entrySet()) {
          string(e.getKey());
          strings(e.getValue());
        }
      }
    }

    byte[] finish() {
      ByteArrayOutputStream out = new ByteArrayOutputStream(body.size() + 64 + 16 * table.size());
      try (DataOutputStream data = new DataOutputStream(out)) {
        data.writeInt(MAGIC);
        data.writeInt(table.size());
        for (String s : table.keySet()) {
          byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
          data.writeInt(utf8.length);
          data.write(utf8);
        }
        data.writeInt(body.size());
        body.writeTo(data);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return out.toByteArray();
    }
  }

  /** Reads what {@link Writer#finish} wrote, in place. */
  private static final class Reader {
    private final String[] table;
    private final byte[] body;
    private int at;

    Reader(byte[] bytes) {
      body = bytes;
      if (body.length < 12 || int32() != MAGIC) {
        throw new IllegalArgumentException("not facts of this format");
      }
      int strings = int32();
      if (strings < 0 || strings > (body.length - at) / 4) {
        throw new IllegalArgumentException("more strings than bytes");
      }
      table = new String[strings];
      for (int i = 0; i < table.length; i++) {
        int length = int32();
        if (length < 0 || length > body.length - at) {
          throw new IllegalArgumentException("a string runs past the end");
        }
        table[i] = new String(body, at, length, StandardCharsets.UTF_8);
        at += length;
      }
      int length = int32();
      if (length != body.length - at) {
        throw new IllegalArgumentException("the records are not where the header says");
      }
    }

    private int int32() {
      int value = (body[at] & 0xff) << 24 | (body[at + 1] & 0xff) << 16;
      value |= (body[at + 2] & 0xff) << 8 | body[at + 3] & 0xff;
      at += 4;
      return value;
    }

    int number() {
      int value = 0;
      for (int shift = 0; ; shift += 7) {
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

    String string() {
      return table[number()];
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
