package dev.scrutineer.tabletop;

import java.util.List;

/**
 * Who is paged for a file. The drill asks through this one method, so a CODEOWNERS (or catalog)
 * reader plugs in without the drill knowing the file format.
 */
@FunctionalInterface
public interface Owners {
  /** Nobody is known: the drill says so and asks who owns the code. */
  Owners UNKNOWN = path -> List.of();

  /** The owners of {@code path} (repository-relative), most specific rule's; empty when none. */
  List<String> of(String path);
}
