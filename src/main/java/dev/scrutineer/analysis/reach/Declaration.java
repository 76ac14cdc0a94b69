package dev.scrutineer.analysis.reach;

import dev.scrutineer.model.DeclarationKind;
import dev.scrutineer.model.Symbol;

/**
 * One declaration of one side of a file, with normalised texts to compare across sides.
 *
 * @param symbol unique within its file
 * @param owner the name (without package) of the declaration it is a member of; empty for a
 *     top-level type
 * @param simpleName the name it is declared by: {@code search}, {@code OrderService}, {@code
 *     static{}}
 * @param topLevel the simple name of the top-level type it belongs to
 * @param line the line of its name
 * @param endLine its last line
 * @param signature what callers see, normalised
 * @param body what runs, normalised; empty when nothing does
 */
public record Declaration(
    Symbol symbol,
    String owner,
    String simpleName,
    String topLevel,
    DeclarationKind kind,
    int line,
    int endLine,
    String signature,
    String body) {

  /** True for methods and constructors, whose symbols carry parameter types. */
  public boolean hasParameters() {
    return kind == DeclarationKind.METHOD || kind == DeclarationKind.CONSTRUCTOR;
  }
}
