package dev.scrutineer.analysis.reach.index;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Screens members before their references are read: whether some string their references are
 * written with (a name, a type, a literal) passes each of a few tests. References not read yet are
 * screened by the strings of their whole file, which they share with its other members, so a file
 * none of whose strings pass is passed over without reading its references, once per file.
 *
 * <p>A screen, not a search: it may let through a member whose references do not pass, never the
 * other way round. Not for use by several threads at once.
 */
public final class StringScreen {
  private final List<Predicate<String>> tests;
  private final Map<String[], Boolean> byFile = new IdentityHashMap<>();

  /**
   * @param tests each must hold for some string of a member that passes
   */
  public StringScreen(List<Predicate<String>> tests) {
    this.tests = List.copyOf(tests);
  }

  /** Whether {@code member}'s references may be written with strings that pass every test. */
  public boolean mayPass(MemberFact member) {
    if (member.references() instanceof FactsCodec.LazyReferences lazy) {
      return byFile.computeIfAbsent(lazy.strings(), strings -> passes(Arrays.asList(strings)));
    }
    List<String> strings = new ArrayList<>();
    for (Reference r : member.references()) {
      strings.add(r.name());
      strings.add(r.arguments());
      r.receiverType().ifPresent(strings::add);
      strings.addAll(r.stringArguments());
    }
    return passes(strings);
  }

  private boolean passes(List<String> strings) {
    for (Predicate<String> test : tests) {
      if (strings.stream().noneMatch(test)) {
        return false;
      }
    }
    return true;
  }
}
