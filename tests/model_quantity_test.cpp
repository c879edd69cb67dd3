// SPDX-License-Identifier: BSL-1.0
#include <sourcetrace/model/quantity.hpp>

#include "catch.hpp"

#include <optional>
#include <string>
#include <utility>

using sourcetrace::more_precise;
using sourcetrace::overlaps;
using sourcetrace::quantity;
using sourcetrace::quantity_qualifier;
using sourcetrace::to_json;

namespace {

// The values are built by hand, as text/quantity.hpp reads the phrase named
// beside each, so this file tests the value type alone.
quantity make(std::optional<double> lower, std::optional<double> upper, quantity_qualifier q, std::string text = {},
              std::string unit = {}) {
  quantity out;
  out.lower = lower;
  out.upper = upper;
  out.qualifier = q;
  out.text = std::move(text);
  out.unit = std::move(unit);
  return out;
}

}  // namespace

TEST_CASE("qualifier names round-trip") {
  for (auto qual : {quantity_qualifier::exact, quantity_qualifier::approximate, quantity_qualifier::at_least,
                    quantity_qualifier::at_most, quantity_qualifier::range, quantity_qualifier::vague}) {
    CHECK(sourcetrace::parse_quantity_qualifier(sourcetrace::to_string(qual)) == qual);
  }
  CHECK(sourcetrace::to_string(quantity_qualifier::at_least) == "at_least");
  CHECK_FALSE(sourcetrace::parse_quantity_qualifier("about"));
}

TEST_CASE("to_json escapes text and folds the rate into the unit") {
  quantity q = make(1, 1, quantity_qualifier::exact);
  q.text = "a \"quoted\" \\ line\nbreak\x01";
  q.unit = "tab\there";
  CHECK(
      to_json(q) ==
      R"({"text": "a \"quoted\" \\ line\u000abreak\u0001", "lower": 1, "upper": 1, "unit": "tab\u0009here", "qualifier": "exact"})");
  q.lower = 0.25;
  q.upper = std::nullopt;
  q.unit.clear();
  q.rate = "week";
  CHECK(to_json(q).ends_with(R"("lower": 0.25, "upper": null, "unit": "per week", "qualifier": "exact"})"));
  q.unit = "casualties";
  q.rate = "day";
  q.text.assign(1, '\xFF');
  CHECK(to_json(q) ==
        R"({"text": "\ufffd", "lower": 0.25, "upper": null, "unit": "casualties per day", "qualifier": "exact"})");
}

TEST_CASE("overlap and precision between reports of one figure") {
  const auto exact = make(11000, 11000, quantity_qualifier::exact, "11,000 troops", "troops");
  const auto estimated = make(11000, 11000, quantity_qualifier::approximate, "an estimated 11,000 troops", "troops");
  const auto about = make(10000, 10000, quantity_qualifier::approximate, "about 10,000");
  const auto many = make(std::nullopt, 12000, quantity_qualifier::at_most, "as many as 12,000");
  const auto over = make(1e7, std::nullopt, quantity_qualifier::at_least, "more than 10 million artillery shells");
  const auto millions = make(2e6, std::nullopt, quantity_qualifier::vague, "millions of artillery shells");
  const auto range = make(20000, 25000, quantity_qualifier::range, "20,000 to 25,000");
  CHECK(overlaps(exact, estimated));
  CHECK(overlaps(exact, many));
  CHECK(overlaps(over, millions));
  CHECK_FALSE(overlaps(exact, range));
  CHECK_FALSE(overlaps(about, exact));
  CHECK(overlaps(about, exact, {.approximate_tolerance = 0.1}));
  CHECK_FALSE(overlaps(about, exact, {.approximate_tolerance = 0.05}));
  const auto half = make(std::nullopt, 50, quantity_qualifier::at_most, "up to half", "percent");
  const auto reaching = make(std::nullopt, 50, quantity_qualifier::at_most, "possibly reaching 50%", "percent");
  CHECK(overlaps(half, reaching));
  CHECK(half != reaching);  // texts differ
  CHECK(more_precise(exact, estimated));
  CHECK_FALSE(more_precise(estimated, exact));
  CHECK(more_precise(range, many));
  CHECK(more_precise(over, millions));
  CHECK_FALSE(more_precise(exact, exact));
  CHECK(overlaps(make(std::nullopt, std::nullopt, quantity_qualifier::vague), range));
}
