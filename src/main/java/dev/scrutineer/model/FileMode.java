package dev.scrutineer.model;

/** The kind of tree entry a path is on one side of the change. */
public enum FileMode {
  MISSING,
  REGULAR,
  EXECUTABLE,
  SYMLINK,
  SUBMODULE
}
