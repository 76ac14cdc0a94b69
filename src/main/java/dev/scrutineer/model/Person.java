package dev.scrutineer.model;

import java.util.Objects;

/** A git identity as recorded in a commit. */
public record Person(String name, String email) {
  public Person {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(email, "email");
  }

  @Override
  public String toString() {
    return name + " <" + email + ">";
  }
}
