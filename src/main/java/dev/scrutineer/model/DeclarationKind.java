package dev.scrutineer.model;

import java.util.Locale;

/** What a Java declaration declares. */
public enum DeclarationKind {
  CLASS,
  INTERFACE,
  ENUM,
  RECORD,
  ANNOTATION_TYPE,
  METHOD,
  CONSTRUCTOR,
  FIELD,
  ENUM_CONSTANT,
  RECORD_COMPONENT,
  ANNOTATION_MEMBER,
  STATIC_INITIALIZER,
  INSTANCE_INITIALIZER,
  /** A whole file whose declarations could not be read, always with change UNKNOWN. */
  FILE;

  /** True for classes, interfaces, enums, records and annotation types. */
  public boolean isType() {
    return switch (this) {
      case CLASS, INTERFACE, ENUM, RECORD, ANNOTATION_TYPE -> true;
      default -> false;
    };
  }

  /** The stable name used in reports: {@code annotation-type}, {@code static-initializer}. */
  public String id() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
