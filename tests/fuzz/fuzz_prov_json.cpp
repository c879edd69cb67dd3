// SPDX-License-Identifier: BSL-1.0
// Fuzzes the PROV-JSON reader with the round-trip property of prov_round_trip.hpp.

#include <sourcetrace/io/prov_json.hpp>

#include "prov_round_trip.hpp"

#include <cstddef>
#include <cstdint>
#include <ostream>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  sourcetrace_fuzz::check_prov_round_trip(
      std::string_view(reinterpret_cast<const char*>(data), size), "PROV-JSON",
      [](std::string_view text, std::string_view name) { return sourcetrace::read_prov_json(text, name); },
      [](std::ostream& out, const sourcetrace::prov_document& doc) { sourcetrace::write_prov_json(out, doc); });
  return 0;
}
