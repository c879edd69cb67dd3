// SPDX-License-Identifier: BSL-1.0
#pragma once

// A prototype for docs/performance.md, not used by the library: detail::interner
// with 32 bits of each string's hash kept beside its number in the table, so
// that probing past an occupied slot rarely reads the string's offsets and
// text. At ten million ids those reads are cache and TLB misses, and they are
// what makes interning superlinear (bench_origins proto_intern_ids vs
// proto_tagged_intern_ids).

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace sourcetrace::bench {

class tagged_interner {
 public:
  static constexpr std::uint32_t npos = UINT32_MAX;

  std::size_t size() const noexcept { return offsets_.size() - 1; }

  std::string_view operator[](std::uint32_t i) const noexcept {
    return std::string_view(arena_).substr(offsets_[i], offsets_[i + 1] - offsets_[i]);
  }

  std::pair<std::uint32_t, bool> intern(std::string_view s) {
    if ((size() + 1) * 4 >= table_.size() * 3) rehash(table_.empty() ? 16 : table_.size() * 2);
    std::size_t h = hash(s);
    auto tag = static_cast<std::uint32_t>(h >> 32);
    std::size_t mask = table_.size() - 1;
    std::size_t slot = h & mask;
    for (;; slot = (slot + 1) & mask) {
      std::uint64_t entry = table_[slot];
      if (entry == empty) break;
      if (static_cast<std::uint32_t>(entry >> 32) == tag && (*this)[static_cast<std::uint32_t>(entry)] == s) {
        return {static_cast<std::uint32_t>(entry), false};
      }
    }
    auto n = static_cast<std::uint32_t>(size());
    arena_.append(s);
    offsets_.push_back(arena_.size());
    table_[slot] = (std::uint64_t{tag} << 32) | n;
    return {n, true};
  }

  void reserve(std::size_t count, std::size_t bytes) {
    arena_.reserve(bytes);
    offsets_.reserve(count + 1);
    std::size_t want = 16;
    while (want * 3 <= count * 4) want *= 2;
    if (want > table_.size()) rehash(want);
  }

 private:
  static constexpr std::uint64_t empty = UINT64_MAX;
  static std::size_t hash(std::string_view s) noexcept { return std::hash<std::string_view>{}(s); }

  void rehash(std::size_t buckets) {
    std::vector<std::uint64_t> table(buckets, empty);
    std::size_t mask = buckets - 1;
    for (std::uint64_t entry : table_) {
      if (entry == empty) continue;
      std::size_t slot = hash((*this)[static_cast<std::uint32_t>(entry)]) & mask;
      while (table[slot] != empty) slot = (slot + 1) & mask;
      table[slot] = entry;
    }
    table_.swap(table);
  }

  std::string arena_;
  std::vector<std::size_t> offsets_{0};
  std::vector<std::uint64_t> table_;
};

}  // namespace sourcetrace::bench
