package dev.scrutineer.analysis.reach;

import java.util.HashMap;
import java.util.Map;
import javax.lang.model.element.Name;

/**
 * Javac's names as strings, each made once. A name keeps its characters encoded and decodes them
 * all again for every {@code toString}; a file names the same types, variables and methods over and
 * over. Names are the compiler task's own, equal only within it: one of these per task.
 */
public final class NameTexts {
  private final Map<Name, String> texts = new HashMap<>();

  /** {@code name.toString()}. */
  public String of(Name name) {
    String text = texts.get(name);
    if (text == null) {
      text = name.toString();
      texts.put(name, text);
    }
    return text;
  }
}
