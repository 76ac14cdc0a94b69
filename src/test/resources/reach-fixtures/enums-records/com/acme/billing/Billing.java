package com.acme.billing;

import java.util.ArrayList;
import java.util.List;

/** Switches on enums, reads record components and constants. */
public class Billing {
  public String label(Plan plan) {
    switch (plan) {
      case FREE:
        return "free";
      case TEAM:
        return "team of " + plan.seats();
      default:
        return "enterprise";
    }
  }

  public int maxUsers() {
    return Limits.MAX_USERS;
  }

  public long uptime() {
    return System.currentTimeMillis() - Limits.STARTED;
  }

  public long total(List<Invoice> invoices) {
    long sum = 0;
    for (Invoice invoice : invoices) {
      sum += invoice.amount();
    }
    return sum;
  }

  public List<String> customers(List<Invoice> invoices) {
    List<String> names = new ArrayList<>();
    for (Invoice invoice : invoices) {
      names.add(invoice.customer());
    }
    return names;
  }

  public int quantity(LineItem item) {
    return item.quantity();
  }

  public List<Plan> paidPlans() {
    List<Plan> paid = new ArrayList<>();
    for (Plan plan : Plan.values()) {
      if (plan.isPaid()) {
        paid.add(plan);
      }
    }
    return paid;
  }

  public Invoice invoice(String customer, String plan, int users) {
    return Invoice.of(customer, Plan.parse(plan), users);
  }
}
