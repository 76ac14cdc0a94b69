package dev.scrutineer.analysis.reach.graph;

import dev.scrutineer.analysis.reach.index.AnnotationFact;
import dev.scrutineer.analysis.reach.index.FileFacts;
import dev.scrutineer.analysis.reach.index.ImportFact;
import dev.scrutineer.analysis.reach.index.MemberFact;
import dev.scrutineer.analysis.reach.index.Reference;
import dev.scrutineer.analysis.reach.index.TypeFact;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which files mention which names: every name a file's types, supertypes, members (and every word
 * of their parameter and declared types), annotations, imports and references (with their
 * arguments' types) spell, alone or as a segment of a dotted name ({@code Map.Entry} mentions
 * {@code Map} and {@code Entry}). The linker finds declarations by such names only, so a file none
 * of whose names a change touches links as before (see {@link Relink}). Kept with a {@link
 * LinkedBase}, so that a change does not read every file's references to find them.
 */
final class Mentions {
  /** The files, by index. */
  final String[] paths;

  /** For each name, the indexes of the files that mention it, ascending. */
  final Map<String, int[]> files;

  Mentions(String[] paths, Map<String, int[]> files) {
    this.paths = paths;
    this.files = files;
  }

  static Mentions of(Collection<FileFacts> files) {
    String[] paths = new String[files.size()];
    Map<String, IntList> byName = new HashMap<>();
    Set<String> names = new HashSet<>();
    int i = 0;
    for (FileFacts file : files) {
      paths[i] = file.path();
      names.clear();
      spelled(file, names);
      for (String name : names) {
        byName.computeIfAbsent(name, k -> new IntList()).add(i);
      }
      i++;
    }
    Map<String, int[]> index = new HashMap<>(byName.size() * 4 / 3 + 1);
    byName.forEach((name, list) -> index.put(name, Arrays.copyOf(list.array(), list.size())));
    return new Mentions(paths, index);
  }

  /** The paths of the files that mention one of {@code names}. */
  Set<String> of(Set<String> names) {
    Set<String> out = new HashSet<>();
    for (String name : names) {
      for (int file : files.getOrDefault(name, new int[0])) {
        out.add(paths[file]);
      }
    }
    return out;
  }

  private static void spelled(FileFacts file, Set<String> names) {
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
        annotations(m.annotations(), names);
        for (Reference r : m.references()) {
          segments(r.name(), names);
          r.receiverType().ifPresent(t -> segments(t, names));
          for (String argument : r.argumentTypes()) {
            if (!argument.isEmpty() && Reference.lambdaParameters(argument) < 0) {
              segments(TypeNames.rawType(argument), names); // its supertypes choose the overload
            }
          }
        }
      }
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
