// SPDX-License-Identifier: BSL-1.0
#pragma once

// Line and column of a byte offset, shared by the PROV-JSON and PROV-N readers.

#include <cstddef>
#include <string_view>
#include <utility>

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

}  // namespace sourcetrace::detail
