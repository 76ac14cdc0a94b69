package dev.scrutineer.model;

import java.util.Objects;
import java.util.Optional;

/**
 * A Java declaration that the change adds, removes or alters.
 *
 * @param path the file as a reviewer knows it: its head path, or its base path when it was deleted
 * @param symbol the declaration's name in the head, or in the base when it was removed; for a
 *     {@link DeclarationKind#FILE} entry, the path
 * @param oldSymbol the name in the base when it differs from {@code symbol}: a method whose
 *     parameter types changed, or a declaration whose type was renamed or moved to another package
 * @param line the line of the declaration's name in the head file, or in the base file when it was
 *     removed; 0 for a {@link DeclarationKind#FILE} entry
 * @param endLine the declaration's last line in the same file; 0 for a file entry
 */
public record ChangedDeclaration(
    String path,
    Symbol symbol,
    Optional<Symbol> oldSymbol,
    DeclarationKind kind,
    DeclarationChange change,
    int line,
    int endLine) {
  public ChangedDeclaration {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(symbol, "symbol");
    Objects.requireNonNull(oldSymbol, "oldSymbol");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(change, "change");
    if (kind == DeclarationKind.FILE ? line != 0 || endLine != 0 : line < 1 || endLine < line) {
      throw new IllegalArgumentException(
          "bad lines " + line + "-" + endLine + " for a " + kind.id() + " entry");
    }
    if ((kind == DeclarationKind.FILE) != (change == DeclarationChange.UNKNOWN)) {
      throw new IllegalArgumentException("only file entries are unknown: " + kind + " " + change);
    }
  }

  /** A file whose declarations could not be read, so anything in it may have changed. */
  public static ChangedDeclaration unknownFile(String path) {
    return new ChangedDeclaration(
        path,
        new Symbol("", path),
        Optional.empty(),
        DeclarationKind.FILE,
        DeclarationChange.UNKNOWN,
        0,
        0);
  }

  /** {@code path:line}, or the path alone for a file entry. */
  public String location() {
    return line == 0 ? path : path + ":" + line;
  }
}
