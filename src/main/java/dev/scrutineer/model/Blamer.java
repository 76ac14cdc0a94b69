package dev.scrutineer.model;

import java.util.List;
import java.util.Map;

/**
 * Blames the lines that fix commits deleted or changed, in each fix's first parent. Lines that are
 * blank, whitespace-only changes, comments or imports are left out: changing them fixes nothing.
 */
public interface Blamer {
  /**
   * The blamed lines of every fix given, by fix id; a fix with nothing to blame (a root commit, a
   * merge, only additions) maps to an empty list.
   */
  Map<String, List<BlamedLine>> blame(List<String> fixIds, Progress progress);
}
