// SPDX-License-Identifier: BSL-1.0
// Fuzzes the PROV-N reader with the round-trip property of prov_round_trip.hpp.

#include <sourcetrace/io/prov_n.hpp>

#include "prov_round_trip.hpp"

#include <cstddef>
#include <cstdint>
#include <ostream>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  sourcetrace_fuzz::check_prov_round_trip(
      std::string_view(reinterpret_cast<const char*>(data), size), "PROV-N",
      [](std::string_view text, std::string_view name) { return sourcetrace::read_prov_n(text, name); },
      [](std::ostream& out, const sourcetrace::prov_document& doc) { sourcetrace::write_prov_n(out, doc); });
  return 0;
}
