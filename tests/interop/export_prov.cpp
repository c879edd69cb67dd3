// SPDX-License-Identifier: BSL-1.0
// Interop with python3-prov (tests/interop/check_prov.py):
//   export_prov DIR               writes DIR/seed.provjson, DIR/seed.provn and DIR/counts.json
//   export_prov --read FILE       reads PROV-JSON, prints its record counts and what import made of it
//   export_prov --read-provn FILE the same for PROV-N
#include <sourcetrace/io/prov.hpp>
#include <sourcetrace/io/prov_json.hpp>
#include <sourcetrace/io/prov_n.hpp>

#include "data/seed_story.hpp"

#include <fstream>
#include <iostream>
#include <map>
#include <sstream>
#include <string>

namespace {

using namespace sourcetrace;

// {"agent": 20, "entity": 87, ...}: records of each type, bundles included, keys sorted.
std::string counts_json(const prov_document& d) {
  std::map<std::string, std::size_t> counts;
  auto add = [&](const prov_container& c) {
    for (const auto& r : c.records) ++counts[std::string(r.name())];
  };
  add(d);
  for (const auto& b : d.bundles) add(b);
  std::string out = "{";
  for (const auto& [name, n] : counts) {
    if (out.size() > 1) out += ", ";
    out += "\"" + name + "\": " + std::to_string(n);
  }
  return out + "}";
}

std::string slurp(const char* path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw error(std::string("cannot open ") + path);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

void write_file(const std::string& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary);
  out << text;
  if (!out) throw error("cannot write " + path);
}

}  // namespace

int main(int argc, char** argv) {
  try {
    if (argc == 3 && (std::string(argv[1]) == "--read" || std::string(argv[1]) == "--read-provn")) {
      std::string text = slurp(argv[2]);
      prov_document d = std::string(argv[1]) == "--read" ? read_prov_json(text, argv[2]) : read_prov_n(text, argv[2]);
      auto imported = import_prov(d);
      std::cout << "{\"counts\": " << counts_json(d) << ", \"statements\": " << imported.graph.statement_count()
                << ", \"derivations\": " << imported.graph.derivation_count()
                << ", \"issues\": " << imported.issues.size() << "}\n";
      return 0;
    }
    if (argc != 2) {
      std::cerr << "usage: export_prov DIR | --read FILE.provjson | --read-provn FILE.provn\n";
      return 2;
    }
    std::string dir = argv[1];
    prov_document d = to_prov(seed::story());
    std::ostringstream json, provn;
    write_prov_json(json, d);
    write_prov_n(provn, d);
    write_file(dir + "/seed.provjson", json.str());
    write_file(dir + "/seed.provn", provn.str());
    write_file(dir + "/counts.json", counts_json(d) + "\n");
    return 0;
  } catch (const std::exception& e) {
    std::cerr << "export_prov: " << e.what() << "\n";
    return 1;
  }
}
