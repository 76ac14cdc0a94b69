package dev.scrutineer.analysis.reach.framework;

import dev.scrutineer.analysis.reach.framework.CodeFrameworks.FileEdges;
import dev.scrutineer.analysis.reach.framework.EntryPoints.Handler;
import dev.scrutineer.analysis.reach.graph.Edge;
import dev.scrutineer.model.Confidence;
import dev.scrutineer.model.Diagnostic;
import dev.scrutineer.model.Module;
import dev.scrutineer.model.Severity;
import dev.scrutineer.model.Symbol;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.zip.CRC32;

/**
 * The binary form of {@link FrameworksCache.Stored}: a header, the values with each distinct string
 * written once and then referred to by number, and a CRC-32 of all that precedes it.
 */
final class FrameworksCodec {
  private static final int MAGIC = 0x53465257; // "SFRW"
  private static final int FORMAT = 2;

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
      out.data.writeInt(code.entryPoints().size());
      for (Map.Entry<Symbol, List<EntryPointSpec>> entry : code.entryPoints().entrySet()) {
        out.symbol(entry.getKey());
        out.data.writeInt(entry.getValue().size());
        for (EntryPointSpec spec : entry.getValue()) {
          out.string(spec.kind());
          out.string(spec.label());
        }
      }
      out.symbols(code.tests());
      out.symbols(code.testClasses());
      out.data.writeInt(code.handlers().size());
      for (Handler handler : code.handlers()) {
        out.string(handler.method());
        out.string(handler.path());
        out.symbol(handler.symbol());
      }
      out.data.writeInt(code.edges().size());
      for (FileEdges file : code.edges()) {
        out.data.writeInt(file.rule());
        out.string(file.path());
        out.data.writeInt(file.edges().size());
        for (Edge edge : file.edges()) {
          out.symbol(edge.from());
          out.symbol(edge.to());
          out.string(edge.via());
          out.data.writeByte(edge.confidence().ordinal());
          out.data.writeInt(edge.line());
        }
      }
      out.data.writeInt(code.modules().size());
      for (Module module : code.modules()) {
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
  static FrameworksCache.Stored decode(byte[] bytes) throws IOException {
    if (bytes.length < 12) {
      throw new IOException("too short");
    }
    CRC32 crc = new CRC32();
    crc.update(bytes, 0, bytes.length - 4);
    Reader in = new Reader(new DataInputStream(new ByteArrayInputStream(bytes)));
    if (in.data.readInt() != MAGIC || in.data.readInt() != FORMAT) {
      throw new IOException("not stored framework facts of this version");
    }
    int expected =
        ((bytes[bytes.length - 4] & 0xff) << 24)
            | ((bytes[bytes.length - 3] & 0xff) << 16)
            | ((bytes[bytes.length - 2] & 0xff) << 8)
            | (bytes[bytes.length - 1] & 0xff);
    if (expected != (int) crc.getValue()) {
      throw new IOException("damaged");
    }
    try {
      String rules = in.string();
      SortedMap<String, String> contentIds = in.map();
      SortedMap<String, String> buildFiles = in.map();
      Map<Symbol, List<EntryPointSpec>> entryPoints = new LinkedHashMap<>();
      for (int i = in.count(); i > 0; i--) {
        Symbol symbol = in.symbol();
        List<EntryPointSpec> specs = new ArrayList<>();
        for (int j = in.count(); j > 0; j--) {
          specs.add(new EntryPointSpec(in.string(), in.string()));
        }
        entryPoints.put(symbol, specs);
      }
      Set<Symbol> tests = in.symbols();
      Set<Symbol> testClasses = in.symbols();
      List<Handler> handlers = new ArrayList<>();
      for (int i = in.count(); i > 0; i--) {
        handlers.add(new Handler(in.string(), in.string(), in.symbol()));
      }
      List<FileEdges> edges = new ArrayList<>();
      Confidence[] confidences = Confidence.values();
      for (int i = in.count(); i > 0; i--) {
        int rule = in.data.readInt();
        String path = in.string();
        List<Edge> fileEdges = new ArrayList<>();
        for (int j = in.count(); j > 0; j--) {
          fileEdges.add(
              new Edge(
                  in.symbol(),
                  in.symbol(),
                  in.string(),
                  confidences[in.data.readByte()],
                  in.data.readInt()));
        }
        edges.add(new FileEdges(rule, path, fileEdges));
      }
      List<Module> modules = new ArrayList<>();
      for (int i = in.count(); i > 0; i--) {
        modules.add(new Module(in.string(), in.string(), in.data.readBoolean()));
      }
      List<Diagnostic> diagnostics = new ArrayList<>();
      Severity[] severities = Severity.values();
      for (int i = in.count(); i > 0; i--) {
        Severity severity = severities[in.data.readByte()];
        Optional<String> path = in.data.readBoolean() ? Optional.of(in.string()) : Optional.empty();
        diagnostics.add(new Diagnostic(severity, path, in.string()));
      }
      return new FrameworksCache.Stored(
          rules,
          contentIds,
          buildFiles,
          new CodeFrameworks(
              entryPoints, tests, testClasses, handlers, edges, modules, diagnostics));
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

    void symbols(Set<Symbol> symbols) throws IOException {
      data.writeInt(symbols.size());
      for (Symbol symbol : symbols) {
        symbol(symbol);
      }
    }
  }

  private static final class Reader {
    private final DataInputStream data;
    private final List<String> strings = new ArrayList<>();

    Reader(DataInputStream data) {
      this.data = data;
    }

    int count() throws IOException {
      int count = data.readInt();
      if (count < 0) {
        throw new IOException("negative count");
      }
      return count;
    }

    String string() throws IOException {
      int number = data.readInt();
      if (number >= 0) {
        return strings.get(number);
      }
      byte[] utf8 = new byte[-1 - number];
      data.readFully(utf8);
      String value = new String(utf8, StandardCharsets.UTF_8);
      strings.add(value);
      return value;
    }

    Symbol symbol() throws IOException {
      return new Symbol(string(), string());
    }

    SortedMap<String, String> map() throws IOException {
      SortedMap<String, String> map = new TreeMap<>();
      for (int i = count(); i > 0; i--) {
        map.put(string(), string());
      }
      return map;
    }

    Set<Symbol> symbols() throws IOException {
      Set<Symbol> symbols = new LinkedHashSet<>();
      for (int i = count(); i > 0; i--) {
        symbols.add(symbol());
      }
      return symbols;
    }
  }
}
