// SPDX-License-Identifier: BSL-1.0
#pragma once

/// @file
/// Reading whole articles: sentences, their attributions, sources resolved
/// to agents (through a gazetteer, earlier mentions, pronouns and role
/// nouns), attributions carried over to the sentences that follow, own-voice
/// sentences, and the contents of all articles grouped into claims. The
/// result is a proposal for an analyst to review; `extraction_graph` turns
/// it into a provenance graph whose article statements carry their evidence.
/// The rules are in docs/extraction.md.

#include <sourcetrace/graph.hpp>
#include <sourcetrace/model/evidence.hpp>
#include <sourcetrace/text/attribution.hpp>
#include <sourcetrace/text/quantity.hpp>
#include <sourcetrace/text/relative_date.hpp>
#include <sourcetrace/text/sentences.hpp>
#include <sourcetrace/text/span.hpp>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <span>
#include <string>
#include <string_view>
#include <tuple>
#include <unordered_map>
#include <utility>
#include <variant>
#include <vector>

namespace sourcetrace {

/// A known agent: its id, name and kind in the corpus, and the other names
/// articles call it by.
struct gazetteer_entry {
  std::string id;
  std::string name;
  std::string kind;                                         ///< organization, person, outlet or anonymous
  std::vector<std::pair<std::string, std::string>> fields;  ///< the kind's fields: type, country, role, ...
  std::vector<std::string> aliases;                         ///< "NIS", "Seoul's spy agency", "the agency"
};

/// Lower case, typographic apostrophes and dashes folded, spaces collapsed,
/// a leading "the", "a" or "an" dropped: the form names are compared in.
inline std::string name_key(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  bool space = false;
  for (std::size_t i = 0; i < s.size();) {
    if (const std::size_t w = detail::space_length(s, i); w) {
      space = !out.empty();
      i += w;
      continue;
    }
    if (const auto sym = detail::utf8_symbol(s, i); sym.length) {
      if (space) out += ' ';
      space = false;
      out += sym.canonical == "'" ? "'" : (sym.canonical == "–" ? "-" : std::string(sym.canonical));
      i += sym.length;
      continue;
    }
    if (space) out += ' ';
    space = false;
    char c = s[i++];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c == '.') continue;  // "U.S." and "US", "Rep." and "Rep"
    out += c;
  }
  for (std::string_view lead : {"the ", "a ", "an "}) {
    if (out.starts_with(lead)) {
      out.erase(0, lead.size());
      break;
    }
  }
  return out;
}

/// Known agents by name and alias.
class gazetteer {
 public:
  /// Adds `e`; its name and each alias find it. A later entry with a name
  /// already taken does not replace the earlier one.
  void add(gazetteer_entry e) {
    const std::size_t i = entries_.size();
    by_key_.emplace(name_key(e.name), i);
    for (const auto& a : e.aliases) by_key_.emplace(name_key(a), i);
    entries_.push_back(std::move(e));
  }
  /// Returns the entry named `name` (any alias; case and a leading "the" do not matter), or null.
  const gazetteer_entry* find(std::string_view name) const {
    auto it = by_key_.find(name_key(name));
    return it == by_key_.end() ? nullptr : &entries_[it->second];
  }
  const std::vector<gazetteer_entry>& entries() const noexcept { return entries_; }

 private:
  std::vector<gazetteer_entry> entries_;
  std::unordered_map<std::string, std::size_t> by_key_;
};

/// One article to read.
struct article_input {
  std::string file;                     ///< its path, as given: the evidence names it
  std::string text;                     ///< UTF-8 text: headline line first, paragraphs apart by blank lines
  std::string outlet;                   ///< the outlet's name ("The Korea Herald")
  std::optional<greg::date> published;  ///< resolves "Thursday" and "last year"
  std::string url;
};

/// One hop of an extracted chain, resolved to an agent.
struct extracted_hop {
  std::string agent;     ///< agent id
  text_span source;      ///< where the text names it (for a carried hop: the earlier mention)
  text_span cue;         ///< empty for a carried hop
  std::string cue_word;  ///< "say", "according to", "brief", ...; "carried" when carried over
  derivation_basis basis = derivation_basis::text;
  std::optional<partial_date> when;  ///< when this source spoke, from a time phrase at its cue
  bool briefing = false;             ///< it spoke at a briefing ("briefed by")
};

/// One proposition an article states: in its own voice (no hops) or from a chain of sources.
struct extracted_statement {
  std::size_t sentence = 0;  ///< index into the article's sentences
  std::size_t clause = 0;    ///< 0, or 1 for a sentence's second content ("said X, adding that Y")
  article_part part = article_part::unknown;
  text_span content;
  std::vector<extracted_hop> hops;
  bool carried = false;                            ///< the source comes from an earlier sentence
  claim_details stated;                            ///< figure, date and modality read from the content
  std::vector<std::pair<double, double>> figures;  ///< every figure of the content, as (least, greatest)
  std::string claim;                               ///< the claim id it was grouped into (set by `extractor::finish`)
  double similarity = 1;  ///< to the closest content already in its claim when it joined (1 for the first)
};

struct extracted_article {
  std::string file, outlet, url, headline;
  std::string event;         ///< the id of its publication event
  std::string outlet_agent;  ///< the id of its outlet's agent
  std::optional<greg::date> published;
  std::vector<sentence> sentences;
  std::vector<extracted_statement> statements;
  std::string text;
};

/// What the extractor takes a source to be from the words that name it. The
/// extractor gives each sort the first kind of its graph type whose traits
/// fit (`extractor::kind_for`): a person is named and a prov:Person; media
/// are named and relay; a body is named, not a person and not only a relay;
/// an unnamed source is not named.
enum class source_sort : std::uint8_t { person, body, media, unnamed };

struct extracted_agent {
  std::string id, name;
  std::size_t kind = 0;  ///< its kind: a position in `extractor::kinds()`
  std::vector<std::pair<std::string, std::string>> fields;
  std::optional<std::size_t> entry;  ///< its gazetteer entry, if it has one
};

struct extracted_claim {
  std::string id, text;
  claim_details details;
};

namespace detail::extract {

inline bool is_cap(std::string_view s, std::size_t i) {
  const auto c = static_cast<unsigned char>(s[i]);
  return (c >= 'A' && c <= 'Z') || c >= 0x80;
}

inline std::string slug(std::string_view s, std::size_t max_words = 6) {
  std::string out;
  std::size_t words = 0;
  bool dash = false;
  for (std::size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
      if (dash && !out.empty()) {
        if (++words >= max_words) break;
        out += '-';
      }
      dash = false;
      out += c;
    } else if (s.compare(i, 3, "\xE2\x80\x99") == 0) {
      i += 2;  // a typographic apostrophe joins, as "'" does: "seouls"
    } else if (c != '\'' && c != '.') {
      dash = true;
    }
  }
  return out.empty() ? std::string("x") : out;
}

// The tokens of a span, as the attribution rules read them.
inline std::vector<text_token> words_of(std::string_view text, text_span s) {
  auto t = tokenize_text(text.substr(s.begin, s.end - s.begin), token_joins::inner_marks);
  for (auto& x : t) x.begin += s.begin, x.end += s.begin;
  return t;
}

inline constexpr auto org_words = std::to_array<std::string_view>({
    "agency",      "army",         "assembly",     "association", "authority",  "bank",       "board",
    "bureau",      "cabinet",      "center",       "centre",      "command",    "commission", "committee",
    "company",     "corp",         "corporation",  "council",     "court",      "department", "fund",
    "government",  "group",        "inc",          "institute",   "kremlin",    "ministry",   "navy",
    "office",      "organization", "organisation", "parliament",  "party",      "pentagon",   "police",
    "service",     "staff",        "union",        "university",  "forces",     "military",   "administration",
    "congress",    "senate",       "house",        "federation",  "foundation", "laboratory", "observatory",
    "secretariat", "tribunal",     "watchdog",     "regulator",   "firm",       "co",         "ltd",
    "nato",        "un",           "eu",           "who",         "imf",        "opec",       "coalition",
    "authorities",
});

inline constexpr auto media_words = std::to_array<std::string_view>({
    "media",   "news",    "times",  "post",       "herald",      "journal",      "tribune",   "gazette",    "daily",
    "press",   "radio",   "tv",     "television", "broadcaster", "broadcasting", "newspaper", "newspapers", "outlet",
    "outlets", "reuters", "yonhap", "tass",       "ria",         "kcna",         "xinhua",    "bloomberg",  "afp",
    "ap",      "bbc",     "cnn",    "wire",       "magazine",    "network",      "channel",   "blog",
});

// Common nouns that refer back to a body or an outlet the article named:
// "the company said", "the newspaper reported".
inline constexpr auto body_nouns = std::to_array<std::string_view>({
    "administration", "agency",       "airline",    "association", "automaker",  "bank",         "board",
    "cabinet",        "carrier",      "chain",      "club",        "coalition",  "commission",   "committee",
    "company",        "conglomerate", "council",    "court",       "department", "developer",    "federation",
    "firm",           "government",   "group",      "institute",   "insurer",    "league",       "lender",
    "maker",          "manufacturer", "ministry",   "office",      "operator",   "organisation", "organization",
    "party",          "producer",     "regulator",  "retailer",    "service",    "startup",      "supplier",
    "team",           "union",        "university", "utility",     "watchdog",
});
// Modifiers that describe a source without naming another one: "the spy
// agency" may be the NIS, "the civil defence office" is its own body.
inline constexpr auto generic_modifiers = std::to_array<std::string_view>({
    "spy",
    "main",
    "top",
    "chief",
    "senior",
    "state",
    "national",
    "federal",
    "central",
    "intelligence",
    "government",
    "official",
    "country",
    "nation",
    "same",
    "new",
    "former",
    "local",
});

inline bool possessive_pronoun(std::string_view w) noexcept {
  return w == "his" || w == "her" || w == "its" || w == "their" || w == "our";
}

inline constexpr auto outlet_nouns =
    std::to_array<std::string_view>({"newspaper", "paper", "broadcaster", "outlet", "network", "channel", "magazine",
                                     "site", "website", "blog", "daily"});

// Whether the one word `w` shortens the name `full` of a body: its
// initials ("NIS": National Intelligence Service, after a possessive such
// as "South Korea's"), the start of its first word ("Fed": Federal
// Reserve), or its last word ("Herald": Han River Herald).
inline bool shortens(std::string_view w, std::string_view full) {
  std::vector<std::string> words;
  const auto toks = detail::tokenize_text(full, detail::token_joins::inner_marks);
  for (std::size_t i = 0; i < toks.size(); ++i) {
    const auto& t = toks[i];
    if (t.kind != detail::text_token_kind::word) continue;
    // What comes before a possessive is its owner: "South Korea's", "Korea’s".
    const bool curly = i + 2 < toks.size() && toks[i + 1].norm == "'" && toks[i + 2].norm == "s";
    if (t.norm.ends_with("'s") || curly) {
      words.clear();
      if (curly) i += 2;
      continue;
    }
    words.push_back(t.norm);
  }
  if (words.size() < 2) return false;
  std::string lw(w);
  for (char& c : lw)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  const bool caps = std::all_of(w.begin(), w.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
  if (caps) {
    std::string initials;
    for (const auto& x : words)
      if (x != "of" && x != "the" && x != "for" && x != "and" && x != "on") initials += x[0];
    if (initials == lw) return true;
  }
  if (lw.size() >= 3 && words.front().size() > lw.size() && words.front().starts_with(lw)) return true;
  return lw.size() >= 3 && words.back() == lw;
}

inline constexpr auto anonymous_words = std::to_array<std::string_view>({
    "unidentified",  "unnamed",     "anonymous", "source",    "sources",   "officials", "official",
    "people",        "person",      "insider",   "insiders",  "diplomats", "diplomat",  "analysts",
    "experts",       "residents",   "witnesses", "observers", "aides",     "aide",      "lawmakers",
    "investigators", "authorities", "someone",   "some",
});

template <std::size_t N>
bool has(const std::array<std::string_view, N>& a, std::string_view w) {
  return std::find(a.begin(), a.end(), w) != a.end();
}

// Singular nouns for one person: "a senior official ... he added".
inline constexpr auto person_nouns = std::to_array<std::string_view>({
    "activist",    "adviser",   "advisor",      "aide",       "analyst",   "attorney",  "author",     "chief",
    "co-author",   "commander", "councillor",   "counsel",    "diplomat",  "director",  "doctor",     "economist",
    "employee",    "engineer",  "executive",    "expert",     "farmer",    "fellow",    "founder",    "governor",
    "head",        "insider",   "investigator", "journalist", "judge",     "lawmaker",  "lawyer",     "leader",
    "legislator",  "man",       "manager",      "mayor",      "member",    "minister",  "nurse",      "observer",
    "officer",     "official",  "owner",        "person",     "president", "professor", "prosecutor", "representative",
    "researcher",  "resident",  "scientist",    "senator",    "soldier",   "source",    "spokesman",  "spokesperson",
    "spokeswoman", "student",   "survivor",     "teacher",    "victim",    "witness",   "woman",      "worker",
});

// A source noun phrase taken apart: titles and affiliation before a name,
// the name, and whether it is a person's.
struct parsed_name {
  std::string name;         // as written, titles stripped for a person
  std::string role;         // "Rep.", "Defense Minister", from titles before the name
  std::string affiliation;  // "People Power Party" before a title
  source_sort sort = source_sort::body;
  std::vector<std::string> words;  // lower-case words of the phrase, for role nouns
};

inline std::string trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == ',')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == ',')) s.remove_suffix(1);
  return std::string(s);
}

inline parsed_name parse_name(std::string_view text, text_span span) {
  parsed_name out;
  auto toks = words_of(text, span);
  // Drop a leading determiner.
  std::size_t b = 0;
  while (b < toks.size() && toks[b].kind == detail::text_token_kind::word &&
         (toks[b].norm == "the" || toks[b].norm == "a" || toks[b].norm == "an"))
    ++b;
  // Documents: "reports", "a report by X", "data from X": the source is X.
  for (std::size_t i = b; i + 1 < toks.size(); ++i) {
    const std::string_view w = toks[i].norm;
    if ((w == "report" || w == "reports" || w == "statement" || w == "data" || w == "figures" || w == "study" ||
         w == "assessment" || w == "survey" || w == "analysis" || w == "estimates" || w == "estimate" || w == "poll" ||
         w == "review" || w == "audit" || w == "forecast" || w == "projections" || w == "count" || w == "tally" ||
         w == "calculations") &&
        (toks[i + 1].norm == "by" || toks[i + 1].norm == "from" || toks[i + 1].norm == "of")) {
      b = i + 2;
      while (b < toks.size() && (toks[b].norm == "the" || toks[b].norm == "a")) ++b;
      break;
    }
  }
  std::size_t e = toks.size();
  // "Rep. Kim Min-seo of the Democratic Party": a titled name, then its affiliation.
  std::string tail_affiliation;
  for (std::size_t i = b + 2; i + 1 < e; ++i) {
    if (toks[i].norm != "of" && toks[i].norm != "at" && toks[i].norm != "from") continue;
    bool titled = false;
    for (std::size_t k = b; k < i; ++k) titled = titled || detail::attr::in(detail::attr::titles, toks[k].norm);
    // Or two name words before "of", after a lower-case role or nothing.
    auto name_word = [&](std::size_t k) {
      return toks[k].kind == detail::text_token_kind::word && is_cap(text, toks[k].begin) &&
             !has(org_words, toks[k].norm) && !has(media_words, toks[k].norm);
    };
    titled = titled || (name_word(i - 1) && name_word(i - 2) && (i - 2 == b || !is_cap(text, toks[i - 3].begin)));
    if (titled && is_cap(text, toks[i - 1].begin) && !has(org_words, toks[i - 1].norm)) {
      std::size_t a = i + 1;
      if (a < e && toks[a].norm == "the") ++a;
      // "Kim Lee of the": no affiliation after all.
      if (a < e) tail_affiliation = std::string(text.substr(toks[a].begin, toks[e - 1].end - toks[a].begin));
      e = i;
    }
    break;
  }
  // "Russian media reports": the reports are the media's.
  if (e > b + 1 && (toks[e - 1].norm == "reports" || toks[e - 1].norm == "report")) --e;
  // "the National Intelligence Service (NIS)": the acronym is another name of it.
  if (e >= b + 4 && toks[e - 1].norm == ")" && toks[e - 3].norm == "(") e -= 3;
  if (b >= e) b = 0, e = toks.size();
  for (std::size_t i = b; i < e; ++i) {
    if (toks[i].kind == detail::text_token_kind::word) {
      std::string w = toks[i].norm;
      if (w.ends_with("'s")) w.resize(w.size() - 2);
      out.words.push_back(w);
    }
  }
  const std::string_view whole =
      text.substr(toks.empty() ? span.begin : toks[b].begin, toks.empty() ? 0 : toks[e - 1].end - toks[b].begin);
  bool any_cap = false, media = false, org = false, anon = false, title = false, lower_head = false;
  for (std::size_t i = b; i < e; ++i) {
    if (toks[i].kind != detail::text_token_kind::word) continue;
    std::string w = toks[i].norm;
    if (w.ends_with("'s")) w.resize(w.size() - 2);
    const bool c = is_cap(text, toks[i].begin);
    any_cap = any_cap || (c && !(i == b && (w == "a" || w == "the")));
    media = media || has(media_words, w) || has(media_words, detail::attr::singular(w));
    org = org || has(org_words, w);
    anon = anon || (!c && has(anonymous_words, w));
    lower_head = !c;
  }
  // A person's name: capitalized words after any titles, with no org or media word.
  std::size_t n = e;
  while (n > b && toks[n - 1].kind == detail::text_token_kind::word && is_cap(text, toks[n - 1].begin) &&
         !detail::attr::in(detail::attr::titles, toks[n - 1].norm) && !has(org_words, toks[n - 1].norm) &&
         !has(media_words, toks[n - 1].norm))
    --n;
  // Tokens before the name that are titles ("Rep.", "Defense Minister").
  std::size_t t = n;
  while (t > b && (detail::attr::in(detail::attr::titles, toks[t - 1].norm) || toks[t - 1].norm == ".")) {
    --t;
    title = true;
  }
  const std::size_t name_words = [&] {
    std::size_t k = 0;
    for (std::size_t i = n; i < e; ++i) k += toks[i].kind == detail::text_token_kind::word;
    return k;
  }();
  // Org or media words before a title are its affiliation: "People Power Party Rep. Lee".
  bool name_org = false;
  for (std::size_t i = n; i < e; ++i)
    name_org = name_org || has(org_words, toks[i].norm) || has(media_words, toks[i].norm);
  const bool all_caps = [&] {
    if (n >= e || e - n != 1) return false;
    std::size_t up = 0;
    for (std::size_t i = toks[n].begin; i < toks[n].end; ++i) up += text[i] >= 'A' && text[i] <= 'Z';
    return up >= 2 && up == toks[n].end - toks[n].begin;
  }();
  // A person takes no "the": "the Federal Reserve" is a body, whatever its words.
  const bool with_the = b > 0 && toks[0].norm == "the";
  // A role word for a person: "Council member Yusuf Adeyemi", "businessman Dale Petrakis".
  const bool role_before =
      t == n && n > b && toks[n - 1].kind == detail::text_token_kind::word && !is_cap(text, toks[n - 1].begin) &&
      (has(person_nouns, toks[n - 1].norm) || toks[n - 1].norm.ends_with("man") || toks[n - 1].norm.ends_with("woman"));
  const bool personish = name_words >= 1 && name_words <= 4 && !name_org && n < e && !lower_head && !all_caps &&
                         !(with_the && t == n) &&
                         ((title && t < n) || (name_words >= 2 && ((!org && !media) || role_before)));
  if (personish) {
    out.sort = source_sort::person;
    out.name = std::string(text.substr(toks[n].begin, toks[e - 1].end - toks[n].begin));
    if (t < n) out.role = trim(text.substr(toks[t].begin, toks[n - 1].end - toks[t].begin));
    if (role_before) out.role = trim(text.substr(toks[b].begin, toks[n - 1].end - toks[b].begin));
    if (t > b && !role_before) out.affiliation = trim(text.substr(toks[b].begin, toks[t - 1].end - toks[b].begin));
    if (out.affiliation.empty()) out.affiliation = tail_affiliation;
    return out;
  }
  out.name = std::string(whole);
  if (media && (!org || out.words.back() == "media" || out.words.back() == "press")) out.sort = source_sort::media;
  // "a South Korean lawmaker", "a senior official": a description with an
  // indefinite article names nobody.
  // "one of the soldiers", "several policymakers": a quantifier, no name.
  else if (anon || (!any_cap && !org) || (b > 0 && toks[0].norm != "the" && lower_head) ||
           (lower_head && !out.words.empty() && detail::attr::in(detail::attr::determiners, out.words.front()) &&
            !possessive_pronoun(out.words.front())))
    out.sort = source_sort::unnamed;
  else
    out.sort = source_sort::body;
  if (out.sort == source_sort::unnamed || !any_cap) {
    // "Senior officials" at the start of a sentence reads "senior officials";
    // "South Korean officials" keeps its capital.
    const std::string first = out.words.empty() ? std::string() : out.words.front();
    if (!out.name.empty() && out.name[0] >= 'A' && out.name[0] <= 'Z' && out.name.find(' ') != std::string::npos &&
        (detail::attr::in(detail::attr::source_modifiers, first) ||
         detail::attr::in(detail::attr::determiners, first) || has(anonymous_words, first)))
      out.name[0] = static_cast<char>(out.name[0] - 'A' + 'a');
  }
  return out;
}

inline std::optional<modality> modality_of(std::string_view text, text_span content, std::string_view cue) {
  const auto toks = words_of(text, content);
  for (std::size_t i = 0; i < toks.size(); ++i) {
    const std::string_view w = toks[i].norm;
    if (w == "may" || w == "might" || w == "could" || w == "possibly" || w == "possible") return modality::possible;
    if (w == "likely" || w == "probably") return modality::likely;
    if (w == "appears" || w == "appeared" || w == "seems" || w == "seemed" || w == "apparently")
      return modality::appears;
    if ((w == "expected" || w == "due") && i + 1 < toks.size() && toks[i + 1].norm == "to") return modality::expected;
    if ((w == "plans" || w == "planned" || w == "planning" || w == "preparing") && i + 1 < toks.size() &&
        toks[i + 1].norm == "to")
      return modality::planned;
    if (w == "reportedly") return modality::reported;
    if (w == "estimated" || w == "estimate") return modality::estimated;
  }
  if (cue == "estimate") return modality::estimated;
  if (cue == "believe" || cue == "think" || cue == "assess" || cue == "suspect") return modality::believed;
  if (cue == "confirm") return modality::confirmed;
  if (cue == "announce") return modality::announced;
  if (cue == "deny") return modality::denied;
  if (cue == "expect" || cue == "predict" || cue == "forecast" || cue == "project") return modality::expected;
  if (cue == "report") return modality::reported;
  return std::nullopt;
}

// Whether a content looks ahead: a modal or a word of plans or forecasts
// ("may send", "will", "is expected to", "is considering").
inline bool looks_ahead(std::string_view text, text_span content) {
  static constexpr auto words = std::to_array<std::string_view>(
      {"will", "would", "could", "may", "might", "likely", "expected", "plans", "planning", "preparing", "considering",
       "intends", "upcoming", "forecast", "shall"});
  for (const auto& t : words_of(text, content)) {
    if (t.kind == detail::text_token_kind::word && detail::attr::in(words, t.norm)) return true;
  }
  return false;
}

// Date phrases inside a content: a window around each word that names a
// time, resolved against the publication date; the longest that resolves wins.
inline std::optional<partial_date> date_in(std::string_view text, text_span content, std::optional<greg::date> pub,
                                           std::string* phrase = nullptr) {
  if (!pub) return std::nullopt;
  const auto toks = words_of(text, content);
  // A content that looks ahead ("may send troops in July") reads its dates
  // forward; otherwise the date parser's own cues decide.
  resolve_options options;
  if (looks_ahead(text, content)) options.tense = date_tense::future;
  auto anchor = [&](std::size_t i) {
    const auto& t = toks[i];
    if (t.kind == detail::text_token_kind::number)
      return t.norm.size() == 4 && (t.norm.starts_with("19") || t.norm.starts_with("20"));
    if (t.kind != detail::text_token_kind::word) return false;
    const std::string_view w = t.norm;
    if (w == "may" && !is_cap(text, t.begin)) return false;
    return detail::attr::in(detail::attr::weekdays, w) || detail::month_number(w) != 0 ||
           ((w == "year" || w == "month" || w == "week") && i > 0 &&
            (toks[i - 1].norm == "last" || toks[i - 1].norm == "next" || toks[i - 1].norm == "this"));
  };
  for (std::size_t i = 0; i < toks.size(); ++i) {
    if (!anchor(i)) continue;
    std::size_t b = i, e = i + 1;
    while (b > 0 && i - b < 4 && toks[b - 1].kind == detail::text_token_kind::word &&
           detail::attr::in(
               std::to_array<std::string_view>({"on", "in", "since", "by", "last", "this", "next", "early", "late",
                                                "mid", "as", "soon", "of", "until", "from", "between", "the", "end"}),
               toks[b - 1].norm))
      --b;
    while (e < toks.size() && e - i < 6 &&
           (toks[e].kind == detail::text_token_kind::number || anchor(e) ||
            detail::attr::in(std::to_array<std::string_view>({"and", "or", "to", "at", "the", "earliest", "latest",
                                                              "year", "last", "this", "next"}),
                             toks[e].norm) ||
            toks[e].norm == "," || toks[e].norm == "-" || toks[e].norm == "–"))
      ++e;
    // Back off words that end no date: "and", "at the".
    for (std::size_t end = e; end > i; --end) {
      const std::string_view ph = text.substr(toks[b].begin, toks[end - 1].end - toks[b].begin);
      auto r = resolve_date(ph, *pub, options);
      if (r.resolved()) {
        if (phrase) *phrase = std::string(ph);
        return r.value;
      }
    }
  }
  return std::nullopt;
}

// Content words of a text, lower case, singular, no stop words: what claims are compared by.
inline std::vector<std::string> terms_of(std::string_view text, text_span content) {
  static constexpr auto stop = std::to_array<std::string_view>(
      {"a",       "about", "after",    "again",  "against",    "all",      "also",      "an",       "and",
       "any",     "are",   "around",   "as",     "at",         "be",       "been",      "before",   "being",
       "but",     "by",    "can",      "could",  "did",        "do",       "does",      "each",     "early",
       "for",     "from",  "had",      "has",    "have",       "he",       "her",       "his",      "how",
       "if",      "in",    "into",     "is",     "it",         "its",      "last",      "late",     "least",
       "likely",  "may",   "might",    "more",   "most",       "much",     "must",      "new",      "no",
       "not",     "now",   "of",       "on",     "one",        "only",     "or",        "other",    "our",
       "out",     "over",  "said",     "says",   "she",        "should",   "since",     "so",       "some",
       "soon",    "still", "such",     "than",   "that",       "the",      "their",     "them",     "then",
       "there",   "these", "they",     "this",   "those",      "through",  "to",        "too",      "under",
       "until",   "up",    "very",     "was",    "we",         "were",     "what",      "when",     "where",
       "which",   "while", "who",      "will",   "with",       "would",    "year",      "yet",      "already",
       "well",    "just",  "earliest", "latest", "additional", "recently", "including", "possibly", "probably",
       "further", "mr",    "ms"});
  std::vector<std::string> out;
  for (const auto& t : words_of(text, content)) {
    if (t.kind != detail::text_token_kind::word || t.norm.size() < 3) continue;
    std::string w = t.norm;
    if (w.ends_with("'s")) w.resize(w.size() - 2);
    if (has(stop, w)) continue;
    if (w.size() > 4 && w.ends_with("ies"))
      w = w.substr(0, w.size() - 3) + "y";
    else if (w.size() > 3 && w.ends_with('s') && !w.ends_with("ss"))
      w.pop_back();
    out.push_back(std::move(w));
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

inline double jaccard(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  if (a.empty() && b.empty()) return 0;
  std::size_t i = 0, j = 0, both = 0;
  while (i < a.size() && j < b.size()) {
    if (a[i] == b[j])
      ++both, ++i, ++j;
    else if (a[i] < b[j])
      ++i;
    else
      ++j;
  }
  return static_cast<double>(both) / static_cast<double>(a.size() + b.size() - both);
}

// Figures as (least, greatest) pairs, sorted, each once: what must agree for two contents to be one claim.
inline std::vector<std::pair<double, double>> figure_bounds(const std::vector<quantity>& figures) {
  std::vector<std::pair<double, double>> out;
  for (const auto& q : figures) {
    const double lo = q.lower ? *q.lower : -1, hi = q.upper ? *q.upper : -1;
    out.emplace_back(lo, hi);
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

// Capitals that news names for their country's government ("Seoul
// warns", "Moscow denies"), with the country's name and demonym in lower
// case, sorted by capital.
struct capital_city {
  std::string_view capital, name, demonym;
};
inline constexpr auto capitals = std::to_array<capital_city>({
    {"abu dhabi", "united arab emirates", "emirati"},
    {"ankara", "turkey", "turkish"},
    {"athens", "greece", "greek"},
    {"baghdad", "iraq", "iraqi"},
    {"beijing", "china", "chinese"},
    {"beirut", "lebanon", "lebanese"},
    {"berlin", "germany", "german"},
    {"brasilia", "brazil", "brazilian"},
    {"brussels", "belgium", "belgian"},
    {"budapest", "hungary", "hungarian"},
    {"buenos aires", "argentina", "argentine"},
    {"cairo", "egypt", "egyptian"},
    {"canberra", "australia", "australian"},
    {"caracas", "venezuela", "venezuelan"},
    {"damascus", "syria", "syrian"},
    {"hanoi", "vietnam", "vietnamese"},
    {"havana", "cuba", "cuban"},
    {"islamabad", "pakistan", "pakistani"},
    {"jakarta", "indonesia", "indonesian"},
    {"kabul", "afghanistan", "afghan"},
    {"kiev", "ukraine", "ukrainian"},
    {"kyiv", "ukraine", "ukrainian"},
    {"london", "britain", "british"},
    {"madrid", "spain", "spanish"},
    {"manila", "philippines", "philippine"},
    {"mexico city", "mexico", "mexican"},
    {"minsk", "belarus", "belarusian"},
    {"moscow", "russia", "russian"},
    {"nairobi", "kenya", "kenyan"},
    {"new delhi", "india", "indian"},
    {"oslo", "norway", "norwegian"},
    {"ottawa", "canada", "canadian"},
    {"paris", "france", "french"},
    {"pretoria", "south africa", "south african"},
    {"pyongyang", "north korea", "north korean"},
    {"riyadh", "saudi arabia", "saudi"},
    {"rome", "italy", "italian"},
    {"seoul", "south korea", "south korean"},
    {"stockholm", "sweden", "swedish"},
    {"taipei", "taiwan", "taiwanese"},
    {"tehran", "iran", "iranian"},
    {"tokyo", "japan", "japanese"},
    {"warsaw", "poland", "polish"},
    {"washington", "united states", "american"},
});

inline const capital_city* country_of_capital(std::string_view key) {
  for (const auto& c : capitals)
    if (c.capital == key) return &c;
  return nullptr;
}

// A role noun taken apart: "the country's main spy agency" is modifiers
// {main, spy} and head "agency"; determiners, possessive pronouns and a
// possessor ("the country's", "Seoul's") are left out.
struct role_phrase {
  std::vector<std::string> owner;  // a possessor's words: "Seoul's spy agency" is Seoul's
  std::vector<std::string> modifiers;
  std::string head;
  bool possessive = false;  // "her lawyer", "Seoul's spy agency"
};

inline role_phrase role_phrase_of(std::string_view text, text_span s) {
  role_phrase out;
  const auto toks = words_of(text, s);
  std::vector<std::string> words;
  for (std::size_t i = 0; i < toks.size(); ++i) {
    const auto& t = toks[i];
    // A possessor, with either apostrophe: "nation's", "nation’s", "growers'".
    const bool curly = i + 2 < toks.size() && toks[i + 1].norm == "'" && toks[i + 2].norm == "s";
    const bool plural_owner = i + 1 < toks.size() && toks[i + 1].norm == "'" && t.norm.ends_with('s') && !curly;
    if (t.kind == detail::text_token_kind::word && (t.norm.ends_with("'s") || curly || plural_owner)) {
      std::string w = t.norm;
      if (w.ends_with("'s")) w.resize(w.size() - 2);
      words.push_back(detail::attr::singular(w));
      out.owner = std::move(words);
      words.clear();
      out.possessive = true;
      i += curly ? 2 : plural_owner ? 1 : 0;
      continue;
    }
    if (t.kind != detail::text_token_kind::word) {
      if (t.norm == "," || t.norm == "(") break;
      continue;
    }
    if (possessive_pronoun(t.norm)) {
      out.possessive = true;
      continue;
    }
    if (t.norm == "the" || t.norm == "a" || t.norm == "an") continue;
    // "one of the soldiers": a soldier.
    if (t.norm == "of" && words.size() == 1 && words[0] == "one") {
      words.clear();
      continue;
    }
    // "a spokesman for the forecaster": the role is the words before "for".
    if (!words.empty() && (t.norm == "for" || t.norm == "of" || t.norm == "at" || t.norm == "from")) break;
    words.push_back(detail::attr::singular(t.norm));
  }
  if (words.empty()) return out;
  out.head = words.back();
  words.pop_back();
  out.modifiers = std::move(words);
  return out;
}

// Whether an appositive is a relative clause ("who was briefed by the NIS"),
// which describes what the source did, not what it is.
inline bool is_clause(std::string_view text, text_span s) {
  const auto toks = words_of(text, s);
  return !toks.empty() && (toks[0].norm == "who" || toks[0].norm == "which" || toks[0].norm == "whose");
}

// The gender a source phrase or its appositive states of the source
// itself: 'f' for "Ms.", "Mrs." or a role in "-woman" ("spokeswoman"); 'm'
// for "Mr." or a role in "-man" ("spokesman", "chairman"); 0 when none does
// or both do. A pronoun in the phrase ("his lawyer") is another person's,
// and a clause ("who met his deputy") says nothing of the source.
inline char gender_of(std::string_view text, text_span s, text_span appositive) {
  static constexpr auto male_roles = std::to_array<std::string_view>(
      {"alderman", "anchorman", "assemblyman", "businessman", "chairman", "congressman", "councilman", "fireman",
       "frontman", "newsman", "policeman", "serviceman", "spokesman", "sportsman", "statesman"});
  char g = 0;
  for (const text_span part : {s, appositive}) {
    if (part.empty() || is_clause(text, part)) continue;
    for (const auto& t : words_of(text, part)) {
      if (t.kind != detail::text_token_kind::word) continue;
      const std::string_view w = t.norm;
      if (w == "ms" || w == "mrs" || w == "madam" || (w.size() > 5 && w.ends_with("woman")))
        g = g == 'm' ? 1 : (g ? g : 'f');
      else if (w == "mr" || has(male_roles, w))
        g = g == 'f' ? 1 : (g ? g : 'm');
    }
  }
  return g == 1 ? 0 : g;
}

// The people a text names with a title or a role before the name ("Sen.
// Marguerite Holloway", "founder Elena Vorhees"): each name, its role
// and where it starts.
struct named_person {
  std::string name, role;
  std::size_t at = 0;
};

inline std::vector<named_person> named_people(std::string_view text) {
  std::vector<named_person> out;
  const auto toks = detail::tokenize_text(text, detail::token_joins::inner_marks);
  auto word = [&](std::size_t i) { return i < toks.size() && toks[i].kind == detail::text_token_kind::word; };
  for (std::size_t i = 0; i + 1 < toks.size(); ++i) {
    if (!word(i)) continue;
    const bool title = detail::attr::in(detail::attr::titles, toks[i].norm);
    const bool role = !is_cap(text, toks[i].begin) && (title || has(person_nouns, toks[i].norm));
    if (!title && !role) continue;
    std::size_t k = i + 1;
    if (k < toks.size() && toks[k].norm == ".") ++k;
    std::size_t n = k;
    while (n < toks.size() && n - k < 4 && word(n) && is_cap(text, toks[n].begin) && !has(org_words, toks[n].norm) &&
           !has(media_words, toks[n].norm) && !detail::attr::in(detail::attr::titles, toks[n].norm))
      ++n;
    // A capitalized title takes one name word ("Sen. Holloway"); a role word two.
    if (n == k || (!title && n - k < 2) || (n < toks.size() && word(n) && is_cap(text, toks[n].begin))) continue;
    out.push_back({std::string(text.substr(toks[k].begin, toks[n - 1].end - toks[k].begin)),
                   std::string(text.substr(toks[i].begin, toks[k - 1].end - toks[i].begin)), toks[k].begin});
    i = n - 1;
  }
  return out;
}

}  // namespace detail::extract

/// Reads articles one at a time and groups what they state into claims.
/// Agents, claims and events are shared across the articles of one
/// extractor, so articles relaying one briefing meet at one statement.
class extractor {
 public:
  /// Reads with the known agents of `g`, giving agents the kinds of
  /// `kinds` (a graph type's `kinds`: `extraction_graph` needs the same
  /// type): each sort of source the first kind whose traits fit, each
  /// gazetteer entry the kind it names.
  /// @throws error if no kind fits a sort, or an entry names a kind `kinds` lacks.
  explicit extractor(gazetteer g = {}, std::span<const source_kind_info> kinds = provenance_graph::kinds)
      : gaz_(std::move(g)), kinds_(kinds.begin(), kinds.end()) {
    auto first = [&](std::string_view sort, auto fits) {
      for (std::size_t i = 0; i < kinds_.size(); ++i)
        if (fits(kinds_[i])) return i;
      throw error(std::string("extractor: no kind of the graph type fits ") + std::string(sort));
    };
    kind_for_[static_cast<std::size_t>(source_sort::person)] =
        first("a person (named, prov:Person)", [](const source_kind_info& k) { return is_person(k); });
    kind_for_[static_cast<std::size_t>(source_sort::media)] = first(
        "media (named, relay)", [](const source_kind_info& k) { return k.named && k.role == source_role::relay; });
    kind_for_[static_cast<std::size_t>(source_sort::body)] =
        first("a body (named, not a person, not only a relay)",
              [](const source_kind_info& k) { return k.named && k.role != source_role::relay && !is_person(k); });
    kind_for_[static_cast<std::size_t>(source_sort::unnamed)] =
        first("an unnamed source (not named)", [](const source_kind_info& k) { return !k.named; });
    for (const auto& e : gaz_.entries()) {
      const auto it = std::find_if(kinds_.begin(), kinds_.end(), [&](const auto& k) { return k.name == e.kind; });
      if (it == kinds_.end())
        throw error(std::string("gazetteer agent \"") + e.id + "\": kind \"" + e.kind +
                    "\" is not a kind of the graph type");
      entry_kind_.push_back(static_cast<std::size_t>(it - kinds_.begin()));
    }
    for (std::size_t i = 0; i < gaz_.entries().size(); ++i) {
      const auto& e = gaz_.entries()[i];
      entry_words_.push_back(descriptor_words({e.id, e.name, entry_kind_[i], e.fields, i}));
      ids_.insert(e.id);  // reserved: no new record takes a known agent's id
      // Indexes, so that a large gazetteer costs a lookup per mention, not a scan.
      auto words = entry_words_.back();
      std::sort(words.begin(), words.end());
      words.erase(std::unique(words.begin(), words.end()), words.end());
      for (auto& w : words) entries_with_word_[std::move(w)].push_back(i);
      if (is_person(kinds_[entry_kind_[i]])) {
        // "Lee", "Lee Jae-sung", "Jae-sung": the name and its word-bounded starts and ends.
        const std::string k = name_key(e.name);
        person_part_.try_emplace(k, i);
        for (std::size_t p = k.find(' '); p != std::string::npos; p = k.find(' ', p + 1)) {
          person_part_.try_emplace(k.substr(0, p), i);
          person_part_.try_emplace(k.substr(p + 1), i);
        }
      }
    }
  }

  /// Reads one article. Its statements get claims when `finish` is called.
  void add(article_input in) {
    extracted_article art;
    art.file = std::move(in.file);
    art.outlet = std::move(in.outlet);
    art.url = std::move(in.url);
    art.published = in.published;
    art.text = std::move(in.text);
    art.sentences = split_sentences(art.text);
    read_article(art);
    articles_.push_back(std::move(art));
  }

  /// Groups every statement read so far into claims. Call once, after the last `add`.
  void finish() { group_claims(); }

  const std::vector<extracted_article>& articles() const noexcept { return articles_; }
  const std::vector<extracted_agent>& agents() const noexcept { return agents_; }
  const std::vector<extracted_claim>& claims() const noexcept { return claims_; }
  const extracted_agent& agent(std::string_view id) const { return agents_[agent_index_.at(std::string(id))]; }
  /// The kinds agents are given: positions in it are `extracted_agent::kind`.
  std::span<const source_kind_info> kinds() const noexcept { return kinds_; }
  /// The traits of agent `a`'s kind.
  const source_kind_info& kind_of(const extracted_agent& a) const { return kinds_[a.kind]; }

 private:
  static bool is_person(const source_kind_info& k) noexcept { return k.named && k.prov_type == "prov:Person"; }

  // A source an article has named, for pronouns and role nouns to refer back to.
  struct mention {
    std::string agent;
    bool person = false;               // its kind's traits say a person
    bool media = false;                // its kind's traits say it only relays
    std::size_t index = 0;             // its position in agents_ and descriptors_
    std::vector<std::string> apposed;  // words of its appositive here: "Seoul's main spy agency"
    bool individual = false;           // one person, named or not: "he" may refer to it
  };

  std::size_t kind_for(source_sort s) const noexcept { return kind_for_[static_cast<std::size_t>(s)]; }

  std::string outlet_agent(const std::string& name) {
    if (name.empty()) return ensure_agent("unknown-outlet", "unknown outlet", kind_for(source_sort::media), {});
    if (const auto* e = gaz_.find(name)) return known_agent(*e);
    return ensure_agent(detail::extract::slug(name), name, kind_for(source_sort::media), {});
  }

  std::size_t entry_index(const gazetteer_entry& e) const {
    return static_cast<std::size_t>(&e - gaz_.entries().data());
  }

  std::string known_agent(const gazetteer_entry& e) {
    if (auto it = agent_index_.find(e.id); it != agent_index_.end()) return e.id;
    agent_index_.emplace(e.id, agents_.size());
    const std::size_t i = entry_index(e);
    agents_.push_back({e.id, e.name, entry_kind_[i], e.fields, i});
    descriptors_.push_back(descriptor_words(agents_.back()));
    gender_.push_back(0);
    return e.id;
  }

  std::string ensure_agent(std::string id, const std::string& name, std::size_t kind,
                           std::vector<std::pair<std::string, std::string>> fields) {
    // One id per name and kind: a second "Kim" of another kind, or a name
    // whose id another record holds, gets "-2".
    for (int n = 1;; ++n) {
      std::string cand = n == 1 ? id : id + std::string("-") + std::to_string(n);
      auto it = agent_index_.find(cand);
      if (it == agent_index_.end()) {
        if (!ids_.insert(cand).second) continue;
        agent_index_.emplace(cand, agents_.size());
        agents_.push_back({cand, name, kind, std::move(fields), std::nullopt});
        descriptors_.push_back(descriptor_words(agents_.back()));
        gender_.push_back(0);
        return cand;
      }
      const auto& a = agents_[it->second];
      if (a.name == name && a.kind == kind) return cand;
    }
  }

  // The words a role noun may call agent `a` by: its name, fields and aliases.
  std::vector<std::string> descriptor_words(const extracted_agent& a) const {
    std::vector<std::string> w;
    auto add_words = [&w](std::string_view s) {
      for (const auto& t : detail::tokenize_text(s, detail::token_joins::inner_marks)) {
        if (t.kind != detail::text_token_kind::word) continue;
        std::string x = t.norm;
        if (x.ends_with("'s")) x.resize(x.size() - 2);
        w.push_back(detail::attr::singular(x));
      }
    };
    add_words(a.name);
    for (const auto& [k, v] : a.fields) {
      add_words(v);
      if (k == "role") {
        const std::string r = name_key(v);
        if (r == "rep" || r == "sen" || r.ends_with(" rep") || r == "senator" || r == "congressman" ||
            r == "congresswoman" || r == "representative" || r.find("assembly member") != std::string::npos)
          w.push_back("lawmaker");
        if (r == "gen" || r == "adm" || r == "col") w.push_back("commander");
        if (r == "dr") w.push_back("doctor");
        if (r == "prof") w.push_back("professor");
        if (r.find("spokes") != std::string::npos) w.push_back("spokesperson");
        if (r.find("minister") != std::string::npos || r.find("secretary") != std::string::npos)
          w.push_back("official");
      }
    }
    if (is_person(kind_of(a))) w.push_back("official");
    if (a.entry)
      for (const auto& al : gaz_.entries()[*a.entry].aliases) add_words(al);
    return w;
  }

  // Resolves the source phrase at `s` in `art` to an agent id. In a
  // `headline`, a role noun goes without "the" ("Spy agency says").
  std::string resolve(const extracted_article& art, text_span s, source_form form, text_span appositive,
                      std::vector<mention>& seen, bool headline = false) {
    namespace dx = detail::extract;
    const std::string_view text = art.text;
    const std::string phrase(text.substr(s.begin, s.end - s.begin));
    const std::string key = name_key(phrase);
    const dx::role_phrase rp = dx::role_phrase_of(text, s);
    // Every mention is remembered, the latest last, with the words its
    // appositive gives it here ("The NIS, Seoul's main spy agency, said").
    auto remember = [&](std::string id) {
      const std::size_t i = agent_index_.at(id);
      const auto& k = kind_of(agents_[i]);
      // An appositive that describes ("Seoul's main spy agency", "a
      // third-term Democrat") gives its role's words; a clause gives none.
      std::vector<std::string> apposed;
      if (!appositive.empty()) {
        if (!dx::is_clause(text, appositive)) {
          auto r = dx::role_phrase_of(text, appositive);
          apposed = std::move(r.owner);
          apposed.insert(apposed.end(), r.modifiers.begin(), r.modifiers.end());
          if (!r.head.empty()) apposed.push_back(std::move(r.head));
        }
      }
      // "a senior official", "one of the soldiers": one person, though unnamed.
      const bool individual = is_person(k) || (!k.named && !rp.head.empty() && dx::has(dx::person_nouns, rp.head));
      if (is_person(k) && !gender_[i]) gender_[i] = dx::gender_of(text, s, appositive);
      seen.push_back({id, is_person(k), k.named && k.role == source_role::relay, i, std::move(apposed), individual});
      return id;
    };
    // Whether mention `m` may be called by the role noun: its head word
    // describes `m`, and so does every modifier that is not a generic one
    // ("the spy agency", "the civil defence office").
    auto describes = [&](const mention& m) {
      auto fits = [&](std::string_view w) { return has_word(m, w); };
      return fits(rp.head) && std::all_of(rp.owner.begin(), rp.owner.end(), fits) &&
             std::all_of(rp.modifiers.begin(), rp.modifiers.end(),
                         [&](std::string_view w) { return fits(w) || dx::has(dx::generic_modifiers, w); });
    };
    // Whether mention `m` may be the body a generic role noun refers back
    // to: it is named, its owner is the noun's ("South Korea's spy agency"
    // is no Washington group), and a name of common nouns ("South Korean
    // broadcasters") has the noun's head.
    auto may_be = [&](const mention& m) {
      const auto& a = agents_[m.index];
      if (m.person || !kind_of(a).named) return false;
      for (const auto& w : rp.owner)
        if (!has_word(m, w)) return false;
      // A name that ends in another common noun is no "agency" when it is
      // a plural ("South Korean broadcasters") or has no capital at all
      // ("the national weather bureau"); "the Ethics Watch group" may be.
      const auto name = dx::words_of(a.name, {0, a.name.size()});
      if (name.empty() || name.back().kind != detail::text_token_kind::word || dx::is_cap(a.name, name.back().begin))
        return true;
      const std::string last = detail::attr::singular(name.back().norm);
      if (last == rp.head) return true;
      const bool capital = std::any_of(name.begin(), name.end(), [&](const auto& t) {
        return t.kind == detail::text_token_kind::word && dx::is_cap(a.name, t.begin);
      });
      return capital && last == name.back().norm;
    };
    if (form == source_form::pronoun || key == "one of them") {
      // He, she and I: the latest person, or one unnamed person, whose
      // gender is not the other; it: the latest source that is not one;
      // they and we: the latest source.
      const bool person = key == "he" || key == "she" || key == "i";
      const char other = key == "he" ? 'f' : key == "she" ? 'm' : 0;
      for (auto it = seen.rbegin(); it != seen.rend(); ++it) {
        const bool fits =
            person ? it->individual && (!other || gender_[it->index] != other) : (key != "it" || !it->individual);
        if (!fits) continue;
        if (other && it->person && !gender_[it->index]) gender_[it->index] = other == 'f' ? 'm' : 'f';
        return remember(it->agent);
      }
      return remember(ensure_agent("unnamed-source", "unnamed source", kind_for(source_sort::unnamed), {}));
    }
    const bool role_noun = looks_like_role_noun(text, s, headline);
    // A name the gazetteer knows; a role alias of a body ("the agency")
    // refers back to an earlier mention first.
    if (const auto* e = gaz_.find(phrase); e && !(!is_person(kinds_[entry_kind_[entry_index(*e)]]) && role_noun))
      return remember(known_agent(*e));
    auto parsed = dx::parse_name(text, s);
    if (const auto* e = gaz_.find(parsed.name)) return remember(known_agent(*e));
    // A role noun ("the lawmaker", "the spy agency", "her lawyer"): the latest mention it describes.
    if (role_noun && !rp.head.empty()) {
      for (auto it = seen.rbegin(); it != seen.rend(); ++it) {
        if (describes(*it)) return remember(it->agent);
      }
      if (const auto* e = gaz_.find(phrase)) return remember(known_agent(*e));
      // No earlier mention: the one gazetteer entry its words describe
      // ("the nation's intelligence agency": intelligence, agency), if one.
      if (const auto* e = described_entry(text, s)) return remember(known_agent(*e));
      // "the company", "the retailer", "the newspaper": the named body (or
      // outlet) the article has named most often so far, the first of those
      // on a tie: news refers back to its subject. A modifier that is no
      // generic one names another body: "the civil defence office".
      const bool generic = std::all_of(rp.modifiers.begin(), rp.modifiers.end(),
                                       [](const std::string& w) { return dx::has(dx::generic_modifiers, w); });
      if (generic && (dx::has(dx::body_nouns, rp.head) || dx::has(dx::outlet_nouns, rp.head))) {
        const bool outlet_noun = dx::has(dx::outlet_nouns, rp.head);
        if (auto best = most_mentioned(seen, [&](const mention& m) { return m.media == outlet_noun && may_be(m); }))
          return remember(agents_[*best].id);
      }
    }
    // A capital for its country in a headline ("Seoul warns"): the body of
    // that country the article names most ("South Korea's spy agency").
    if (headline && parsed.sort == source_sort::body) {
      if (const auto* country = dx::country_of_capital(key)) {
        auto owned = [&](const mention& m) {
          if (m.person || m.media || !kind_of(agents_[m.index]).named) return false;
          auto has_all = [&](std::string_view words) {
            for (const auto& t : detail::tokenize_text(words, detail::token_joins::inner_marks))
              if (!has_word(m, t.norm)) return false;
            return true;
          };
          return has_all(country->name) || has_all(country->demonym);
        };
        if (auto best = most_mentioned(seen, owned)) return remember(agents_[*best].id);
      }
    }
    // An acronym ("NIS") or a shortening ("Fed", "the Herald") of a body the
    // article named: its initials, the start of its first word, its last word.
    if (parsed.sort != source_sort::person && parsed.name.find(' ') == std::string::npos && parsed.name.size() >= 2) {
      for (auto it = seen.rbegin(); it != seen.rend(); ++it) {
        if (!it->person && dx::shortens(parsed.name, agents_[it->index].name)) return remember(it->agent);
      }
    }
    // A surname ("Lee", "Okafor") or a shorter name of an earlier person. A
    // bare name reads as a body ("Seoul warns") unless it is one.
    if (parsed.sort == source_sort::person || parsed.sort == source_sort::body) {
      // "Lee" is "Lee Seong-kweun", "Okafor" is "Maria Okafor".
      const std::string nk = name_key(parsed.name);
      auto shorter_of = [&nk](std::string_view full) {
        const std::string ak = name_key(full);
        return ak == nk || ak.starts_with(nk + " ") || ak.ends_with(" " + nk);
      };
      for (auto it = seen.rbegin(); it != seen.rend(); ++it) {
        if (it->person && shorter_of(agents_[it->index].name)) return remember(it->agent);
      }
      // A person the article named before, not as a source: "an inquiry into
      // Sen. Marguerite Holloway", then "Holloway denied".
      for (auto it = people_.rbegin(); it != people_.rend(); ++it) {
        if (it->at >= s.begin || !shorter_of(it->name) || name_key(it->name) == nk) continue;
        if (const auto* e = gaz_.find(it->name)) return remember(known_agent(*e));
        std::vector<std::pair<std::string, std::string>> fields;
        if (!it->role.empty()) fields.emplace_back("role", it->role);
        return remember(ensure_agent(dx::slug(it->name), it->name, kind_for(source_sort::person), std::move(fields)));
      }
      // The first person of the gazetteer the name shortens.
      if (auto it = person_part_.find(nk); it != person_part_.end())
        return remember(known_agent(gaz_.entries()[it->second]));
    }
    // A new agent.
    std::vector<std::pair<std::string, std::string>> fields;
    if (parsed.sort == source_sort::person) {
      std::string role = parsed.role, aff = parsed.affiliation;
      if (!appositive.empty()) {
        const std::string ap = dx::trim(text.substr(appositive.begin, appositive.end - appositive.begin));
        if (!ap.starts_with("who") && !ap.starts_with("which")) {
          // "a lawmaker of the ruling party": role, then affiliation after "of", "at" or "with".
          std::string r = ap;
          for (std::string_view cut : {" of ", " at ", " with ", " for ", " from "}) {
            if (auto p = r.find(cut); p != std::string::npos) {
              if (aff.empty()) aff = r.substr(p + cut.size());
              r.resize(p);
              break;
            }
          }
          for (std::string_view lead : {"a ", "an ", "the ", "his ", "her ", "its ", "their ", "our "}) {
            std::string start = r.substr(0, lead.size());
            for (char& c : start)
              if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
            if (r.size() > lead.size() && start == lead) {
              r.erase(0, lead.size());
              break;
            }
          }
          if (role.empty()) role = r;
        }
      }
      if (!role.empty()) fields.emplace_back("role", role);
      if (!aff.empty()) fields.emplace_back("affiliation", aff);
    } else if (parsed.sort == source_sort::unnamed) {
      fields.emplace_back("described_as", phrase);
    }
    return remember(ensure_agent(dx::slug(parsed.name), parsed.name, kind_for(parsed.sort), std::move(fields)));
  }

  // Whether word `w` describes mention `m`: its agent's descriptor words
  // (name, fields, aliases) or its appositive's here.
  bool has_word(const mention& m, std::string_view w) const {
    const auto& d = descriptors_[m.index];
    return std::find(d.begin(), d.end(), w) != d.end() ||
           std::find(m.apposed.begin(), m.apposed.end(), w) != m.apposed.end();
  }

  // The agent of `seen` that `fits` and is mentioned most, the first
  // mentioned on a tie.
  template <class Fits>
  static std::optional<std::size_t> most_mentioned(const std::vector<mention>& seen, Fits fits) {
    std::map<std::size_t, std::pair<std::size_t, std::size_t>> count;  // agent -> (mentions, first mention)
    for (std::size_t k = 0; k < seen.size(); ++k) {
      if (!fits(seen[k])) continue;
      auto [it, added] = count.try_emplace(seen[k].index, 0, k);
      ++it->second.first;
    }
    const auto best = std::max_element(count.begin(), count.end(), [](const auto& a, const auto& b) {
      return a.second.first != b.second.first ? a.second.first < b.second.first : a.second.second > b.second.second;
    });
    if (best == count.end()) return std::nullopt;
    return best->first;
  }

  // The one gazetteer entry whose descriptor words hold every word of the
  // role noun at `s` but "the" and a possessive ("the nation's intelligence
  // agency"); null when none or several do.
  const gazetteer_entry* described_entry(std::string_view text, text_span s) const {
    std::vector<std::string> words;
    const auto toks = detail::extract::words_of(text, s);
    for (std::size_t i = 0; i < toks.size(); ++i) {
      const auto& t = toks[i];
      // A possessive, with either apostrophe: "nation's", "nation’s".
      if (i + 2 < toks.size() && toks[i + 1].norm == "'" && toks[i + 2].norm == "s") {
        i += 2;
        continue;
      }
      if (t.kind != detail::text_token_kind::word || t.norm == "the" || t.norm.ends_with("'s")) continue;
      words.push_back(detail::attr::singular(t.norm));
    }
    if (words.empty()) return nullptr;
    // Only the entries that hold the rarest of the words can hold them all.
    const std::vector<std::size_t>* fewest = nullptr;
    for (const auto& w : words) {
      auto it = entries_with_word_.find(w);
      if (it == entries_with_word_.end()) return nullptr;
      if (!fewest || it->second.size() < fewest->size()) fewest = &it->second;
    }
    const gazetteer_entry* found = nullptr;
    for (const std::size_t i : *fewest) {
      const auto& have = entry_words_[i];
      if (!std::all_of(words.begin(), words.end(),
                       [&](const std::string& w) { return std::find(have.begin(), have.end(), w) != have.end(); }))
        continue;
      if (found) return nullptr;
      found = &gaz_.entries()[i];
    }
    return found;
  }

  // "the lawmaker", "the spy agency", "her lawyer", "Seoul's spy agency":
  // "the", a possessive pronoun or a possessor, then words, the last a
  // lower-case noun of a source. A headline drops the "the": "Spy agency".
  static bool looks_like_role_noun(std::string_view text, text_span s, bool headline = false) {
    namespace dx = detail::extract;
    const auto toks = dx::words_of(text, s);
    const auto words =
        std::count_if(toks.begin(), toks.end(), [](const auto& t) { return t.kind == detail::text_token_kind::word; });
    if (words < 1 || words > 6 || toks.back().kind != detail::text_token_kind::word) return false;
    const auto& last = toks.back();
    const std::string head = detail::attr::singular(last.norm);
    // One word only in a headline, and only for a body: "Chain warns".
    if (words == 1) return headline && (dx::has(dx::body_nouns, head) || dx::has(dx::outlet_nouns, head));
    if (dx::is_cap(text, last.begin) ||
        !(detail::attr::source_noun(last.norm) || dx::has(dx::body_nouns, head) || dx::has(dx::outlet_nouns, head)))
      return false;
    const std::string_view first = toks[0].norm;
    if (first == "the" || dx::possessive_pronoun(first)) return true;
    const auto role = dx::role_phrase_of(text, s);
    if (role.possessive) return true;
    // A headline's "Spy agency", "Chain": lower-case words after the first.
    if (!headline) return false;
    for (std::size_t i = 1; i < toks.size(); ++i)
      if (toks[i].kind == detail::text_token_kind::word && dx::is_cap(text, toks[i].begin)) return false;
    return true;
  }

  static bool paragraph_break(std::string_view text, std::size_t from, std::size_t to) {
    std::size_t newlines = 0;
    for (std::size_t i = from; i < to; ++i) {
      if (text[i] == '\n') ++newlines;
    }
    return newlines >= 2;
  }

  // Whether a sentence stands as a claim in the outlet's own voice: it has a
  // verb-like length and is no credit, date or address line.
  static bool own_voice_candidate(std::string_view text, const sentence& s) {
    const auto toks = detail::extract::words_of(text, {s.begin, s.end});
    std::size_t words = 0;
    for (const auto& t : toks) words += t.kind == detail::text_token_kind::word;
    if (words < 6) return false;
    const std::string_view sv = text.substr(s.begin, s.end - s.begin);
    if (sv.find('@') != std::string_view::npos || sv.starts_with("PHOTO") || sv.starts_with("Photo")) return false;
    return true;
  }

  // Drops a dateline ("SEOUL, June 27 (Yonhap) --", "WASHINGTON —") from the start of a span.
  static text_span without_dateline(std::string_view text, text_span s) {
    const std::string_view sv = text.substr(s.begin, std::min<std::size_t>(s.end - s.begin, 80));
    for (std::string_view dash : {" -- ", " – ", " — ", " - "}) {
      const auto p = sv.find(dash);
      if (p == std::string_view::npos || p == 0) continue;
      // The words before are capitals, a date or an agency in brackets.
      const std::string_view head = sv.substr(0, p);
      std::size_t upper = 0, lower = 0;
      for (char c : head) {
        if (c >= 'A' && c <= 'Z') ++upper;
        if (c >= 'a' && c <= 'z') ++lower;
      }
      if (upper >= 2 && upper * 1 >= lower / 3) return {s.begin + p + dash.size(), s.end};
    }
    return s;
  }

  void read_article(extracted_article& art) {
    namespace dx = detail::extract;
    const std::string_view text = art.text;
    // The outlet first, so that its agent keeps its plain id; the event is
    // named by the file's name without folder or extension.
    art.outlet_agent = outlet_agent(art.outlet);
    std::string_view stem = art.file;
    if (const auto slash = stem.find_last_of('/'); slash != std::string_view::npos) stem.remove_prefix(slash + 1);
    if (const auto dot = stem.find_last_of('.'); dot != std::string_view::npos && dot > 0) stem = stem.substr(0, dot);
    art.event = unique_id(dx::slug(stem, 8));
    std::vector<mention> seen;
    people_ = dx::named_people(text);
    bool body_started = false, lead_done = false;
    std::size_t paragraph = 0;
    // The last attributed statement and its paragraph, for carried attribution.
    std::optional<std::size_t> last_attr;
    std::size_t last_attr_paragraph = 0;
    // A quote whose sentences came before its attribution: `"A. B," he said.`
    std::vector<std::size_t> open_quote;  // sentence indexes waiting for their source
    // The headline and the lines under it are read after the body: they
    // refer ahead to sources the body names ("Spy agency says ...").
    std::vector<std::size_t> front;
    for (std::size_t si = 0; si < art.sentences.size(); ++si) {
      const sentence& s = art.sentences[si];
      if (si > 0 && paragraph_break(text, art.sentences[si - 1].end, s.begin)) ++paragraph;
      article_part part = article_part::body;
      if (si == 0 && s.line) {
        art.headline = std::string(text.substr(s.begin, s.end - s.begin));
        front.push_back(si);
        continue;
      } else if (s.line && !body_started) {
        front.push_back(si);  // deck, byline, date line, credits
        continue;
      } else if (s.line && !own_voice_candidate(text, s)) {
        continue;
      } else {
        if (!body_started) body_started = true;
        if (!lead_done) {
          part = article_part::lead;
          lead_done = true;
        }
      }
      const text_span whole = without_dateline(text, {s.begin, s.end});
      auto found = find_attributions(text, whole, s.in_quote);
      const auto first = detail::sentences::quote_at(text, s.begin);
      const bool opens_quote = first.length > 0 && first.sense >= 0;  // a straight quote or a left one
      if (!found.empty()) {
        std::vector<extracted_statement> made = attributed(art, si, part, found, seen);
        // Sentences of this quotation that came before: they carry this source.
        for (std::size_t q : open_quote)
          art.statements.push_back(carried_from(art, q, article_part::body, made.front()));
        open_quote.clear();
        for (auto& st : made) art.statements.push_back(std::move(st));
        last_attr = art.statements.size() - 1;
        last_attr_paragraph = paragraph;
        continue;
      }
      if (s.in_quote || opens_quote) {
        // A quote whose next sentence goes on inside it waits: that sentence
        // may attribute it (`"A. B," Lee said.`). A quote that ends with no
        // attribution carries the source of the attribution before it, in
        // this paragraph or the one before ("Lee said." then a quote).
        open_quote.push_back(si);
        const bool continues = si + 1 < art.sentences.size() && art.sentences[si + 1].in_quote;
        if (continues) continue;
        if (last_attr && paragraph <= last_attr_paragraph + 1) {
          const extracted_statement from = art.statements[*last_attr];
          for (std::size_t q : open_quote) art.statements.push_back(carried_from(art, q, part, from));
        }
        open_quote.clear();
        continue;
      }
      open_quote.clear();
      if (own_voice_candidate(text, s)) art.statements.push_back(own_voice(art, si, part, whole));
    }
    // The headline and the lines under it, with every source of the body in
    // `seen`; their statements go first. A line under it with no
    // attribution (a byline, a date line) states nothing.
    const std::size_t body_count = art.statements.size();
    for (const std::size_t si : front) {
      const sentence& s = art.sentences[si];
      const article_part part = si == 0 ? article_part::headline : article_part::deck;
      const text_span whole = without_dateline(text, {s.begin, s.end});
      auto found = find_attributions(text, whole, s.in_quote);
      if (!found.empty()) {
        for (auto& st : attributed(art, si, part, found, seen)) art.statements.push_back(std::move(st));
      } else if (part == article_part::headline) {
        art.statements.push_back(own_voice(art, si, part, whole));
      }
    }
    std::rotate(art.statements.begin(), art.statements.begin() + static_cast<std::ptrdiff_t>(body_count),
                art.statements.end());
  }

  extracted_statement own_voice(const extracted_article& art, std::size_t si, article_part part, text_span whole) {
    extracted_statement st;
    st.sentence = si;
    st.part = part;
    st.content = trim_end(art.text, whole);
    finish_statement(art, st, {});
    return st;
  }

  // One statement per content of sentence `si`: a participle's second
  // content ("said X, adding Y") is a second statement, with its chain.
  std::vector<extracted_statement> attributed(extracted_article& art, std::size_t si, article_part part,
                                              const std::vector<sentence_attribution>& found,
                                              std::vector<mention>& seen) {
    const std::string_view text = art.text;
    const bool headline = part == article_part::headline || part == article_part::deck;
    std::vector<extracted_statement> made;
    for (std::size_t k = 0; k < found.size(); ++k) {
      const auto& fa = found[k];
      extracted_statement st;
      st.sentence = si;
      st.clause = k;
      st.part = part;
      st.content = fa.content;
      std::string previous;
      for (attribution_hop hop : fa.hops) {
        // "The growers' lawyer, Tobias Reinholt, said": the name is the source.
        if (names_in_appositive(text, hop)) std::swap(hop.source, hop.appositive);
        extracted_hop x;
        x.agent = resolve(art, hop.source, hop.form, hop.appositive, seen, headline);
        x.source = hop.source;
        x.cue = hop.cue;
        x.cue_word = hop.cue_word;
        x.basis = hop.form == source_form::pronoun || looks_like_role_noun(text, hop.source, headline) ||
                          name_key(text.substr(hop.source.begin, hop.source.end - hop.source.begin)) == "one of them"
                      ? derivation_basis::context
                      : derivation_basis::text;
        if (!hop.when.empty() && art.published) {
          auto r = resolve_date(text.substr(hop.when.begin, hop.when.end - hop.when.begin), *art.published);
          if (r.resolved()) x.when = r.value;
        }
        x.briefing = hop.cue_word == "brief";
        if (x.agent == previous) continue;  // "Park, briefed by the spy agency ... the NIS believes"
        previous = x.agent;
        st.hops.push_back(std::move(x));
      }
      // A briefing's date is the date its listener spoke about it.
      for (std::size_t h = 1; h < st.hops.size(); ++h) {
        if (st.hops[h].briefing && !st.hops[h].when) st.hops[h].when = st.hops[h - 1].when;
      }
      finish_statement(art, st, fa.hops.front().cue_word);
      made.push_back(std::move(st));
    }
    return made;
  }

  // Whether the appositive of `hop` is the name its source phrase describes:
  // "the growers' lawyer, Tobias Reinholt," or "a Washington research group,
  // the Center for Conflict Analysis,". The phrase ends in a lower-case
  // noun; the appositive is a person's name or a body's capitalized name.
  static bool names_in_appositive(std::string_view text, const attribution_hop& hop) {
    namespace dx = detail::extract;
    if (hop.appositive.empty() || hop.form == source_form::pronoun) return false;
    const auto src = dx::words_of(text, hop.source);
    if (src.empty() || src.back().kind != detail::text_token_kind::word || dx::is_cap(text, src.back().begin))
      return false;
    const auto ap = dx::words_of(text, hop.appositive);
    std::size_t words = 0, b = 0;
    // "the Center for Conflict Analysis"; "businessman Dale Petrakis": a role before the name.
    if (ap.size() > 2 && ap[0].kind == detail::text_token_kind::word && !dx::is_cap(text, ap[0].begin) &&
        dx::is_cap(text, ap[1].begin))
      b = 1;
    for (std::size_t i = b; i < ap.size(); ++i) {
      if (ap[i].kind != detail::text_token_kind::word) {
        if (ap[i].norm != "." && ap[i].norm != "-" && ap[i].norm != "&") return false;
        continue;
      }
      ++words;
      const std::string_view w = ap[i].norm;
      if (!dx::is_cap(text, ap[i].begin) && w != "of" && w != "for" && w != "and" && w != "the" && w != "on")
        return false;
    }
    if (words == 0 || words > 6 || b >= ap.size() || !dx::is_cap(text, ap[b].begin)) return false;
    const auto parsed = dx::parse_name(text, hop.appositive);
    return parsed.sort == source_sort::person || parsed.sort == source_sort::body;
  }

  static text_span trim_end(std::string_view text, text_span s) {
    std::size_t e = s.end;
    while (e > s.begin && (text[e - 1] == '.' || text[e - 1] == ' ' || text[e - 1] == '!' || text[e - 1] == '?')) --e;
    return {s.begin, e};
  }

  // The content of a quote sentence: without its quotation marks and final
  // punctuation. Quotation marks are the sentence splitter's.
  static text_span quote_content(std::string_view text, text_span s) {
    namespace ds = detail::sentences;
    std::size_t b = s.begin, e = s.end;
    if (b < e) b += ds::quote_at(text, b).length;
    for (bool again = true; again && e > b;) {
      again = false;
      const char c = text[e - 1];
      if (c == '.' || c == ',' || c == ' ' || c == '!' || c == '?') {
        --e;
        again = true;
      } else if (const std::size_t q = e >= b + 3 ? ds::quote_at(text, e - 3).length : 0; q == 3) {
        e -= 3;
        again = true;
      } else if (ds::quote_at(text, e - 1).length == 1) {
        --e;
        again = true;
      }
    }
    return {b, e};
  }

  extracted_statement carried_from(const extracted_article& art, std::size_t si, article_part part,
                                   const extracted_statement& from) {
    extracted_statement st;
    st.sentence = si;
    st.part = part;
    st.carried = true;
    st.content = quote_content(art.text, {art.sentences[si].begin, art.sentences[si].end});
    for (const auto& h : from.hops) {
      extracted_hop x = h;
      x.cue = {};
      x.cue_word = "carried";
      x.basis = derivation_basis::context;
      st.hops.push_back(std::move(x));
    }
    finish_statement(art, st, {});
    return st;
  }

  static void finish_statement(const extracted_article& art, extracted_statement& st, std::string_view cue) {
    const std::string_view c = std::string_view(art.text).substr(st.content.begin, st.content.end - st.content.begin);
    // Read once: the first figure is the stated one, all of them group claims.
    const auto figures = find_quantities(c);
    if (!figures.empty()) st.stated.quantity = figures.front().text;
    st.figures = detail::extract::figure_bounds(figures);
    st.stated.when = detail::extract::date_in(art.text, st.content, art.published);
    st.stated.mode = detail::extract::modality_of(art.text, st.content, cue);
  }

  void group_claims() {
    namespace dx = detail::extract;
    // Every content read so far, with what it is compared by and its claim.
    struct member {
      std::vector<std::string> terms;
      std::vector<std::pair<double, double>> figures;
      std::optional<partial_date> when;
      bool ahead = false;  // looks ahead: "may send", "is expected to"
      std::size_t claim = 0;
    };
    std::vector<member> members;
    std::unordered_map<std::string, std::vector<std::size_t>> by_term;  // term -> members
    std::unordered_map<std::string, std::size_t> exact;                 // words, figures, date, outlook -> claim
    for (auto& art : articles_) {
      for (auto& st : art.statements) {
        const std::string_view c =
            std::string_view(art.text).substr(st.content.begin, st.content.end - st.content.begin);
        member mine{dx::terms_of(art.text, st.content), st.figures, st.stated.when,
                    dx::looks_ahead(art.text, st.content), 0};
        // A content with the same words, figures, date and outlook as one
        // read before (a wire copy) joins its claim at once, and is not
        // indexed again: the index stays as small as the distinct contents.
        std::string key;
        for (const auto& t : mine.terms) key.append(t).append(" ");
        for (const auto& [lo, hi] : mine.figures) key.append(std::to_string(lo)).append("-").append(std::to_string(hi));
        key.append("|").append(mine.when ? mine.when->to_string() : "").append(mine.ahead ? "|a" : "|");
        if (auto it = exact.find(key); it != exact.end()) {
          st.claim = claims_[it->second].id;
          st.similarity = 1;  // the same words as a content already in the claim
          continue;
        }
        // Candidates: contents sharing a term, through postings short enough to be telling.
        std::vector<std::size_t> cand;
        for (const auto& t : mine.terms) {
          auto it = by_term.find(t);
          if (it == by_term.end() || it->second.size() > 64) continue;
          cand.insert(cand.end(), it->second.begin(), it->second.end());
        }
        std::sort(cand.begin(), cand.end());
        cand.erase(std::unique(cand.begin(), cand.end()), cand.end());
        // The claim of the most similar content it may join: a figure in
        // common or overlapping dates lower the bar; no figure in common, or
        // dates that cannot both hold, rule it out.
        std::optional<std::size_t> best;
        double best_score = 0;
        for (std::size_t mi : cand) {
          const member& m = members[mi];
          const bool both_figures = !mine.figures.empty() && !m.figures.empty();
          const bool figure_shared =
              both_figures && std::find_first_of(mine.figures.begin(), mine.figures.end(), m.figures.begin(),
                                                 m.figures.end()) != mine.figures.end();
          const bool both_dates = mine.when && m.when;
          const bool dates_overlap = both_dates && mine.when->overlaps(*m.when);
          // "May send more troops" and "sent more troops" are two propositions.
          if ((both_figures && !figure_shared) || (both_dates && !dates_overlap) || mine.ahead != m.ahead) continue;
          const double j = dx::jaccard(mine.terms, m.terms);
          const double need = (figure_shared || dates_overlap) ? 0.2 : 0.5;
          if (j >= need && j > best_score) best = m.claim, best_score = j;
        }
        if (best) {
          mine.claim = *best;
          st.claim = claims_[*best].id;
          st.similarity = std::round(best_score * 100) / 100;
        } else {
          const std::string id = unique_id("c-" + dx::slug(c, 5));
          mine.claim = claims_.size();
          claims_.push_back({id, std::string(c), st.stated});
          st.claim = id;
          st.similarity = 1;
        }
        exact.emplace(std::move(key), mine.claim);
        for (const auto& t : mine.terms) by_term[t].push_back(members.size());
        members.push_back(std::move(mine));
      }
    }
  }

  // An id no other record of the extraction holds: `base`, or `base-2`,
  // `base-3`. Agents, events and claims share one id space (format.md).
  std::string unique_id(const std::string& base) {
    // Each base remembers how far it got, so that many contents of one slug
    // do not probe "-2", "-3", ... from the start each time.
    int& n = next_suffix_[base];
    for (n = std::max(n, 1);; ++n) {
      std::string id = n == 1 ? base : base + std::string("-") + std::to_string(n);
      if (ids_.insert(id).second) return id;
    }
  }

  gazetteer gaz_;
  std::vector<source_kind_info> kinds_;
  std::array<std::size_t, 4> kind_for_{};              // by source_sort
  std::vector<std::size_t> entry_kind_;                // each gazetteer entry's kind
  std::vector<std::vector<std::string>> entry_words_;  // each gazetteer entry's descriptor words
  std::unordered_map<std::string, std::vector<std::size_t>> entries_with_word_;  // descriptor word -> entries
  std::unordered_map<std::string, std::size_t> person_part_;  // a person's name or its start or end -> first entry
  std::set<std::string> ids_;                          // every agent, event and claim id given out, and the gazetteer's
  std::unordered_map<std::string, int> next_suffix_;   // unique_id's next suffix for each base
  std::vector<char> gender_;                           // of each agent, as its pronouns and titles say: 'f', 'm' or 0
  std::vector<detail::extract::named_person> people_;  // named in the article being read
  std::vector<extracted_article> articles_;
  std::vector<extracted_agent> agents_;
  std::vector<std::vector<std::string>> descriptors_;  // each agent's descriptor words, by agent position
  std::unordered_map<std::string, std::size_t> agent_index_;
  std::vector<extracted_claim> claims_;
};

/// The label that tells an article's statements apart: "s" and the number
/// of its sentence, from 1, then "-2" for the sentence's second content.
inline std::string mention_label(const extracted_statement& st) {
  std::string label = "s" + std::to_string(st.sentence + 1);
  if (st.clause) label.append("-").append(std::to_string(st.clause + 1));
  return label;
}

/// The id `extraction_graph` gives statement `st` of article `art`:
/// `claim/outlet@article#sN`, as the builder names a report's statement.
inline std::string extracted_statement_id(const extracted_article& art, const extracted_statement& st) {
  std::string id = st.claim;
  id.append("/").append(art.outlet_agent).append("@").append(art.event).append("#").append(mention_label(st));
  return id;
}

/// Returns the extraction as a provenance graph: the extractor's agents,
/// one publication event per article (hosted by its outlet, dated by its
/// publication, titled by its headline), an event for each source that
/// spoke on a date the text gives ("said Thursday", a briefing), its claims,
/// and one report per extracted statement, named `claim/outlet@article#sN`
/// for sentence N (`extracted_statement_id`), whose statement carries its
/// `text_evidence`: the file and the character offsets of its content and of
/// each hop's source and cue. A hop's statement is shared by every article that
/// reaches the same source on the same claim, so one briefing relayed by
/// three articles is one origin; a derivation that several mentions share
/// takes the firmest basis any of them gives it. Every agent, event, claim
/// and upstream statement is marked (`extraction_mark`) with the article it
/// was first read in.
/// `Graph` is the graph type whose `kinds` the extractor was given. An
/// agent's fields go to its kind's `from_fields`, those the kind does not
/// declare left out.
/// @throws error if `Graph`'s kinds are not the extractor's, or as a kind's
/// `from_fields` for a gazetteer field it cannot hold (naming the agent).
template <class Graph = provenance_graph>
Graph extraction_graph(const extractor& ex) {
  const auto kinds = ex.kinds();
  if (!std::equal(kinds.begin(), kinds.end(), Graph::kinds.begin(), Graph::kinds.end(),
                  [](const source_kind_info& a, const source_kind_info& b) { return a.name == b.name; }))
    throw error("extraction_graph: the graph type's kinds are not the ones the extractor was given");
  Graph g;
  for (const auto& a : ex.agents()) {
    const auto declared = std::visit([](const auto& k) { return source_traits<std::decay_t<decltype(k)>>::fields(k); },
                                     Graph::make_kind(a.kind, {}));
    attributes fields;
    for (const auto& [key, v] : a.fields) {
      if (find_field(declared, key)) fields.emplace_back(key, field_value(v));
    }
    try {
      g.add_agent(a.id, a.name, Graph::make_kind(a.kind, fields));
    } catch (const field_error& e) {
      throw error(std::string("agent \"") + a.id + "\": " + e.what());
    }
  }
  for (const auto& c : ex.claims()) g.add_claim(c.id, c.text, c.details);
  // Where a source spoke on a claim: the first date any article gives, so
  // that a mention with no date joins the dated one.
  std::map<std::pair<std::string, std::string>, std::string> spoke_at;
  // One event per source, kind and date, named `agent-date` (or
  // `agent-briefing-date`), `-2` added if that id names another record.
  std::map<std::string, std::string> event_ids;
  auto event_for = [&](const extracted_hop& h, const std::string& file) -> std::string {
    if (!h.when) return {};
    std::string base = h.agent + (h.briefing ? "-briefing-" : "-") + h.when->to_string();
    for (char& ch : base)
      if (ch == '/') ch = '_';
    auto [it, added] = event_ids.try_emplace(base);
    if (!added) return it->second;
    for (int n = 1;; ++n) {
      std::string id = n == 1 ? base : base + "-" + std::to_string(n);
      if (g.kind_of(id)) continue;
      g.add_event(id, h.briefing ? event_kind::briefing : event_kind::statement, h.when, g.agent_id(h.agent));
      g.mark_extracted(id, {file, false});
      return it->second = id;
    }
  };
  // A derivation between two sources' statements is shared by every mention
  // that reaches it, and one derivation has one basis: the firmest any
  // mention gives it (the text says it, then its context, then an inference).
  auto firmness = [](derivation_basis b) {
    switch (b) {
      case derivation_basis::text: return 3;
      case derivation_basis::context: return 2;
      case derivation_basis::inferred: return 1;
      default: return 0;
    }
  };
  std::map<std::tuple<std::string, std::string, std::string>, derivation_basis> shared_basis;
  for (const auto& art : ex.articles()) {
    for (const auto& st : art.statements) {
      for (std::size_t i = 0; i < st.hops.size(); ++i) {
        const auto& h = st.hops[i];
        const auto key = std::make_pair(st.claim, h.agent);
        if (auto e = event_for(h, art.file); !e.empty() && !spoke_at.count(key)) spoke_at.emplace(key, e);
        if (i == 0) continue;
        auto [it, added] = shared_basis.try_emplace({st.claim, st.hops[i - 1].agent, h.agent}, h.basis);
        if (!added && firmness(h.basis) > firmness(it->second)) it->second = h.basis;
      }
    }
  }
  for (const auto& art : ex.articles()) {
    const char_offsets offsets(art.text);
    event_info info;
    info.title = art.headline;
    info.url = art.url;
    const auto e =
        g.add_event(art.event, event_kind::publication,
                    art.published ? std::optional<partial_date>(partial_date::day(*art.published)) : std::nullopt,
                    g.agent_id(art.outlet_agent), std::move(info));
    // Every record the extractor wrote is marked with the article it was
    // first read in; an agent also with whether the gazetteer knew it.
    auto mark = [&](const std::string& id, bool agent) {
      if (g.extracted(id)) return;
      g.mark_extracted(id, {art.file, agent && ex.agent(id).entry.has_value()});
    };
    mark(art.outlet_agent, true);
    mark(art.event, false);
    for (const auto& st : art.statements) {
      mark(st.claim, false);
      for (const auto& h : st.hops) mark(h.agent, true);
      report_mention m{st.part, mention_label(st)};
      auto ch = g.report(e, g.claim_id(st.claim), st.stated, m);
      text_evidence evidence{art.file, offsets(st.content), {}, st.similarity};
      for (const auto& h : st.hops)
        evidence.hops.push_back(
            {offsets(h.source), h.cue.empty() ? std::nullopt : std::optional(offsets(h.cue)), h.cue_word});
      g.set_evidence(ch.head(), std::move(evidence));
      const auto& sen = art.sentences[st.sentence];
      // The first hop quotes when the content stands in quotation marks.
      const bool quoted = st.content.begin > sen.begin &&
                          (art.text[st.content.begin - 1] == '"' ||
                           (st.content.begin >= 3 && art.text.compare(st.content.begin - 3, 3, "\xE2\x80\x9C") == 0));
      for (std::size_t i = 0; i < st.hops.size(); ++i) {
        const auto& h = st.hops[i];
        auto it = spoke_at.find({st.claim, h.agent});
        const event_handle ev = it == spoke_at.end() ? event_handle{} : g.event_id(it->second);
        const derivation_kind kind =
            i > 0 || h.cue_word == "according to" || h.cue_word == "cite"
                ? derivation_kind::cites
                : ((quoted || st.carried) ? derivation_kind::quotes : derivation_kind::paraphrases);
        const derivation_basis basis = i == 0 ? h.basis : shared_basis.at({st.claim, st.hops[i - 1].agent, h.agent});
        ch.via(g.agent_id(h.agent), ev, kind, {}, basis);
        if (const std::string id(g.id(ch.tail())); !g.extracted(id)) g.mark_extracted(id, {art.file, false});
      }
    }
  }
  return g;
}

}  // namespace sourcetrace
