package dev.scrutineer.analysis.reach;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.util.JavacTask;
import com.sun.source.util.SourcePositions;
import com.sun.source.util.Trees;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticListener;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;

/**
 * The JDK's own Java parser, run in memory to parse only: no classpath, no annotation processing,
 * nothing attributed, compiled or run.
 *
 * <p>Files are parsed in batches, because setting up a compiler task costs about as much as parsing
 * a few hundred lines: one file per task reads about 2 MB/s, batches of 100 about 25 MB/s. The
 * parser keeps no state from one file to the next, and errors are told apart by file. When a batch
 * fails as a whole (the parser overflowed its stack, say), its files are parsed again one by one,
 * so one bad file cannot take others down with it.
 */
public final class Javac implements SourceParser {
  public static final int BATCH = 100;

  /** Every error counts: past javac's default of 100, a broken file would look clean. */
  private static final List<String> OPTIONS =
      List.of("-proc:none", "-Xmaxerrs", String.valueOf(Integer.MAX_VALUE));

  static final String TOO_DEEP = "is nested too deeply to parse";

  private final JavaCompiler compiler;
  private final StandardJavaFileManager files;

  private Javac(JavaCompiler compiler) {
    this.compiler = compiler;
    this.files = compiler.getStandardFileManager(null, Locale.ROOT, StandardCharsets.UTF_8);
    // Parsing reads no classes: without this, every task would list the JVM's own class path (the
    // jars Scrutineer runs from) and open each jar to look for compiler plugins.
    try {
      files.setLocation(StandardLocation.CLASS_PATH, List.of());
      files.setLocation(StandardLocation.ANNOTATION_PROCESSOR_PATH, List.of());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The parser, or empty when this runtime has no compiler (a JRE). */
  static Optional<SourceParser> open() {
    return compiler().map(javac -> javac);
  }

  /** The parser, or empty when this runtime has no compiler (a JRE). */
  public static Optional<Javac> compiler() {
    JavaCompiler compiler = available() ? ToolProvider.getSystemJavaCompiler() : null;
    return compiler == null ? Optional.empty() : Optional.of(new Javac(compiler));
  }

  /** Whether the runtime has the compiler's module; looked up before any compiler class loads. */
  public static boolean available() {
    return ModuleLayer.boot().findModule("jdk.compiler").isPresent();
  }

  /** Reads one parsed file into a value; it may throw {@link StackOverflowError} on deep trees. */
  @FunctionalInterface
  public interface UnitReader<T> {
    T read(CompilationUnitTree unit, String text, SourcePositions positions);
  }

  /** What parsing and reading one file gave: a value, or why the file could not be read. */
  public sealed interface Outcome<T> {}

  /** The file parsed without errors and was read. */
  public record Read<T>(T value) implements Outcome<T> {}

  /** The file did not parse or could not be read; {@code reason} says where and why. */
  public record Failed<T>(String reason) implements Outcome<T> {}

  @Override
  public List<Parse> parse(List<Source> sources) {
    List<Parse> results = new ArrayList<>(sources.size());
    for (Outcome<List<Declaration>> outcome : read(sources, DeclarationExtractor::extract)) {
      results.add(
          outcome instanceof Read<List<Declaration>> read
              ? new Parsed(read.value())
              : new Unparsed(((Failed<List<Declaration>>) outcome).reason()));
    }
    return results;
  }

  /**
   * Parses {@code sources} in batches and reads each parsed file with {@code reader}: one outcome
   * per source, in order. Nothing a source contains is thrown.
   */
  public <T> List<Outcome<T>> read(List<Source> sources, UnitReader<T> reader) {
    List<Outcome<T>> results = new ArrayList<>(sources.size());
    for (int from = 0; from < sources.size(); from += BATCH) {
      List<Source> batch = sources.subList(from, Math.min(sources.size(), from + BATCH));
      Optional<List<Outcome<T>>> parsed =
          batch.size() == 1 ? Optional.empty() : attempt(batch, reader);
      if (parsed.isPresent()) {
        results.addAll(parsed.get());
      } else {
        batch.forEach(source -> results.add(alone(source, reader)));
      }
    }
    return results;
  }

  /** One file in a task of its own, where whatever goes wrong is its own doing. */
  private <T> Outcome<T> alone(Source source, UnitReader<T> reader) {
    StringWriter log = new StringWriter();
    try {
      return run(List.of(source), log, reader)
          .map(results -> results.get(0))
          .orElseGet(
              () ->
                  new Failed<>(
                      log.toString().contains("StackOverflowError")
                          ? TOO_DEEP
                          : "made the Java parser give up"));
    } catch (StackOverflowError e) {
      return new Failed<>(TOO_DEEP);
    } catch (RuntimeException e) {
      // The parser is the JDK's, fed text from the repository: what it throws on one file is that
      // file's problem, not the run's.
      return new Failed<>(
          causedBy(e, StackOverflowError.class) || log.toString().contains("StackOverflowError")
              ? TOO_DEEP
              : "made the Java parser fail (" + e + ")");
    }
  }

  /** A batch in one task; empty when the task failed as a whole. */
  private <T> Optional<List<Outcome<T>>> attempt(List<Source> batch, UnitReader<T> reader) {
    try {
      return run(batch, new StringWriter(), reader);
    } catch (StackOverflowError | RuntimeException e) {
      return Optional.empty();
    }
  }

  /**
   * Parses {@code batch} in one compiler task; empty when the compiler gave up before every file
   * was parsed. {@code log} takes javac's own reports, such as the trace it prints when it
   * overflows its stack; diagnostics about the sources go to a listener.
   */
  private <T> Optional<List<Outcome<T>>> run(
      List<Source> batch, StringWriter log, UnitReader<T> reader) {
    // Files are told apart by URI: javac hands back its own wrappers of the objects it was given.
    Map<URI, InMemory> byUri = new LinkedHashMap<>();
    for (int i = 0; i < batch.size(); i++) {
      InMemory file = new InMemory(i, batch.get(i));
      byUri.put(file.toUri(), file);
    }
    Map<URI, Diagnostic<? extends JavaFileObject>> firstError = new HashMap<>();
    DiagnosticListener<JavaFileObject> listener =
        diagnostic -> {
          if (diagnostic.getKind() == Diagnostic.Kind.ERROR && diagnostic.getSource() != null) {
            firstError.putIfAbsent(diagnostic.getSource().toUri(), diagnostic);
          }
        };
    List<JavaFileObject> objects = List.copyOf(byUri.values());
    JavacTask task = (JavacTask) compiler.getTask(log, files, listener, OPTIONS, null, objects);
    List<CompilationUnitTree> units = new ArrayList<>(batch.size());
    try {
      task.parse().forEach(units::add);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (units.size() != batch.size()) {
      return Optional.empty();
    }
    SourcePositions positions = Trees.instance(task).getSourcePositions();
    List<Outcome<T>> results = new ArrayList<>(batch.size());
    for (CompilationUnitTree unit : units) {
      URI uri = unit.getSourceFile().toUri();
      InMemory file = byUri.get(uri);
      if (file == null) {
        return Optional.empty();
      }
      Diagnostic<? extends JavaFileObject> error = firstError.get(uri);
      results.add(error != null ? failed(error) : read(reader, unit, file.text, positions));
    }
    return Optional.of(results);
  }

  private static <T> Outcome<T> read(
      UnitReader<T> reader, CompilationUnitTree unit, String text, SourcePositions positions) {
    try {
      return new Read<>(reader.read(unit, text, positions));
    } catch (StackOverflowError e) {
      return new Failed<>(TOO_DEEP);
    }
  }

  private static <T> Failed<T> failed(Diagnostic<? extends JavaFileObject> error) {
    return new Failed<>(
        "does not parse as Java "
            + Runtime.version().feature()
            + " (line "
            + error.getLineNumber()
            + ": "
            + error.getMessage(Locale.ROOT).lines().findFirst().orElse("")
            + ")");
  }

  private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (type.isInstance(t)) {
        return true;
      }
    }
    return false;
  }

  @Override
  public void close() {
    try {
      files.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A source held in memory; its index keeps the names of one batch apart. */
  private static final class InMemory extends SimpleJavaFileObject {
    private final String text;

    InMemory(int index, Source source) {
      super(URI.create("mem:///" + index + "/" + uriName(source.fileName())), Kind.SOURCE);
      this.text = source.text();
    }

    /** Only module-info and package-info are parsed differently by name. */
    private static String uriName(String fileName) {
      return fileName.equals("module-info.java") || fileName.equals("package-info.java")
          ? fileName
          : "Source.java";
    }

    @Override
    public CharSequence getCharContent(boolean ignoreEncodingErrors) {
      return text;
    }
  }
}
