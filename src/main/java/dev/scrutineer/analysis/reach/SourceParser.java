package dev.scrutineer.analysis.reach;

import java.util.List;
import java.util.Objects;

/**
 * Turns the texts of Java files into their declarations. The one implementation is {@link Javac};
 * this interface keeps the compiler's classes out of code that must run where there is no compiler.
 */
public interface SourceParser extends AutoCloseable {
  /**
   * One result per source, in order. Whatever a source contains, the problem is reported in its
   * result and never thrown, so one bad file cannot stop the others.
   */
  List<Parse> parse(List<Source> sources);

  @Override
  void close();

  /**
   * One file to parse.
   *
   * @param fileName the file's name, which tells a module or package declaration from a class
   */
  record Source(String fileName, String text) {
    public Source {
      Objects.requireNonNull(fileName, "fileName");
      Objects.requireNonNull(text, "text");
    }
  }

  /** What parsing one file gave. */
  sealed interface Parse {}

  /** The file parsed without errors. */
  record Parsed(List<Declaration> declarations) implements Parse {
    public Parsed {
      declarations = List.copyOf(declarations);
    }
  }

  /** The file did not parse; {@code reason} says where and why, for a diagnostic. */
  record Unparsed(String reason) implements Parse {}
}
