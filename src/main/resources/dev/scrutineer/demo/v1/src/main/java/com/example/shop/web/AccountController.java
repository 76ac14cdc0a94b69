package com.example.shop.web;

import java.security.Principal;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class AccountController {
  @GetMapping("/accounts/me")
  public Map<String, String> me(Principal principal) {
    return Map.of("name", principal.getName());
  }
}
