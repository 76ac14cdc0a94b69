package dev.scrutineer.analysis.reach;

import dev.scrutineer.model.ChangeSet;
import dev.scrutineer.model.ChangeType;
import dev.scrutineer.model.ChangedDeclaration;
import dev.scrutineer.model.Content;
import dev.scrutineer.model.Diagnostic;
import dev.scrutineer.model.FileChange;
import dev.scrutineer.model.FileMode;
import dev.scrutineer.model.SourceTree;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Supplier;

/**
 * The first step of the blast radius: which Java declarations a change adds, removes or alters.
 * Both versions of every changed {@code .java} file are parsed (parsed only: nothing is compiled or
 * run) and their declarations compared by normalised text, so whitespace and comments never count.
 *
 * <p>A file that cannot be read or parsed on either side (a syntax error, a newer Java version, a
 * file over {@value #MAX_FILE_BYTES} bytes, nesting too deep) becomes one {@link
 * dev.scrutineer.model.DeclarationKind#FILE FILE} entry with a diagnostic; the run goes on.
 */
public final class ChangedDeclarations {
  /** Larger files are not parsed: generated code, mostly, and a parser's worst case. */
  public static final int MAX_FILE_BYTES = 2 * 1024 * 1024;

  /**
   * Parsing recurses once per level of nesting; a thread with this much stack parses nesting
   * thousands of levels deep, and deeper files fail alone, with a diagnostic.
   */
  public static final long STACK_BYTES = 256L * 1024 * 1024;

  /** What was found: the changed declarations, by path, and what limited the search. */
  public record Result(List<ChangedDeclaration> declarations, List<Diagnostic> diagnostics) {
    public Result {
      declarations = List.copyOf(declarations);
      diagnostics = List.copyOf(diagnostics);
    }
  }

  private final long stackBytes;
  private final Supplier<Optional<SourceParser>> parsers;

  public ChangedDeclarations() {
    this(STACK_BYTES, ChangedDeclarations::javac);
  }

  ChangedDeclarations(long stackBytes, Supplier<Optional<SourceParser>> parsers) {
    this.stackBytes = stackBytes;
    this.parsers = Objects.requireNonNull(parsers, "parsers");
  }

  /**
   * The changed declarations of {@code change}, reading its files from {@code base} and {@code
   * head}.
   */
  public Result find(ChangeSet change, SourceTree base, SourceTree head) {
    List<FileChange> javaFiles =
        change.files().stream().filter(ChangedDeclarations::isJava).toList();
    if (javaFiles.isEmpty()) {
      return new Result(List.of(), List.of());
    }
    Optional<SourceParser> parser = parsers.get();
    if (parser.isEmpty()) {
      return new Result(
          javaFiles.stream().map(f -> ChangedDeclaration.unknownFile(f.path())).toList(),
          List.of(
              Diagnostic.warning(
                  "this Java runtime has no compiler (a JRE?), so changed declarations were not"
                      + " found; run Scrutineer on a JDK 17 or later")));
    }
    return LargeStack.run(
        "scrutineer-declarations",
        stackBytes,
        () -> {
          try (SourceParser javac = parser.get()) {
            return find(javaFiles, javac, base, head);
          }
        });
  }

  /** One changed file: what each side holds, read before anything is parsed. */
  private record Work(FileChange file, Side before, Side after) {}

  /** One side of a file: no Java file there, its text to parse, or why it cannot be read. */
  private sealed interface Side {}

  private record Absent() implements Side {}

  private record Text(SourceParser.Source source) implements Side {}

  private record Problem(String reason) implements Side {}

  private static Result find(
      List<FileChange> files, SourceParser javac, SourceTree base, SourceTree head) {
    List<Work> work = new ArrayList<>();
    for (FileChange file : files) {
      if (sameContent(file)) {
        continue;
      }
      // A copy leaves its source in place: all of it is new code.
      boolean hasBase = file.type() != ChangeType.COPIED && isJava(file.oldPath(), file.oldMode());
      boolean hasHead = isJava(file.newPath(), file.newMode());
      work.add(
          new Work(
              file,
              hasBase ? read(base, file.oldPath().orElseThrow()) : new Absent(),
              hasHead ? read(head, file.newPath().orElseThrow()) : new Absent()));
    }
    // Parse every text in one go: the parser is far faster on many files than on one at a time.
    List<SourceParser.Source> sources = new ArrayList<>();
    for (Work w : work) {
      for (Side side : List.of(w.before(), w.after())) {
        if (side instanceof Text text) {
          sources.add(text.source());
        }
      }
    }
    Iterator<SourceParser.Parse> parsed = javac.parse(sources).iterator();

    List<ChangedDeclaration> declarations = new ArrayList<>();
    List<Diagnostic> diagnostics = new ArrayList<>();
    for (Work w : work) {
      Optional<List<Declaration>> before =
          declarations(w.file(), w.before(), parsed, "base", diagnostics);
      Optional<List<Declaration>> after =
          declarations(w.file(), w.after(), parsed, "head", diagnostics);
      if (before.isPresent() && after.isPresent()) {
        declarations.addAll(
            DeclarationMatcher.compare(
                w.file().path(), before.get(), after.get(), w.file().type() == ChangeType.RENAMED));
      } else {
        declarations.add(ChangedDeclaration.unknownFile(w.file().path()));
      }
    }
    return new Result(declarations, diagnostics);
  }

  /** A mode change or a rename alone: the content, and so every declaration, is the same. */
  private static boolean sameContent(FileChange file) {
    return file.content() == Content.TEXT
        && file.hunks().isEmpty()
        && (file.type() == ChangeType.MODIFIED || file.type() == ChangeType.RENAMED);
  }

  private static Side read(SourceTree tree, String path) {
    try {
      OptionalLong size = tree.size(path);
      if (size.isPresent() && size.getAsLong() > MAX_FILE_BYTES) {
        return new Problem("is larger than " + MAX_FILE_BYTES / (1024 * 1024) + " MiB");
      }
      return tree.read(path)
          .<Side>map(bytes -> new Text(new SourceParser.Source(fileName(path), decode(bytes))))
          .orElseGet(() -> new Problem("could not be found"));
    } catch (UncheckedIOException e) {
      return new Problem("could not be read (" + e.getMessage() + ")");
    }
  }

  /**
   * The declarations of one side: none when it has no Java file, empty when it could not be read or
   * parsed, which a diagnostic then says.
   */
  private static Optional<List<Declaration>> declarations(
      FileChange file,
      Side side,
      Iterator<SourceParser.Parse> parsed,
      String sideName,
      List<Diagnostic> diagnostics) {
    String problem;
    if (side instanceof Absent) {
      return Optional.of(List.of());
    } else if (side instanceof Problem unreadable) {
      problem = unreadable.reason();
    } else {
      SourceParser.Parse parse = parsed.next();
      if (parse instanceof SourceParser.Parsed ok) {
        return Optional.of(ok.declarations());
      }
      problem = ((SourceParser.Unparsed) parse).reason();
    }
    diagnostics.add(
        Diagnostic.warning(
            file.path(),
            "the "
                + sideName
                + " version "
                + problem
                + "; its declarations were not compared, so the whole file counts as changed"));
    return Optional.empty();
  }

  /** The compiler's parser, looked up only when the runtime has the compiler's module. */
  private static Optional<SourceParser> javac() {
    return Javac.available() ? Javac.open() : Optional.empty();
  }

  private static boolean isJava(FileChange file) {
    return file.content() != Content.SUBMODULE
        && (isJava(file.oldPath(), file.oldMode()) || isJava(file.newPath(), file.newMode()));
  }

  private static boolean isJava(Optional<String> path, FileMode mode) {
    return path.isPresent()
        && path.get().endsWith(".java")
        && (mode == FileMode.REGULAR || mode == FileMode.EXECUTABLE);
  }

  private static String fileName(String path) {
    return path.substring(path.lastIndexOf('/') + 1);
  }

  /**
   * UTF-8 when the bytes are valid UTF-8, ISO-8859-1 otherwise, so every byte maps to a character
   * and line numbers hold; a byte-order mark is dropped, as javac would refuse it.
   */
  public static String decode(byte[] bytes) {
    String text;
    try {
      text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes))
              .toString();
    } catch (CharacterCodingException e) {
      text = new String(bytes, StandardCharsets.ISO_8859_1);
    }
    return text.startsWith("\uFEFF") ? text.substring(1) : text;
  }
}
