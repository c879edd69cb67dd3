// SPDX-License-Identifier: BSL-1.0
#pragma once

/// @file
/// The source-kind concept and its traits: how a user adds a kind of source
/// (a Telegram channel, a satellite-imagery provider) without editing a
/// library header. A kind with the defaults takes a few lines:
///
/// @code
/// struct telegram_channel {
///   std::string handle;
///   std::int64_t subscribers = 0;
/// };
/// template <>
/// struct sourcetrace::source_traits<telegram_channel> : sourcetrace::source_traits_base<telegram_channel> {
///   static constexpr std::string_view name = "telegram_channel";
///   static constexpr source_role role = source_role::relay;
///   static constexpr std::tuple members{field{"handle", &telegram_channel::handle},
///                                       field{"subscribers", &telegram_channel::subscribers}};
/// };
/// @endcode

#include <sourcetrace/error.hpp>

#include <charconv>
#include <concepts>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <string>
#include <string_view>
#include <system_error>
#include <tuple>
#include <type_traits>
#include <utility>
#include <variant>
#include <vector>

namespace sourcetrace {

/// Whether sources of a kind say things first-hand, only relay what others
/// said, or may do either.
enum class source_role : std::uint8_t {
  first_hand,  ///< says what it saw or decided (an agency's own briefing)
  relay,       ///< only passes on what others said (an outlet)
  either,      ///< may do both (a lawmaker briefed by an agency)
};

/// Returns "first_hand", "relay" or "either".
inline std::string_view to_string(source_role r) noexcept {
  switch (r) {
    case source_role::first_hand: return "first_hand";
    case source_role::relay: return "relay";
    case source_role::either: return "either";
  }
  return "?";
}

/// The value of one of a kind's own fields: text, a whole number, a real
/// number or a truth value. Formats that have types keep them (a JSON number,
/// an `xsd:long` in PROV); the others write the value as text.
using field_value = std::variant<std::string, std::int64_t, double, bool>;

/// Returns "text", "a whole number", "a number" or "true or false": what a
/// value of the alternative held by `v` is called in error messages.
inline std::string_view type_name(const field_value& v) noexcept {
  switch (v.index()) {
    case 0: return "text";
    case 1: return "a whole number";
    case 2: return "a number";
    default: return "true or false";
  }
}

/// Returns `v` as text: the string itself, a number in its shortest decimal
/// form that reads back to the same value, or "true" / "false".
inline std::string to_text(const field_value& v) {
  if (const auto* s = std::get_if<std::string>(&v)) return *s;
  if (const auto* b = std::get_if<bool>(&v)) return *b ? "true" : "false";
  char buf[32];
  std::to_chars_result r = std::holds_alternative<std::int64_t>(v)
                               ? std::to_chars(buf, buf + sizeof buf, std::get<std::int64_t>(v))
                               : std::to_chars(buf, buf + sizeof buf, std::get<double>(v));
  return std::string(buf, r.ptr);
}

/// A kind's own fields as name/value pairs, in the order the kind writes them.
/// Readers and writers of every format carry a kind's fields through this.
using attributes = std::vector<std::pair<std::string, field_value>>;

/// Returns the value of field `name` in `a`, or nullptr if absent.
inline const field_value* find_field(const attributes& a, std::string_view name) noexcept {
  for (const auto& [key, value] : a) {
    if (key == name) return &value;
  }
  return nullptr;
}

/// Returns the value of field `name` in `a` as text (`to_text`), or an empty string if absent.
inline std::string attribute(const attributes& a, std::string_view name) {
  const field_value* v = find_field(a, name);
  return v ? to_text(*v) : std::string();
}

/// Thrown by a kind's `from_fields` when one of its fields has no value the
/// kind can hold; readers turn it into a `parse_error` at that field.
class field_error : public error {
 public:
  /// Builds the error for field `field`.
  field_error(std::string field, const std::string& message) : error(message), field_(std::move(field)) {}

  /// Returns the name of the offending field.
  const std::string& field() const noexcept { return field_; }

  /// Returns the error for a value of the wrong type: `field "subscribers": expected a whole number, found "many"`.
  static field_error wrong_type(std::string_view field, std::string_view expected, const field_value& found) {
    // Appended piece by piece: "literal" + std::string&& trips GCC 12's false -Wrestrict (PR 105651) at -O3.
    std::string message = "field \"";
    message += field;
    message += "\": expected ";
    message += expected;
    message += ", found ";
    const bool text = std::holds_alternative<std::string>(found);
    if (text) message += '"';
    message += to_text(found);
    if (text) message += '"';
    return {std::string(field), message};
  }

 private:
  std::string field_;
};

/// One declared field of kind `T`: its name in every format and the member
/// that holds it. Members may be `std::string`, `bool`, an integer or a
/// floating-point type.
template <class T, class M>
struct field {
  std::string_view name;  ///< the field's name ("subscribers")
  M T::*member;           ///< the member holding it (`&telegram_channel::subscribers`)
};
/// Deduces `field{"name", &T::member}`, for compilers without C++20 aggregate deduction (clang before 17).
template <class T, class M>
field(std::string_view, M T::*) -> field<T, M>;

/// Describes a source kind `T`; specialize it right after `T`, before first use.
///
/// There is deliberately no primary definition: a kind without traits fails
/// the `source_kind` concept at the call that uses it. Derive the
/// specialization from `source_traits_base<T>` to take the defaults.
template <class T>
struct source_traits;

namespace detail {

template <class M>
inline constexpr bool is_field_type =
    std::same_as<M, std::string> || std::same_as<M, bool> || std::integral<M> || std::floating_point<M>;

// The value a member of type M writes.
template <class M>
field_value to_field_value(const M& m) {
  static_assert(is_field_type<M>,
                "sourcetrace: a field's member must be std::string, bool, an integer or a floating-point type");
  if constexpr (std::same_as<M, std::string> || std::same_as<M, bool>) {
    return m;
  } else if constexpr (std::integral<M>) {
    return static_cast<std::int64_t>(m);
  } else {
    return static_cast<double>(m);
  }
}

// Reads `v` into member `m`, or throws field_error naming `field`. A number
// written as text (as corpora did before fields had types) reads as the number.
template <class M>
void from_field_value(std::string_view field, const field_value& v, M& m) {
  if constexpr (std::same_as<M, std::string>) {
    if (!std::holds_alternative<std::string>(v)) throw field_error::wrong_type(field, "text", v);
    m = std::get<std::string>(v);
  } else if constexpr (std::same_as<M, bool>) {
    if (const auto* b = std::get_if<bool>(&v)) {
      m = *b;
    } else if (const auto* s = std::get_if<std::string>(&v); s && (*s == "true" || *s == "false")) {
      m = *s == "true";
    } else {
      throw field_error::wrong_type(field, "true or false", v);
    }
  } else if constexpr (std::integral<M>) {
    std::int64_t n = 0;
    if (const auto* i = std::get_if<std::int64_t>(&v)) {
      n = *i;
    } else if (const auto* s = std::get_if<std::string>(&v)) {
      auto [end, ec] = std::from_chars(s->data(), s->data() + s->size(), n);
      if (ec != std::errc() || end != s->data() + s->size() || s->empty()) {
        throw field_error::wrong_type(field, "a whole number", v);
      }
    } else {
      throw field_error::wrong_type(field, "a whole number", v);
    }
    if (!std::in_range<M>(n)) {
      throw field_error(std::string(field), "field \"" + std::string(field) + "\": " + std::to_string(n) +
                                                " is out of range for this field");
    }
    m = static_cast<M>(n);
  } else {
    double d = 0;
    if (const auto* x = std::get_if<double>(&v)) {
      d = *x;
    } else if (const auto* i = std::get_if<std::int64_t>(&v)) {
      d = static_cast<double>(*i);
    } else if (const auto* s = std::get_if<std::string>(&v)) {
      auto [end, ec] = std::from_chars(s->data(), s->data() + s->size(), d);
      if (ec != std::errc() || end != s->data() + s->size() || s->empty()) {
        throw field_error::wrong_type(field, "a number", v);
      }
    } else {
      throw field_error::wrong_type(field, "a number", v);
    }
    m = static_cast<M>(d);
  }
}

template <class T>
constexpr auto members_of() {
  if constexpr (requires { source_traits<T>::members; }) {
    return source_traits<T>::members;
  } else {
    return std::tuple<>{};
  }
}

}  // namespace detail

/// The defaults of a kind's traits, to derive `source_traits<T>` from.
///
/// It gives role `either`, a named source, PROV type `prov:Agent`, no colour
/// of its own (pictures derive one from the name), and, from the fields the
/// specialization declares in `members` (a `std::tuple` of `field`s), the
/// label (the non-empty field values joined by ", "), `fields` and
/// `from_fields`. A specialization declares `name` and overrides what differs.
template <class T>
struct source_traits_base {
  /// Sources of the kind may speak first-hand or relay.
  static constexpr source_role role = source_role::either;
  /// Sources of the kind are named (a person, an agency), not unnamed ("military sources").
  static constexpr bool named = true;
  /// The PROV type agents of the kind get.
  static constexpr std::string_view prov_type = "prov:Agent";
  /// The fill colour in pictures ("#rrggbb"); empty to derive one from the kind's name.
  static constexpr std::string_view color = "";

  /// Returns the non-empty values of the declared fields, joined by ", ".
  static std::string label(const T& s) {
    std::string out;
    for (const auto& [key, value] : fields(s)) {
      std::string text = to_text(value);
      if (text.empty()) continue;
      if (!out.empty()) out += ", ";
      out += text;
    }
    return out;
  }

  /// Returns the declared fields of `s`, in declaration order.
  static attributes fields(const T& s) {
    attributes out;
    std::apply(
        [&](const auto&... f) { (out.emplace_back(std::string(f.name), detail::to_field_value(s.*f.member)), ...); },
        detail::members_of<T>());
    return out;
  }

  /// Returns the kind built from `a`; a declared field that is absent keeps its default value.
  /// @throws field_error naming a field of the wrong type or one the kind does not declare.
  static T from_fields(const attributes& a) {
    T out{};
    constexpr auto members = detail::members_of<T>();
    // Not a structured binding: clang before 16 cannot capture one in the lambda below.
    for (const auto& entry : a) {
      const std::string& key = entry.first;
      const field_value& value = entry.second;
      bool known = false;
      std::apply(
          [&](const auto&... f) {
            ((f.name == key ? (detail::from_field_value(f.name, value, out.*f.member), known = true) : false), ...);
          },
          members);
      if (!known) {
        std::string expected;
        std::apply([&](const auto&... f) { ((expected += (expected.empty() ? "" : ", ") + std::string(f.name)), ...); },
                   members);
        throw field_error(key, "unknown field \"" + key + "\" for kind " + std::string(source_traits<T>::name) +
                                   (expected.empty() ? ", which has no fields" : "; expected " + expected));
      }
    }
    return out;
  }
};

/// A type usable as a kind of source.
///
/// @code
/// source_traits<T>::name                  -> convertible to std::string_view  ("telegram_channel")
/// source_traits<T>::role                  -> convertible to source_role
/// source_traits<T>::prov_type             -> convertible to std::string_view  ("prov:Organization")
/// source_traits<T>::label(const T&)       -> convertible to std::string       (one line for reports)
/// source_traits<T>::fields(const T&)      -> convertible to attributes        (the kind's own fields)
/// source_traits<T>::from_fields(const attributes&) -> T                       (the inverse of fields)
/// @endcode
///
/// Optional, with defaults when absent: `named` (bool, true: sources of the
/// kind are named; false for unnamed sources) and `color` (a "#rrggbb" fill
/// for pictures; empty derives one from the name). `T` must also be copyable
/// and default-constructible. `source_traits_base<T>` provides all but `name`.
template <class T>
concept source_kind = std::semiregular<T> && requires(const T& s, const attributes& a) {
  { source_traits<T>::name } -> std::convertible_to<std::string_view>;
  { source_traits<T>::role } -> std::convertible_to<source_role>;
  { source_traits<T>::prov_type } -> std::convertible_to<std::string_view>;
  { source_traits<T>::label(s) } -> std::convertible_to<std::string>;
  { source_traits<T>::fields(s) } -> std::convertible_to<attributes>;
  { source_traits<T>::from_fields(a) } -> std::same_as<T>;
};

/// What every analysis needs to know of a kind, at run time: its traits'
/// constants, defaults filled in.
struct source_kind_info {
  std::string_view name;       ///< `source_traits<K>::name`
  source_role role{};          ///< `source_traits<K>::role`
  bool named = true;           ///< `source_traits<K>::named`, true when absent
  std::string_view prov_type;  ///< `source_traits<K>::prov_type`
  std::string_view color;      ///< `source_traits<K>::color`, empty when absent
};

/// Returns the traits' constants of kind `K`, defaults filled in.
template <source_kind K>
constexpr source_kind_info kind_info() noexcept {
  source_kind_info out{source_traits<K>::name, source_traits<K>::role, true, source_traits<K>::prov_type, {}};
  if constexpr (requires { source_traits<K>::named; }) out.named = source_traits<K>::named;
  if constexpr (requires { source_traits<K>::color; }) out.color = source_traits<K>::color;
  return out;
}

namespace detail {

// A name as a template argument, so that a clash of two kinds' names shows
// the name itself in the compiler's message.
template <std::size_t N>
struct fixed_name {
  char text[N + 1] = {};
  constexpr explicit fixed_name(std::string_view s) {
    for (std::size_t i = 0; i < N; ++i) text[i] = s[i];
  }
};

template <fixed_name Name, class A, class B>
struct two_source_kinds_share_the_name {
  static constexpr bool value = false;
};

template <class A, class B>
constexpr bool check_distinct_names() {
  constexpr std::string_view a = source_traits<A>::name, b = source_traits<B>::name;
  if constexpr (a == b) {
    static_assert(two_source_kinds_share_the_name<fixed_name<a.size()>(a), A, B>::value,
                  "sourcetrace: two source kinds of one graph have the same source_traits<K>::name; the note "
                  "below names it and both kinds: rename one");
  }
  return a != b;
}

template <class T, class... Rest>
constexpr bool check_distinct_names_from() {
  return (check_distinct_names<T, Rest>() && ... && true);
}

// One message per unmet requirement, naming it; `source_kind<T>` itself only
// says true or false.
template <class T>
constexpr bool check_source_kind() {
  using traits = source_traits<T>;
  constexpr bool has_traits = requires { sizeof(traits); };
  static_assert(has_traits,
                "sourcetrace: no source_traits<K> for this kind: specialize sourcetrace::source_traits<K> right after "
                "the type, deriving from sourcetrace::source_traits_base<K>");
  if constexpr (has_traits) {
    static_assert(std::default_initializable<T>, "sourcetrace: a source kind must be default-constructible");
    static_assert(std::copyable<T>, "sourcetrace: a source kind must be copyable");
    static_assert(
        requires {
          { traits::name } -> std::convertible_to<std::string_view>;
        },
        "sourcetrace: source_traits<K> needs `static constexpr std::string_view name = \"...\";`");
    static_assert(
        requires {
          { traits::role } -> std::convertible_to<source_role>;
        },
        "sourcetrace: source_traits<K> needs `static constexpr source_role role` (or derive from "
        "source_traits_base<K>)");
    static_assert(
        requires {
          { traits::prov_type } -> std::convertible_to<std::string_view>;
        },
        "sourcetrace: source_traits<K> needs `static constexpr std::string_view prov_type` (or derive from "
        "source_traits_base<K>)");
    static_assert(
        requires(const T& s) {
          { traits::label(s) } -> std::convertible_to<std::string>;
        },
        "sourcetrace: source_traits<K> needs `static std::string label(const K&)` (or derive from "
        "source_traits_base<K>)");
    static_assert(
        requires(const T& s) {
          { traits::fields(s) } -> std::convertible_to<attributes>;
        },
        "sourcetrace: source_traits<K> needs `static attributes fields(const K&)` (or derive from "
        "source_traits_base<K> and declare `members`)");
    static_assert(
        requires(const attributes& a) {
          { traits::from_fields(a) } -> std::same_as<T>;
        },
        "sourcetrace: source_traits<K> needs `static K from_fields(const attributes&)` returning K (or "
        "derive from source_traits_base<K> and declare `members`)");
  }
  return source_kind<T>;
}

}  // namespace detail

}  // namespace sourcetrace
