package dev.scrutineer.model;

/** A sensitive surface a change can touch, where a mistake costs more than elsewhere. */
public enum Surface {
  AUTH("authn-authz", "authentication and authorization"),
  CRYPTO("crypto-secrets", "cryptography and secrets"),
  DATA_ACCESS("data-access", "data access"),
  MIGRATION("migration", "schema migrations"),
  INFRASTRUCTURE("infrastructure", "network and infrastructure config"),
  CI_CD("ci-cd", "CI/CD pipelines"),
  DEPENDENCIES("dependencies", "dependency manifests"),
  CONCURRENCY("concurrency", "concurrency"),
  ERROR_HANDLING("error-handling", "error handling and retries"),
  PUBLIC_API("public-api", "public API and wire contracts"),
  CONFIG("config", "feature flags and config keys"),
  AGENT_CONFIG("agent-config", "AI agent instructions");

  private final String id;
  private final String description;

  Surface(String id, String description) {
    this.id = id;
    this.description = description;
  }

  /** The stable name used in configuration files and JSON reports. */
  public String id() {
    return id;
  }

  public String description() {
    return description;
  }

  /** The surface with this id, or empty. */
  public static java.util.Optional<Surface> byId(String id) {
    for (Surface s : values()) {
      if (s.id.equals(id)) {
        return java.util.Optional.of(s);
      }
    }
    return java.util.Optional.empty();
  }
}
