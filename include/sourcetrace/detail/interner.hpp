// SPDX-License-Identifier: BSL-1.0
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sourcetrace::detail {

// Maps each distinct string to a dense 32-bit number. The text of all strings
// lives in one arena and the table is open-addressed over plain integers, so
// tens of millions of ids cost a few large allocations rather than one node
// and one string each.
class interner {
 public:
  static constexpr std::uint32_t npos = UINT32_MAX;

  std::size_t size() const noexcept { return offsets_.size() - 1; }
  // The bytes of all strings held.
  std::size_t bytes() const noexcept { return arena_.size(); }

  std::string_view operator[](std::uint32_t i) const noexcept {
    return std::string_view(arena_).substr(offsets_[i], offsets_[i + 1] - offsets_[i]);
  }

  std::optional<std::uint32_t> find(std::string_view s) const noexcept { return find(s, hash(s)); }

  // Looks `s` up by its `hash(s)`, computed once for `prefetch` and then for this.
  std::optional<std::uint32_t> find(std::string_view s, std::uint64_t h) const noexcept {
    if (table_.empty()) return std::nullopt;
    const std::uint64_t tag = h & tag_mask;
    std::size_t mask = table_.size() - 1;
    for (std::size_t slot = h & mask;; slot = (slot + 1) & mask) {
      std::uint64_t entry = table_[slot];
      if (entry == empty) return std::nullopt;
      if ((entry & tag_mask) == tag && (*this)[index_of(entry)] == s) return index_of(entry);
    }
  }

  // Returns the number of `s` and whether it was added by this call.
  std::pair<std::uint32_t, bool> intern(std::string_view s) {
    if ((size() + 1) * 4 >= table_.size() * 3) grow();
    const std::uint64_t h = hash(s);
    const std::uint64_t tag = h & tag_mask;
    std::size_t mask = table_.size() - 1;
    std::size_t slot = h & mask;
    for (;; slot = (slot + 1) & mask) {
      std::uint64_t entry = table_[slot];
      if (entry == empty) break;
      if ((entry & tag_mask) == tag && (*this)[index_of(entry)] == s) return {index_of(entry), false};
    }
    auto n = static_cast<std::uint32_t>(size());
    arena_.append(s);
    offsets_.push_back(arena_.size());
    table_[slot] = tag | n;
    return {n, true};
  }

  // Starts loading the slot a look-up of a string with hash `h` reads first,
  // so that a batch of look-ups waits for memory once rather than once each.
  void prefetch(std::uint64_t h) const noexcept {
    if (!table_.empty()) __builtin_prefetch(table_.data() + (h & (table_.size() - 1)));
  }

  static std::uint64_t hash(std::string_view s) noexcept { return std::hash<std::string_view>{}(s); }

  void reserve(std::size_t count, std::size_t bytes) {
    arena_.reserve(bytes);
    offsets_.reserve(count + 1);
    std::size_t want = 16;
    while (want * 3 <= count * 4) want *= 2;
    if (want > table_.size()) rehash(want);
  }

 private:
  // A slot holds a string's number in its low 32 bits and the high 32 bits
  // of its hash above them, so that a probe compares text only when the
  // hashes agree: a lookup costs one string comparison, not one per probe.
  static constexpr std::uint64_t tag_mask = 0xFFFFFFFF00000000ULL;
  static constexpr std::uint64_t empty = UINT64_MAX;  // no string has number npos
  static std::uint32_t index_of(std::uint64_t entry) noexcept { return static_cast<std::uint32_t>(entry); }

  void grow() { rehash(table_.empty() ? 16 : table_.size() * 2); }

  void rehash(std::size_t buckets) {
    std::vector<std::uint64_t> table(buckets, empty);
    std::size_t mask = buckets - 1;
    for (std::uint32_t i = 0; i < size(); ++i) {
      const std::uint64_t h = hash((*this)[i]);
      std::size_t slot = h & mask;
      while (table[slot] != empty) slot = (slot + 1) & mask;
      table[slot] = (h & tag_mask) | i;
    }
    table_.swap(table);
  }

  std::string arena_;
  std::vector<std::size_t> offsets_{0};
  std::vector<std::uint64_t> table_;
};

}  // namespace sourcetrace::detail
