package com.example.shop.web;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.example.shop.service.OrderService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.boot.test.mock.mockito.MockBean;
import org.springframework.test.web.servlet.MockMvc;

@WebMvcTest(OrderController.class)
class OrderSearchTest {
  @Autowired MockMvc mvc;
  @MockBean OrderService orders;

  @Test
  void searchesByCustomer() throws Exception {
    mvc.perform(get("/orders/search").param("customer", "7")).andExpect(status().isOk());
  }
}
