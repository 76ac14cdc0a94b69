package dev.scrutineer.analysis.reach.framework;

import dev.scrutineer.analysis.reach.framework.CodeFrameworks.TypeRules;
import dev.scrutineer.analysis.reach.framework.EntryPoints.Handler;
import dev.scrutineer.analysis.reach.graph.Edge;
import dev.scrutineer.analysis.reach.index.SortedMaps;
import dev.scrutineer.model.Confidence;
import dev.scrutineer.model.Diagnostic;
import dev.scrutineer.model.Module;
import dev.scrutineer.model.Severity;
import dev.scrutineer.model.Symbol;
import dev.scrutineer.store.BufferStrings;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.zip.CRC32;

/**
 * The binary form of {@link FrameworksCache.Stored}: a header, the values with each distinct string
 * written once and then referred to by number, and a CRC-32 of all that precedes it.
 */
final class FrameworksCodec {
  private static final int MAGIC = 0x53465257; // "SFRW"
  private static final int FORMAT = 3;

  private static final int TEST_CLASS = 1;
  private static final int APPLICATION = 2;

  private FrameworksCodec() {}

  static byte[] encode(FrameworksCache.Stored stored) {
    CodeFrameworks code = stored.facts();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 20);
    Writer out = new Writer(new DataOutputStream(bytes));
    try {
      out.data.writeInt(MAGIC);
      out.data.writeInt(FORMAT);
      out.string(stored.rules());
      out.map(stored.contentIds());
      out.map(stored.buildFiles());
      out.data.writeInt(code.layout().size());
      for (Module module : code.layout()) {
        out.string(module.name());
        out.string(module.directory());
        out.data.writeBoolean(module.service());
      }
      out.data.writeInt(code.diagnostics().size());
      for (Diagnostic diagnostic : code.diagnostics()) {
        out.data.writeByte(diagnostic.severity().ordinal());
        out.data.writeBoolean(diagnostic.path().isPresent());
        if (diagnostic.path().isPresent()) {
          out.string(diagnostic.path().get());
        }
        out.string(diagnostic.message());
      }
      out.data.writeInt(code.types().size());
      for (TypeRules type : code.types()) {
        out.type(type);
      }
      CRC32 crc = new CRC32();
      crc.update(bytes.toByteArray());
      out.data.writeInt((int) crc.getValue());
      out.data.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e); // writing to memory
    }
    return bytes.toByteArray();
  }

  /**
   * @throws IOException when the bytes are not facts of this format, or were damaged
   */
  static FrameworksCache.Stored decode(ByteBuffer bytes) throws IOException {
    int size = bytes.limit();
    if (size < 12) {
      throw new IOException("too short");
    }
    CRC32 crc = new CRC32();
    crc.update(bytes.duplicate().limit(size - 4));
    Reader in = new Reader(bytes.duplicate().limit(size - 4));
    if (in.data.getInt() != MAGIC || in.data.getInt() != FORMAT) {
      throw new IOException("not stored framework facts of this version");
    }
    if (bytes.getInt(size - 4) != (int) crc.getValue()) {
      throw new IOException("damaged");
    }
    try {
      String rules = in.string();
      SortedMap<String, String> contentIds = in.map();
      SortedMap<String, String> buildFiles = in.map();
      List<Module> layout = new ArrayList<>();
      for (int i = in.count(); i > 0; i--) {
        layout.add(new Module(in.string(), in.string(), in.data.get() != 0));
      }
      List<Diagnostic> diagnostics = new ArrayList<>();
      Severity[] severities = Severity.values();
      for (int i = in.count(); i > 0; i--) {
        Severity severity = severities[in.data.get()];
        Optional<String> path = in.data.get() != 0 ? Optional.of(in.string()) : Optional.empty();
        diagnostics.add(new Diagnostic(severity, path, in.string()));
      }
      int count = in.count();
      List<TypeRules> types = new ArrayList<>(Math.min(count, size));
      for (int i = 0; i < count; i++) {
        types.add(in.type());
      }
      return new FrameworksCache.Stored(
          rules, contentIds, buildFiles, new CodeFrameworks(types, layout, diagnostics));
    } catch (RuntimeException e) { // a count, number or enum out of range: not this format
      throw new IOException("not stored framework facts: " + e, e);
    }
  }

  /** Writes each distinct string once, then its number. */
  private static final class Writer {
    private final DataOutputStream data;
    private final Map<String, Integer> numbers = new HashMap<>();

    Writer(DataOutputStream data) {
      this.data = data;
    }

    void string(String value) throws IOException {
      Integer number = numbers.get(value);
      if (number != null) {
        data.writeInt(number);
        return;
      }
      numbers.put(value, numbers.size());
      byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
      data.writeInt(-1 - utf8.length);
      data.write(utf8);
    }

    void symbol(Symbol symbol) throws IOException {
      string(symbol.packageName());
      string(symbol.name());
    }

    void map(Map<String, String> map) throws IOException {
      data.writeInt(map.size());
      for (Map.Entry<String, String> entry : map.entrySet()) {
        string(entry.getKey());
        string(entry.getValue());
      }
    }

    void type(TypeRules type) throws IOException {
      string(type.path());
      symbol(type.type());
      data.writeInt(type.entryPoints().size());
      for (Map.Entry<Symbol, List<EntryPointSpec>> entry : type.entryPoints().entrySet()) {
        symbol(entry.getKey());
        data.writeInt(entry.getValue().size());
        for (EntryPointSpec spec : entry.getValue()) {
          string(spec.kind());
          string(spec.label());
        }
      }
      data.writeInt(type.handlers().size());
      for (Handler handler : type.handlers()) {
        string(handler.method());
        string(handler.path());
        symbol(handler.symbol());
      }
      data.writeInt(type.tests().size());
      for (Symbol test : type.tests()) {
        symbol(test);
      }
      data.writeByte((type.testClass() ? TEST_CLASS : 0) | (type.application() ? APPLICATION : 0));
      for (List<Edge> edges : type.edges()) {
        data.writeInt(edges.size());
        for (Edge edge : edges) {
          symbol(edge.from());
          symbol(edge.to());
          string(edge.via());
          data.writeByte(edge.confidence().ordinal());
          data.writeInt(edge.line());
        }
      }
      data.writeInt(type.reads().size());
      for (String name : type.reads()) {
        string(name);
      }
    }
  }

  /** Reads what {@link Writer} wrote; a buffer rather than a stream, as this is read every run. */
  private static final class Reader {
    private static final Confidence[] CONFIDENCES = Confidence.values();

    private final ByteBuffer data;
    private final List<String> strings = new ArrayList<>();
    private final BufferStrings text = new BufferStrings();

    Reader(ByteBuffer data) {
      this.data = data;
    }

    int count() throws IOException {
      int count = data.getInt();
      if (count < 0) {
        throw new IOException("negative count");
      }
      return count;
    }

    String string() {
      int number = data.getInt();
      if (number >= 0) {
        return strings.get(number);
      }
      int length = -1 - number;
      if (length > data.remaining()) {
        throw new BufferUnderflowException();
      }
      String value = text.read(data, length);
      strings.add(value);
      return value;
    }

    Symbol symbol() {
      return new Symbol(string(), string());
    }

    /** A map written by {@link Writer#map}: its keys in order. */
    SortedMap<String, String> map() throws IOException {
      int count = count();
      List<String> keys = new ArrayList<>(count);
      List<String> values = new ArrayList<>(count);
      for (int i = 0; i < count; i++) {
        keys.add(string());
        values.add(string());
      }
      try {
        return SortedMaps.ofSorted(keys, values);
      } catch (IllegalArgumentException e) {
        throw new IOException("stored map: " + e.getMessage(), e);
      }
    }

    TypeRules type() throws IOException {
      String path = string();
      Symbol type = symbol();
      Map<Symbol, List<EntryPointSpec>> entryPoints = new LinkedHashMap<>();
      for (int i = count(); i > 0; i--) {
        Symbol symbol = symbol();
        List<EntryPointSpec> specs = new ArrayList<>();
        for (int j = count(); j > 0; j--) {
          specs.add(new EntryPointSpec(string(), string()));
        }
        entryPoints.put(symbol, List.copyOf(specs));
      }
      List<Handler> handlers = new ArrayList<>();
      for (int i = count(); i > 0; i--) {
        handlers.add(new Handler(string(), string(), symbol()));
      }
      List<Symbol> tests = new ArrayList<>();
      for (int i = count(); i > 0; i--) {
        tests.add(symbol());
      }
      int flags = data.get();
      List<List<Edge>> edges = new ArrayList<>(CodeFrameworks.RULES);
      for (int rule = 0; rule < CodeFrameworks.RULES; rule++) {
        int count = count();
        if (count == 0) {
          edges.add(List.of()); // most types, most rules
          continue;
        }
        List<Edge> ruleEdges = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
          ruleEdges.add(
              new Edge(symbol(), symbol(), string(), CONFIDENCES[data.get()], data.getInt()));
        }
        edges.add(ruleEdges);
      }
      int reads = count();
      String[] names = new String[reads];
      for (int i = 0; i < reads; i++) {
        names[i] = string();
      }
      return new TypeRules(
          path,
          type,
          entryPoints,
          handlers,
          tests,
          (flags & TEST_CLASS) != 0,
          (flags & APPLICATION) != 0,
          edges,
          List.of(names));
    }
  }
}
