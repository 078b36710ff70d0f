#include "JourneyTemplates.h"

namespace clientele {

Journey JourneyTemplates::cartRecovery()
{
    return Journey::fromJson(nlohmann::json::parse(R"json({
  "version": 1,
  "name": "Cart recovery",
  "settings": {
    "goal": "order_completed",
    "frequency_cap": {"sends": 3, "days": 7},
    "quiet_hours": {"start": 21, "end": 8, "default_timezone": "Europe/Berlin"},
    "seed": 1
  },
  "nodes": [
    {"id": "entry", "kind": "entry", "position": {"x": 0, "y": 0}, "config": {
      "label": "Cart abandoned",
      "trigger": {"event": "product_added", "then_not": "order_completed", "within_hours": 1},
      "reentry": "every_time"}},
    {"id": "holdout_split", "kind": "split", "position": {"x": 200, "y": 0}, "config": {
      "label": "10 % holdout",
      "arms": [{"port": "treatment", "percent": 90},
               {"port": "holdout", "percent": 10, "holdout": true}]}},
    {"id": "cart_email", "kind": "send", "position": {"x": 400, "y": 0}, "config": {
      "label": "Cart e-mail", "channel": "email",
      "subject": "{{first_name|Hi}}, your cart is waiting",
      "body": "You left {{cart.items}} in your cart ({{cart.value}}). Complete your order today."}},
    {"id": "wait_order", "kind": "wait_until", "position": {"x": 600, "y": 0}, "config": {
      "label": "Ordered within 24 h?", "event": "order_completed", "timeout_hours": 24}},
    {"id": "app_push", "kind": "branch", "position": {"x": 800, "y": 0}, "config": {
      "label": "Uses the app and accepted push",
      "segment": {"version": 1, "rule": {"type": "all", "conditions": [
        {"type": "trait", "field": "channels", "op": "contains", "value": "app"},
        {"type": "consent", "channel": "push"}]}}}},
    {"id": "push", "kind": "send", "position": {"x": 1000, "y": -100}, "config": {
      "label": "Cart push", "channel": "push",
      "body": "{{first_name|Your}} cart is still here: {{cart.items}}"}},
    {"id": "banner", "kind": "send", "position": {"x": 1000, "y": 100}, "config": {
      "label": "Cart banner", "channel": "banner",
      "body": "Still thinking about {{cart.items}}?"}},
    {"id": "wait_final", "kind": "wait_until", "position": {"x": 1200, "y": 0}, "config": {
      "label": "Ordered within 48 h?", "event": "order_completed", "timeout_hours": 48}},
    {"id": "done", "kind": "exit", "position": {"x": 1400, "y": 0}, "config": {"label": "Done"}}
  ],
  "connections": [
    {"from": {"node": "entry", "port": "out"}, "to": {"node": "holdout_split", "port": "in"}},
    {"from": {"node": "holdout_split", "port": "treatment"}, "to": {"node": "cart_email", "port": "in"}},
    {"from": {"node": "holdout_split", "port": "holdout"}, "to": {"node": "cart_email", "port": "in"}},
    {"from": {"node": "cart_email", "port": "out"}, "to": {"node": "wait_order", "port": "in"}},
    {"from": {"node": "wait_order", "port": "event"}, "to": {"node": "done", "port": "in"}},
    {"from": {"node": "wait_order", "port": "timeout"}, "to": {"node": "app_push", "port": "in"}},
    {"from": {"node": "app_push", "port": "yes"}, "to": {"node": "push", "port": "in"}},
    {"from": {"node": "app_push", "port": "no"}, "to": {"node": "banner", "port": "in"}},
    {"from": {"node": "push", "port": "out"}, "to": {"node": "wait_final", "port": "in"}},
    {"from": {"node": "banner", "port": "out"}, "to": {"node": "wait_final", "port": "in"}},
    {"from": {"node": "wait_final", "port": "event"}, "to": {"node": "done", "port": "in"}},
    {"from": {"node": "wait_final", "port": "timeout"}, "to": {"node": "done", "port": "in"}}
  ]
})json"));
}

std::optional<Journey> JourneyTemplates::byKey(const std::string &key)
{
    if (key == "cart-recovery")
        return cartRecovery();
    return std::nullopt;
}

} // namespace clientele
