package dev.scrutineer.analysis.reach.graph;

import dev.scrutineer.analysis.reach.index.FileFacts;
import dev.scrutineer.analysis.reach.index.MemberFact;
import dev.scrutineer.analysis.reach.index.TypeFact;
import dev.scrutineer.model.Symbol;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The nodes the linker gives the declarations of some files, numbered as it numbers them: each
 * type, then its members, file after file; a symbol declared again keeps its first node, and a type
 * declared again brings no members. The symbols are the facts' own objects; {@code hash} is {@link
 * #hash(List, int[])} of them and their owners.
 */
record Nodes(Symbol[] symbols, String[] paths, int[] owners, int hash) {

  /**
   * Numbers {@code files} as the linker did; {@code redeclared} are the symbols it found declared
   * again, the only ones this needs to remember (a handful, against hundreds of thousands of
   * declarations).
   */
  static Nodes of(Collection<FileFacts> files, Set<Symbol> redeclared) {
    int declarations = 0;
    for (FileFacts file : files) {
      for (TypeFact type : file.types()) {
        declarations += 1 + type.members().size();
      }
    }
    Set<Symbol> seen = new HashSet<>();
    List<Symbol> symbols = new ArrayList<>(declarations);
    List<String> paths = new ArrayList<>(declarations);
    IntList owners = new IntList();
    owners.ensureCapacity(declarations);
    // The hash of #hash(List, int[]) in the same pass, which reads each symbol once: what its steps
    // add after the start (the count, not known yet), and 31 to the power of twice the count, by
    // which they multiply the start.
    int terms = 0;
    int power = 1;
    for (FileFacts file : files) {
      for (TypeFact type : file.types()) {
        int id = symbols.size();
        int typeHash = type.symbol().hashCode();
        if (again(type.symbol(), redeclared, seen)) {
          continue;
        }
        symbols.add(type.symbol());
        paths.add(file.path());
        owners.add(-1);
        terms = 31 * (31 * terms + typeHash) - 1;
        power *= 31 * 31;
        for (MemberFact member : type.members()) {
          int memberHash = member.symbol().hashCode();
          if (!again(member.symbol(), redeclared, seen)) {
            symbols.add(member.symbol());
            paths.add(file.path());
            owners.add(id);
            terms = 31 * (31 * terms + memberHash) + id;
            power *= 31 * 31;
          }
        }
      }
    }
    return new Nodes(
        symbols.toArray(new Symbol[0]),
        paths.toArray(new String[0]),
        Arrays.copyOf(owners.array(), owners.size()),
        symbols.size() * power + terms);
  }

  /**
   * {@code symbol} was numbered before: only a redeclared one can have been, and most code bases
   * have none, which spares hashing every symbol a second time.
   */
  private static boolean again(Symbol symbol, Set<Symbol> redeclared, Set<Symbol> seen) {
    return !redeclared.isEmpty() && redeclared.contains(symbol) && !seen.add(symbol);
  }

  /** A hash of the symbols and owners of nodes, to check that two numberings agree. */
  static int hash(List<Symbol> symbols, int[] owners) {
    int hash = symbols.size();
    for (int i = 0; i < symbols.size(); i++) {
      hash = 31 * (31 * hash + symbols.get(i).hashCode()) + owners[i];
    }
    return hash;
  }
}
