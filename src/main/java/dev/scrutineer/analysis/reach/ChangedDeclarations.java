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
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
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
  private final Optional<DeclarationsCache> cache;

  /** Parses every changed file. */
  public ChangedDeclarations() {
    this(STACK_BYTES, ChangedDeclarations::javac, Optional.empty());
  }

  /** Parses only the contents {@code cache} does not know, and keeps what it parsed there. */
  public ChangedDeclarations(DeclarationsCache cache) {
    this(STACK_BYTES, ChangedDeclarations::javac, Optional.of(cache));
  }

  ChangedDeclarations(
      long stackBytes,
      Supplier<Optional<SourceParser>> parsers,
      Optional<DeclarationsCache> cache) {
    this.stackBytes = stackBytes;
    this.parsers = Objects.requireNonNull(parsers, "parsers");
    this.cache = Objects.requireNonNull(cache, "cache");
  }

  /**
   * The changed declarations of {@code change}, reading its files from {@code base} and {@code
   * head}.
   */
  public Result find(ChangeSet change, SourceTree base, SourceTree head) {
    List<Work> work = read(change, base, head);
    List<Text> texts = new ArrayList<>();
    for (Work w : work) {
      for (Side side : List.of(w.before(), w.after())) {
        if (side instanceof Text text) {
          texts.add(text);
        }
      }
    }
    Map<Text, SourceParser.Parse> parses = cached(texts);
    List<Text> unknown = texts.stream().filter(t -> !parses.containsKey(t)).toList();
    if (!unknown.isEmpty()) {
      Optional<SourceParser> parser = parsers.get();
      if (parser.isEmpty()) {
        return new Result(
            work.stream().map(w -> ChangedDeclaration.unknownFile(w.file().path())).toList(),
            List.of(
                Diagnostic.warning(
                    "this Java runtime has no compiler (a JRE?), so changed declarations were not"
                        + " found; run Scrutineer on a JDK 17 or later")));
      }
      parses.putAll(parse(parser.get(), unknown));
    }
    return compare(work, parses);
  }

  /** Both sides of every changed Java file whose content changed. */
  private static List<Work> read(ChangeSet change, SourceTree base, SourceTree head) {
    List<Work> work = new ArrayList<>();
    for (FileChange file : change.files()) {
      if (!isJava(file) || sameContent(file)) {
        continue;
      }
      // A copy leaves its source in place: all of it is new code.
      boolean hasBase = file.type() != ChangeType.COPIED && isJava(file.oldPath(), file.oldMode());
      boolean hasHead = isJava(file.newPath(), file.newMode());
      work.add(
          new Work(
              file,
              hasBase ? read(base, file.oldPath().orElseThrow(), file.oldBlob()) : new Absent(),
              hasHead ? read(head, file.newPath().orElseThrow(), file.newBlob()) : new Absent()));
    }
    return work;
  }

  /** The texts whose declarations the cache knows, as parses. */
  private Map<Text, SourceParser.Parse> cached(List<Text> texts) {
    Map<Text, SourceParser.Parse> parses = new IdentityHashMap<>();
    if (cache.isEmpty()) {
      return parses;
    }
    Map<String, List<Declaration>> known =
        cache.get().load(texts.stream().filter(Text::cacheable).map(Text::blobId).toList());
    for (Text text : texts) {
      List<Declaration> declarations = text.cacheable() ? known.get(text.blobId()) : null;
      if (declarations != null) {
        parses.put(text, new SourceParser.Parsed(declarations));
      }
    }
    return parses;
  }

  /** One changed file: what each side holds, read before anything is parsed. */
  private record Work(FileChange file, Side before, Side after) {}

  /** One side of a file: no Java file there, its text to parse, or why it cannot be read. */
  private sealed interface Side {}

  private record Absent() implements Side {}

  /** A text and its git blob id, by which its declarations are cached. */
  private record Text(SourceParser.Source source, String blobId) implements Side {
    /** Only the names of these two files change how they parse: any other name would do. */
    boolean cacheable() {
      return !source.fileName().equals("module-info.java")
          && !source.fileName().equals("package-info.java");
    }
  }

  private record Problem(String reason) implements Side {}

  /**
   * Parses {@code texts} in one go (the parser is far faster on many files than on one at a time),
   * on a thread with a large stack, and keeps what parsed in the cache.
   */
  private Map<Text, SourceParser.Parse> parse(SourceParser parser, List<Text> texts) {
    List<SourceParser.Parse> parsed =
        LargeStack.run(
            "scrutineer-declarations",
            stackBytes,
            () -> {
              try (parser) {
                return parser.parse(texts.stream().map(Text::source).toList());
              }
            });
    Map<Text, SourceParser.Parse> byText = new IdentityHashMap<>();
    Map<String, List<Declaration>> learnt = new HashMap<>();
    for (int i = 0; i < texts.size(); i++) {
      Text text = texts.get(i);
      byText.put(text, parsed.get(i));
      if (parsed.get(i) instanceof SourceParser.Parsed ok && text.cacheable()) {
        learnt.put(text.blobId(), ok.declarations());
      }
    }
    cache.ifPresent(c -> c.store(learnt));
    return byText;
  }

  private static Result compare(List<Work> work, Map<Text, SourceParser.Parse> parses) {
    List<ChangedDeclaration> declarations = new ArrayList<>();
    List<Diagnostic> diagnostics = new ArrayList<>();
    for (Work w : work) {
      Optional<List<Declaration>> before =
          declarations(w.file(), w.before(), parses, "base", diagnostics);
      Optional<List<Declaration>> after =
          declarations(w.file(), w.after(), parses, "head", diagnostics);
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

  /**
   * One side of a file, with the blob id the diff gave it, or else (a work tree) the id its bytes
   * hash to.
   */
  private static Side read(SourceTree tree, String path, Optional<String> blobId) {
    try {
      OptionalLong size = tree.size(path);
      if (size.isPresent() && size.getAsLong() > MAX_FILE_BYTES) {
        return new Problem("is larger than " + MAX_FILE_BYTES / (1024 * 1024) + " MiB");
      }
      return tree.read(path)
          .<Side>map(
              bytes ->
                  new Text(
                      new SourceParser.Source(fileName(path), decode(bytes)),
                      blobId.orElseGet(() -> SourceTree.gitBlobId(bytes))))
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
      Map<Text, SourceParser.Parse> parses,
      String sideName,
      List<Diagnostic> diagnostics) {
    String problem;
    if (side instanceof Absent) {
      return Optional.of(List.of());
    } else if (side instanceof Problem unreadable) {
      problem = unreadable.reason();
    } else {
      SourceParser.Parse parse = parses.get((Text) side);
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
    // The String constructor's decoding is the JDK's fastest, and replaces what is not UTF-8 with
    // U+FFFD: only a text with that character can have had any, and only then is it checked.
    String text = new String(bytes, StandardCharsets.UTF_8);
    if (text.indexOf('\uFFFD') >= 0 && !SourceTree.isUtf8(bytes)) {
      text = new String(bytes, StandardCharsets.ISO_8859_1);
    }
    return text.startsWith("\uFEFF") ? text.substring(1) : text;
  }
}
