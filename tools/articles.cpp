// SPDX-License-Identifier: BSL-1.0
#include "articles.hpp"

#include <sourcetrace/detail/file_text.hpp>
#include <sourcetrace/detail/line_column.hpp>
#include <sourcetrace/detail/utf8.hpp>
#include <sourcetrace/error.hpp>
#include <sourcetrace/time/date.hpp>

#include <filesystem>
#include <optional>

namespace sourcetrace_cli {

namespace st = sourcetrace;

std::vector<st::manifest_entry> articles_of(const article_flags& o) {
  std::vector<st::manifest_entry> out;
  std::optional<st::greg::date> pub;
  if (!o.published.empty()) {
    std::string why;
    auto d = st::partial_date::try_parse(o.published, &why);
    if (!d || !d->is_day()) throw st::error("--published: expected a day YYYY-MM-DD, found \"" + o.published + "\"");
    pub = d->first();
  }
  if (!o.manifest.empty()) {
    const auto m = st::detail::read_file_text(o.manifest);
    auto entries = st::read_manifest(m.text, o.manifest);
    const auto base = std::filesystem::path(o.manifest).parent_path();
    for (auto& e : entries) {
      if (!std::filesystem::path(e.file).is_absolute() && !base.empty()) e.file = (base / e.file).string();
      if (e.outlet.empty()) e.outlet = o.outlet;
      if (!e.published) e.published = pub;
      out.push_back(std::move(e));
    }
  }
  for (const auto& f : o.files) out.push_back({f, o.outlet, pub, o.url, 0});
  return out;
}

std::string read_article(const std::string& path) {
  auto f = st::detail::read_file_text(path);
  if (auto bad = st::detail::invalid_utf8_at(f.text); bad != std::string::npos) {
    const auto [line, column] = st::detail::line_column(f.text, bad);
    throw st::parse_error(path, line, column, "invalid UTF-8: an article must be UTF-8 text");
  }
  return std::move(f.text);
}

}  // namespace sourcetrace_cli
