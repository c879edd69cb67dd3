// SPDX-License-Identifier: BSL-1.0
#pragma once

// The articles a text subcommand (extract, reuse) reads: files named on the
// command line and the lines of a manifest, with what the flags say of the
// files the manifest does not describe.

#include <sourcetrace/io/extract_inputs.hpp>

#include <string>
#include <vector>

namespace sourcetrace_cli {

struct article_flags {
  std::vector<std::string> files;
  std::string manifest;
  std::string outlet;
  std::string published;  // YYYY-MM-DD, or empty
  std::string url;
};

// The manifest's entries first (each file made relative to the manifest's
// folder, outlet and date filled from the flags where it gives none), then
// the files. Throws st::error on a --published that is not a day, and the
// manifest reader's positioned errors.
std::vector<sourcetrace::manifest_entry> articles_of(const article_flags& f);

// Reads an article, refusing text that is not UTF-8 with its line and column.
std::string read_article(const std::string& path);

}  // namespace sourcetrace_cli
