package dev.scrutineer.model;

import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The files of one side of a change, readable by path without a checkout: the merge-base's tree,
 * the head commit's tree or the working tree. Only regular files are read; a symlink is never
 * followed and reads as absent, as do directories and submodules.
 *
 * <p>Paths are relative to the repository's root, with {@code /} as separator, as {@link
 * FileChange} names them. A tree stays readable while the session that produced it is open.
 */
public interface SourceTree {
  /**
   * The size in bytes of the regular file at {@code path}, found without reading its content, so a
   * caller can refuse a huge file before reading it; empty when {@link #read} would be.
   *
   * @throws UncheckedIOException when the path is there but cannot be examined
   */
  OptionalLong size(String path);

  /**
   * The content of the regular file at {@code path}, exactly as stored; empty when this side has no
   * regular file there. Check {@link #size} first when the file may be large.
   *
   * @throws UncheckedIOException when the file is there but cannot be read
   */
  Optional<byte[]> read(String path);

  /** A side with no files, such as the base of a change that adds everything. */
  SourceTree EMPTY =
      new SourceTree() {
        @Override
        public OptionalLong size(String path) {
          return OptionalLong.empty();
        }

        @Override
        public Optional<byte[]> read(String path) {
          return Optional.empty();
        }
      };
}
