// SPDX-License-Identifier: BSL-1.0
// Writes the seed story as seed.dot and seed.graphml into the directory named
// by argv[1], for check_graph_formats.py to read with graphviz and NetworkX.

#include "data/seed_story.hpp"

#include <sourcetrace/io/dot.hpp>
#include <sourcetrace/io/graphml.hpp>

#include <exception>
#include <fstream>
#include <iostream>
#include <string>

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: export_graph_formats DIR\n";
    return 2;
  }
  try {
    const auto g = seed::story();
    const std::string dir = argv[1];
    std::ofstream dot(dir + "/seed.dot", std::ios::binary);
    sourcetrace::write_dot(dot, g);
    std::ofstream graphml(dir + "/seed.graphml", std::ios::binary);
    sourcetrace::write_graphml(graphml, g);
    dot.close();
    graphml.close();
    if (!dot || !graphml) {
      std::cerr << "export_graph_formats: cannot write into " << dir << "\n";
      return 1;
    }
  } catch (const std::exception& e) {
    std::cerr << "export_graph_formats: " << e.what() << "\n";
    return 1;
  }
  return 0;
}
