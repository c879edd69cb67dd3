// SPDX-License-Identifier: BSL-1.0
#pragma once

// Line and column of a byte offset, shared by the JSON, PROV-JSON and PROV-N readers.

#include <algorithm>
#include <cstddef>
#include <string_view>
#include <utility>
#include <vector>

namespace sourcetrace::detail {

// Line and column (in characters, both from 1) of byte `offset` of `text`;
// UTF-8 continuation bytes do not count as columns.
inline std::pair<std::size_t, std::size_t> line_column(std::string_view text, std::size_t offset) {
  std::size_t line = 1, column = 1;
  for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
    if (text[i] == '\n') {
      ++line;
      column = 1;
    } else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
      ++column;
    }
  }
  return {line, column};
}

// Line and column of many offsets of one text: the line starts are found once,
// then each lookup is a binary search plus a count within the line, resumed
// from the previous lookup when it lies further along the same line. Readers
// that note the position of every record use this, so that a large input
// does not cost a scan from the top per record.
class line_index {
 public:
  explicit line_index(std::string_view text) : text_(text) {}

  // Returns the 1-based line of byte `offset`: a binary search, no count.
  std::size_t line_of(std::size_t offset) {
    index();
    offset = std::min(offset, text_.size());
    return static_cast<std::size_t>(std::upper_bound(starts_.begin(), starts_.end(), offset) - starts_.begin());
  }

  std::pair<std::size_t, std::size_t> locate(std::size_t offset) {
    index();
    offset = std::min(offset, text_.size());
    auto it = std::upper_bound(starts_.begin(), starts_.end(), offset);
    std::size_t line = static_cast<std::size_t>(it - starts_.begin());
    std::size_t from = *(it - 1), column = 1;
    if (last_line_ == line && last_offset_ <= offset) {
      from = last_offset_;
      column = last_column_;
    }
    for (std::size_t i = from; i < offset; ++i) {
      if ((static_cast<unsigned char>(text_[i]) & 0xC0) != 0x80) ++column;
    }
    last_line_ = line;
    last_offset_ = offset;
    last_column_ = column;
    return {line, column};
  }

 private:
  void index() {
    if (!starts_.empty()) return;
    starts_.push_back(0);
    for (std::size_t i = 0; i < text_.size(); ++i) {
      if (text_[i] == '\n') starts_.push_back(i + 1);
    }
  }

  std::string_view text_;
  std::vector<std::size_t> starts_;
  std::size_t last_line_ = 0, last_offset_ = 0, last_column_ = 1;
};

}  // namespace sourcetrace::detail
