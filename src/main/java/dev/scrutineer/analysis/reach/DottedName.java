package dev.scrutineer.analysis.reach;

import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.Tree;

/**
 * A package's or an import's name as the source spells it ({@code org.example.*}), from its tree.
 * Javac's own {@code toString} prints any tree through its pretty printer, a writer and a visitor
 * for each of the few names of every file.
 */
public final class DottedName {
  private DottedName() {}

  /** The dotted name {@code name} spells; a tree of another shape is printed as javac prints it. */
  public static String of(Tree name, NameTexts names) {
    StringBuilder out = new StringBuilder(64);
    return append(name, out, names) ? out.toString() : name.toString();
  }

  private static boolean append(Tree name, StringBuilder out, NameTexts names) {
    // A javac name spells each of its characters by decoding itself whole: appended as a
    // CharSequence, a name of n characters is decoded n times.
    if (name instanceof IdentifierTree identifier) {
      out.append(names.of(identifier.getName()));
      return true;
    }
    if (name instanceof MemberSelectTree select && append(select.getExpression(), out, names)) {
      out.append('.').append(names.of(select.getIdentifier()));
      return true;
    }
    return false;
  }
}
