package dev.scrutineer.model;

import java.util.Locale;

/**
 * How a declaration changed between base and head. Comments and whitespace never count: a
 * declaration whose tokens are the same on both sides has not changed.
 */
public enum DeclarationChange {
  /** Only the head has it. */
  ADDED,
  /** Only the base has it. */
  REMOVED,
  /**
   * What callers see changed: modifiers, annotations, type parameters, return type, parameters,
   * throws; a field's type, or the value of a constant (compilers copy constants into callers); a
   * type's header (extends, implements, permits, record components); or the declaration's name or
   * package, when its type moved.
   */
  SIGNATURE_CHANGED,
  /** Only what runs changed: a body, an initializer, an enum constant's arguments or a default. */
  BODY_CHANGED,
  /**
   * For a {@link DeclarationKind#FILE} entry only: the file could not be parsed on a side, so
   * anything in it may have changed.
   */
  UNKNOWN;

  /** The stable name used in reports: {@code added}, {@code signature}, {@code body}. */
  public String id() {
    return switch (this) {
      case SIGNATURE_CHANGED -> "signature";
      case BODY_CHANGED -> "body";
      default -> name().toLowerCase(Locale.ROOT);
    };
  }
}
