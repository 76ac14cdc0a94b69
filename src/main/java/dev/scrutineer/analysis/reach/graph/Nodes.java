package dev.scrutineer.analysis.reach.graph;

import dev.scrutineer.analysis.reach.index.FileFacts;
import dev.scrutineer.analysis.reach.index.MemberFact;
import dev.scrutineer.analysis.reach.index.TypeFact;
import dev.scrutineer.model.Symbol;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The nodes the linker gives the declarations of some files, numbered as it numbers them: each
 * type, then its members, file after file; a symbol declared again keeps its first node, and a type
 * declared again brings no members. The symbols are the facts' own objects.
 */
record Nodes(Symbol[] symbols, String[] paths, int[] owners, Map<Symbol, Integer> ids) {

  static Nodes of(Collection<FileFacts> files) {
    int declarations = 0;
    for (FileFacts file : files) {
      for (TypeFact type : file.types()) {
        declarations += 1 + type.members().size();
      }
    }
    Map<Symbol, Integer> ids = new HashMap<>(Math.max(16, declarations * 4 / 3 + 1));
    List<Symbol> symbols = new ArrayList<>(declarations);
    List<String> paths = new ArrayList<>(declarations);
    IntList owners = new IntList();
    for (FileFacts file : files) {
      for (TypeFact type : file.types()) {
        int id = symbols.size();
        if (ids.putIfAbsent(type.symbol(), id) != null) {
          continue;
        }
        symbols.add(type.symbol());
        paths.add(file.path());
        owners.add(-1);
        for (MemberFact member : type.members()) {
          if (ids.putIfAbsent(member.symbol(), symbols.size()) == null) {
            symbols.add(member.symbol());
            paths.add(file.path());
            owners.add(id);
          }
        }
      }
    }
    return new Nodes(
        symbols.toArray(new Symbol[0]),
        paths.toArray(new String[0]),
        Arrays.copyOf(owners.array(), owners.size()),
        ids);
  }

  /** A hash of the symbols and owners of nodes, to check that two numberings agree. */
  static int hash(List<Symbol> symbols, int[] owners) {
    int hash = symbols.size();
    for (int i = 0; i < symbols.size(); i++) {
      hash = 31 * (31 * hash + symbols.get(i).hashCode()) + owners[i];
    }
    return hash;
  }

  int hash() {
    return hash(Arrays.asList(symbols), owners);
  }
}
