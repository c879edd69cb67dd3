// SPDX-License-Identifier: BSL-1.0
#include <sourcetrace/json.hpp>

#include <sstream>
#include <string>

std::string odr_io_b_corpus() {
  sourcetrace::provenance_graph g;
  g.add_agent("nis", "National Intelligence Service", sourcetrace::organization{"intelligence agency", "South Korea"});
  g.add_claim("c", "a claim");
  g.add_statement("s", "nis", "c");
  std::ostringstream out;
  sourcetrace::write_corpus(out, g);
  return out.str();
}
