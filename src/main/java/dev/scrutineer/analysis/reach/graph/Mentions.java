package dev.scrutineer.analysis.reach.graph;

import dev.scrutineer.analysis.reach.index.AnnotationFact;
import dev.scrutineer.analysis.reach.index.FileFacts;
import dev.scrutineer.analysis.reach.index.ImportFact;
import dev.scrutineer.analysis.reach.index.MemberFact;
import dev.scrutineer.analysis.reach.index.Reference;
import dev.scrutineer.analysis.reach.index.TypeFact;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which files mention which names: every name a file's types, supertypes, members (and every word
 * of their parameter and declared types), annotations, imports and references (with every word of
 * their receivers' and arguments' types) spell, alone or as a segment of a dotted name ({@code
 * Map.Entry} mentions {@code Map} and {@code Entry}). The linker finds declarations by such names
 * only, so a file none of whose names a change touches links as before (see {@link Relink}). Kept
 * with a {@link LinkedBase}, so that a change does not read every file's references to find them.
 *
 * <p>Also which files name a member loosely: where the type it is looked up in is not one the file
 * writes. That is a reference without a receiver, on {@code this} or {@code super}, on a receiver
 * of unknown type, or through a chain (the member and every step after the first, each looked up in
 * the type the step before leads to), and a step after the first of a chain an argument's type is.
 * Every other reference to a member is looked up in a type whose name the file writes.
 */
final class Mentions {
  /** The files, by index. */
  final String[] paths;

  /** For each name, the indexes of the files that mention it, ascending. */
  final Map<String, int[]> files;

  /** For each name, the indexes of the files that name a member of it loosely, ascending. */
  final Map<String, int[]> loose;

  /** Each file's index by path, built on first use. */
  private Map<String, Integer> indexes;

  Mentions(String[] paths, Map<String, int[]> files, Map<String, int[]> loose) {
    this.paths = paths;
    this.files = files;
    this.loose = loose;
  }

  static Mentions of(Collection<FileFacts> files) {
    String[] paths = new String[files.size()];
    Map<String, IntList> byName = new HashMap<>();
    Map<String, IntList> looseByName = new HashMap<>();
    Set<String> names = new HashSet<>();
    Set<String> looseNames = new HashSet<>();
    int i = 0;
    for (FileFacts file : files) {
      paths[i] = file.path();
      names.clear();
      looseNames.clear();
      spelled(file, names, looseNames);
      for (String name : names) {
        byName.computeIfAbsent(name, k -> new IntList()).add(i);
      }
      for (String name : looseNames) {
        looseByName.computeIfAbsent(name, k -> new IntList()).add(i);
      }
      i++;
    }
    return new Mentions(paths, frozen(byName), frozen(looseByName));
  }

  private static Map<String, int[]> frozen(Map<String, IntList> byName) {
    Map<String, int[]> index = new HashMap<>(byName.size() * 4 / 3 + 1);
    byName.forEach((name, list) -> index.put(name, Arrays.copyOf(list.array(), list.size())));
    return index;
  }

  /** The paths of the files that mention one of {@code names}. */
  Set<String> of(Set<String> names) {
    return paths(mentioning(names));
  }

  /**
   * The files that mention one of {@code names}, by index: a set of paths costs a hash of each, and
   * a name such as a common supertype's is mentioned in thousands of files.
   */
  BitSet mentioning(Collection<String> names) {
    return indexesOf(files, names);
  }

  /** The files that name a member called one of {@code names} loosely, by index. */
  BitSet looselyNaming(Collection<String> names) {
    return indexesOf(loose, names);
  }

  /** The index of the file at {@code path}, -1 when it has none. */
  int indexOf(String path) {
    Map<String, Integer> byPath = indexes;
    if (byPath == null) {
      byPath = new HashMap<>(paths.length * 4 / 3 + 1);
      for (int i = 0; i < paths.length; i++) {
        byPath.put(paths[i], i);
      }
      indexes = byPath;
    }
    return byPath.getOrDefault(path, -1);
  }

  /** The paths of the files {@code indexes} holds. */
  Set<String> paths(BitSet indexes) {
    Set<String> out = new HashSet<>();
    for (int i = indexes.nextSetBit(0); i >= 0; i = indexes.nextSetBit(i + 1)) {
      out.add(paths[i]);
    }
    return out;
  }

  private static BitSet indexesOf(Map<String, int[]> index, Collection<String> names) {
    BitSet out = new BitSet();
    for (String name : names) {
      int[] files = index.get(name);
      if (files != null) {
        for (int file : files) {
          out.set(file);
        }
      }
    }
    return out;
  }

  private static void spelled(FileFacts file, Set<String> names, Set<String> loose) {
    for (ImportFact imp : file.imports()) {
      segments(imp.name(), names);
    }
    for (TypeFact type : file.types()) {
      names.add(TypeNames.simpleName(type.symbol()));
      annotations(type.annotations(), names);
      type.supertypes().forEach(s -> segments(s, names));
      for (MemberFact m : type.members()) {
        names.add(m.name());
        words(m.type(), names);
        m.parameterTypes().forEach(p -> words(p, names));
        m.genericParameterTypes().forEach(p -> words(p, names));
        annotations(m.annotations(), names);
        for (Reference r : m.references()) {
          segments(r.name(), names);
          r.receiverType().ifPresent(t -> segments(t, names));
          r.receiverType().ifPresent(t -> words(t, names));
          for (String argument : r.argumentTypes()) {
            if (!argument.isEmpty() && Reference.lambdaParameters(argument) < 0) {
              segments(TypeNames.rawType(argument), names); // its supertypes choose the overload
              words(argument, names);
              laterSteps(argument, loose);
            }
          }
          loose(r, loose);
        }
      }
    }
  }

  /** The names {@code r} looks up in a type its file need not write. */
  private static void loose(Reference r, Set<String> loose) {
    String receiverType = r.receiverType().orElse("");
    boolean looselyTyped =
        switch (r.receiver()) {
          case NONE, THIS, SUPER, CHAIN -> true;
          case NAME, EXPRESSION -> receiverType.isEmpty() || receiverType.indexOf('#') >= 0;
        };
    if (looselyTyped) {
      loose.add(r.name());
    }
    laterSteps(receiverType, loose);
  }

  /** The steps after the first of a chain ({@code Orders#builder/0#limit/1}: {@code limit}). */
  private static void laterSteps(String written, Set<String> loose) {
    int hash = written.indexOf('#');
    if (hash < 0) {
      return;
    }
    int next = written.indexOf('#', hash + 1);
    while (next >= 0) {
      int end = written.indexOf('#', next + 1);
      String step = written.substring(next + 1, end < 0 ? written.length() : end);
      int slash = step.indexOf('/');
      loose.add(slash < 0 ? step : step.substring(0, slash));
      next = end;
    }
  }

  /** Every word of a written type: {@code Map.Entry<K, List<V>>} spells Map, Entry, K, List, V. */
  private static void words(String written, Set<String> names) {
    TypeNames.anyWord(
        written,
        (word, start) -> {
          names.add(word);
          return false; // on to the next word
        });
  }

  private static void annotations(List<AnnotationFact> annotations, Set<String> names) {
    for (AnnotationFact a : annotations) {
      segments(a.name(), names);
    }
  }

  /**
   * {@code written} and each of its segments: split at dots, and at the {@code #} between the steps
   * of a receiver chain ({@code Orders#builder/0}), whose arities are not names.
   */
  private static void segments(String written, Set<String> names) {
    boolean chain = written.indexOf('#') >= 0;
    if (!chain) {
      names.add(written); // a chain as a whole is no name anything is looked up by
    }
    if (written.indexOf('.') < 0 && !chain) {
      return;
    }
    int start = 0;
    for (int i = 0; i <= written.length(); i++) {
      char c = i < written.length() ? written.charAt(i) : '#';
      if (c == '.' || c == '#') {
        String segment = written.substring(start, i);
        int slash = segment.indexOf('/');
        names.add(slash < 0 ? segment : segment.substring(0, slash));
        start = i + 1;
      }
    }
  }
}
