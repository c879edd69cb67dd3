// SPDX-License-Identifier: BSL-1.0
#include <sourcetrace/error.hpp>

#include "catch.hpp"

using namespace sourcetrace;

TEST_CASE("errors say where, what was expected and what was found") {
  CHECK(std::string(error::unknown_id("agent", "kim").what()) == "unknown agent id \"kim\"");
  CHECK(std::string(error::duplicate_id("claim", "c").what()) == "duplicate claim id \"c\"");
  CHECK(std::string(error::empty_id("event").what()) == "empty event id");
  CHECK(std::string(error::self_derivation("s").what()) == "statement \"s\" cannot derive from itself");
  CHECK(std::string(error::invalid_date("2025-13", "month 13 is outside 1..12").what()) ==
        "invalid date \"2025-13\": month 13 is outside 1..12");
}

TEST_CASE("a parse error carries its file, line and column") {
  parse_error e("outlets.json", 12, 4, "expected ISO date, got \"2024-13-01\"");
  CHECK(std::string(e.what()) == "outlets.json:12:4: expected ISO date, got \"2024-13-01\"");
  CHECK(e.file() == "outlets.json");
  CHECK(e.line() == 12);
  CHECK(e.column() == 4);
  // A zero column is left out: the line is all that is known.
  CHECK(std::string(parse_error("x.jsonl", 3, 0, "bad").what()) == "x.jsonl:3: bad");
  // Everything derives from sourcetrace::error, which derives from std::runtime_error.
  const std::runtime_error& base = e;
  CHECK(std::string(base.what()).starts_with("outlets.json"));
}

TEST_CASE("empty input names the file and what was expected") {
  CHECK(std::string(error::empty_input("<stdin>", "PROV-JSON or PROV-N").what()) ==
        "<stdin>: empty input: expected PROV-JSON or PROV-N");
}
