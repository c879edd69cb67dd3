// SPDX-License-Identifier: BSL-1.0
#pragma once

/// @file
/// Attributions inside one sentence of news text: who the sentence says
/// said what, by which reporting words, through which chain of sources.
/// "Rep. Lee, who was briefed by the NIS, said troops may go in July" gives
/// one attribution: content "troops may go in July", cue "said", and two
/// hops, Lee then the NIS. The rules follow the grammar of attribution in
/// English news (source first, content first, inverted, "according to",
/// "citing", passive "is believed by"), never a story's names; they are
/// stated in docs/extraction.md. Resolving a source to an agent, carrying a
/// source over to the next sentences and grouping claims are the article
/// reader's work (text/extract.hpp).

#include <sourcetrace/detail/text_tokens.hpp>
#include <sourcetrace/text/span.hpp>

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sourcetrace {

/// How a hop's source was named in the sentence.
enum class source_form : std::uint8_t {
  name,     ///< a noun phrase: "Rep. Lee Seong-kweun", "unidentified military sources"
  pronoun,  ///< "he", "she", "they", "it": the article reader resolves it
};

/// One hop of an attribution chain: a source and the words that attribute to it.
struct attribution_hop {
  text_span source;      ///< the noun phrase naming the source
  text_span cue;         ///< the reporting words: "said", "according to", "briefed by"
  std::string cue_word;  ///< the cue's canonical form: "say", "according to", "cite", "brief"
  source_form form = source_form::name;
  text_span appositive;  ///< ", a lawmaker of the ruling party," after the source, without its commas; may be empty
  text_span when;        ///< a time phrase next to the cue ("on Thursday" in "said on Thursday"); may be empty
};

/// An attribution found in one sentence.
struct sentence_attribution {
  text_span content;                  ///< what the source said, without the cue, the source and enclosing quotes
  std::vector<attribution_hop> hops;  ///< from the source the article names to the origin; never empty
};

namespace detail::attr {

using tok = text_token;

inline bool is_word(const tok& t) noexcept { return t.kind == text_token_kind::word; }
inline bool is_punct(const tok& t, std::string_view p) noexcept {
  return t.kind == text_token_kind::punct && t.norm == p;
}
inline bool is_quote(const tok& t) noexcept { return is_punct(t, "\""); }

template <std::size_t N>
bool in(const std::array<std::string_view, N>& words, std::string_view w) noexcept {
  return std::find(words.begin(), words.end(), w) != words.end();
}

/// A reporting verb form and what it means.
struct verb_form {
  std::string_view form;
  std::string_view lemma;
};

// Every form of every reporting verb the rules know, with its lemma. The
// lemma names the cue in the output; text/extract.hpp maps some to a
// modality ("estimate" to estimated).
inline constexpr auto verb_forms = std::to_array<verb_form>({
    {"acknowledge", "acknowledge"},
    {"acknowledged", "acknowledge"},
    {"acknowledges", "acknowledge"},
    {"add", "add"},
    {"added", "add"},
    {"adds", "add"},
    {"admit", "admit"},
    {"admits", "admit"},
    {"admitted", "admit"},
    {"alleged", "allege"},
    {"alleges", "allege"},
    {"announce", "announce"},
    {"announced", "announce"},
    {"announces", "announce"},
    {"argue", "argue"},
    {"argued", "argue"},
    {"argues", "argue"},
    {"assess", "assess"},
    {"assessed", "assess"},
    {"assesses", "assess"},
    {"believe", "believe"},
    {"believed", "believe"},
    {"believes", "believe"},
    {"caution", "caution"},
    {"cautioned", "caution"},
    {"cautions", "caution"},
    {"claim", "claim"},
    {"claimed", "claim"},
    {"claims", "claim"},
    {"conclude", "conclude"},
    {"concluded", "conclude"},
    {"concludes", "conclude"},
    {"confirm", "confirm"},
    {"confirmed", "confirm"},
    {"confirms", "confirm"},
    {"contend", "contend"},
    {"contended", "contend"},
    {"contends", "contend"},
    {"declared", "declare"},
    {"declares", "declare"},
    {"denied", "deny"},
    {"denies", "deny"},
    {"deny", "deny"},
    {"disclosed", "disclose"},
    {"discloses", "disclose"},
    {"emphasised", "emphasize"},
    {"emphasized", "emphasize"},
    {"estimate", "estimate"},
    {"estimated", "estimate"},
    {"estimates", "estimate"},
    {"expect", "expect"},
    {"expected", "expect"},
    {"expects", "expect"},
    {"explained", "explain"},
    {"explains", "explain"},
    {"forecast", "forecast"},
    {"forecasts", "forecast"},
    {"found", "find"},
    {"finds", "find"},
    {"indicated", "indicate"},
    {"indicates", "indicate"},
    {"insisted", "insist"},
    {"insists", "insist"},
    {"maintained", "maintain"},
    {"maintains", "maintain"},
    {"note", "note"},
    {"noted", "note"},
    {"notes", "note"},
    {"observed", "observe"},
    {"predict", "predict"},
    {"predicted", "predict"},
    {"predicts", "predict"},
    {"projected", "project"},
    {"quoted", "quote"},
    {"cited", "cite"},
    {"projects", "project"},
    {"recalled", "recall"},
    {"recalls", "recall"},
    {"remarked", "remark"},
    {"report", "report"},
    {"reported", "report"},
    {"reports", "report"},
    {"revealed", "reveal"},
    {"reveals", "reveal"},
    {"said", "say"},
    {"say", "say"},
    {"says", "say"},
    {"showed", "show"},
    {"shows", "show"},
    {"stated", "state"},
    {"states", "state"},
    {"stressed", "stress"},
    {"stresses", "stress"},
    {"suggested", "suggest"},
    {"suggests", "suggest"},
    {"suspect", "suspect"},
    {"suspected", "suspect"},
    {"suspects", "suspect"},
    {"tell", "tell"},
    {"tells", "tell"},
    {"testified", "testify"},
    {"think", "think"},
    {"thinks", "think"},
    {"told", "tell"},
    {"warn", "warn"},
    {"warned", "warn"},
    {"warns", "warn"},
    {"wrote", "write"},
    {"writes", "write"},
    {"disputes", "dispute"},
    {"disputed", "dispute"},
    {"rejected", "reject"},
    {"rejects", "reject"},
    {"described", "describe"},
    {"describes", "describe"},
    {"conceded", "concede"},
    {"concedes", "concede"},
    {"complained", "complain"},
    {"vowed", "vow"},
    {"vows", "vow"},
    {"pledged", "pledge"},
    {"promised", "promise"},
    {"hopes", "hope"},
    {"fears", "fear"},
    {"considers", "consider"},
    {"considered", "consider"},
    {"show", "show"},
    {"accused", "accuse"},
    {"accuses", "accuse"},
    {"speculated", "speculate"},
    {"anticipates", "anticipate"},
    {"anticipated", "anticipate"},
    {"elaborated", "elaborate"},
    {"specified", "specify"},
    {"mentioned", "mention"},
    {"highlighted", "highlight"},
    {"asserted", "assert"},
    {"asserts", "assert"},
});

inline std::optional<std::string_view> verb_lemma(std::string_view w) noexcept {
  static constexpr auto sorted = [] {
    auto a = verb_forms;
    std::ranges::sort(a, {}, &verb_form::form);
    return a;
  }();
  const auto it = std::ranges::lower_bound(sorted, w, {}, &verb_form::form);
  if (it == sorted.end() || it->form != w) return std::nullopt;
  return it->lemma;
}

// Forms that are also common as plain nouns or adjectives: a cue only when
// a source noun phrase stands next to them ("the report said" is the noun
// "report" then "said"; "expected" in "troops are expected to go" is not
// one at all unless "by" names who expects).
inline constexpr auto weak_forms = std::to_array<std::string_view>(
    {"report",   "reports",   "expected", "estimate", "estimates", "claim",     "claims",     "found",
     "forecast", "forecasts", "note",     "notes",    "believed",  "suspected", "projected",  "projects",
     "shows",    "states",    "caution",  "think",    "quoted",    "cited",     "considered", "described",
     "show",     "hopes",     "fears",    "promised", "accused",   "pledged",   "rejected",   "disputed"});

inline constexpr auto determiners = std::to_array<std::string_view>(
    {"a",       "an",   "the",  "its",   "his",     "her", "their", "our", "two",  "three", "four",
     "several", "some", "many", "other", "another", "one", "both",  "all", "most", "these", "those"});

inline constexpr auto pronouns = std::to_array<std::string_view>({"he", "she", "they", "it", "we", "i"});

// Nouns that head a source noun phrase written in lower case.
inline constexpr auto source_nouns = std::to_array<std::string_view>({
    "activist",       "adviser",     "advisor",      "agency",     "aide",        "analyst",    "army",
    "assessment",     "authorities", "authority",    "bank",       "broadcaster", "commander",  "committee",
    "company",        "court",       "data",         "department", "diplomat",    "director",   "doctor",
    "economist",      "executive",   "expert",       "figures",    "firm",        "government", "group",
    "head",           "insider",     "investigator", "journalist", "lawmaker",    "lawyer",     "leader",
    "legislator",     "media",       "member",       "military",   "minister",    "ministry",   "newspaper",
    "observer",       "office",      "officer",      "official",   "organizers",  "outlet",     "paper",
    "people",         "person",      "police",       "president",  "prosecutor",  "regulator",  "report",
    "representative", "researcher",  "resident",     "scientist",  "service",     "source",     "spokesman",
    "spokesperson",   "spokeswoman", "spy",          "staff",      "statement",   "student",    "studies",
    "study",          "survey",      "team",         "union",      "watchdog",    "witness",    "worker",
    "estimate",       "analysis",    "poll",
});

// Words that may stand inside a source noun phrase written in lower case:
// modifiers, and the words of "familiar with the matter" and the like.
inline constexpr auto source_modifiers = std::to_array<std::string_view>({
    "anonymous",   "briefed",   "chief",        "close",       "defense",   "defence",
    "deputy",      "familiar",  "federal",      "foreign",     "former",    "government",
    "independent", "industry",  "intelligence", "involved",    "knowledge", "knowledgeable",
    "local",       "main",      "matter",       "military",    "national",  "negotiations",
    "of",          "official",  "police",       "private",     "regional",  "security",
    "senior",      "spy",       "state",        "state-run",   "top",       "unidentified",
    "unnamed",     "with",      "at",           "for",         "from",      "and",
    "to",          "in",        "on",           "the",         "a",         "an",
    "talks",       "situation", "plans",        "discussions", "case",      "investigation",
    "u.s",         "western",   "public",       "health",      "medical",   "election",
    "party",       "ruling",    "opposition",   "central",     "city",      "county",
    "provincial",  "municipal", "emergency",    "fire",        "news",      "wire",
    "financial",   "market",    "trade",        "energy",      "airline",   "company",
    "bank",        "court",     "legal",        "campaign",    "team",      "research",
    "outside",     "veteran",   "japanese",     "chinese",     "russian",   "korean",
    "american",    "european",  "ukrainian",    "british",     "french",    "german",
    "indian",      "israeli",
});

// Words that end a noun phrase scan: they belong to the clause around it.
inline constexpr auto clause_words = std::to_array<std::string_view>(
    {"that", "which", "where", "who",    "whom",  "whose",  "while", "whereas", "because", "although", "though",
     "as",   "but",   "if",    "when",   "after", "before", "since", "until",   "so",      "than",     "is",
     "are",  "was",   "were",  "be",     "been",  "has",    "have",  "had",     "will",    "would",    "could",
     "may",  "might", "can",   "should", "not",   "also",   "this",  "there"});

// Words that may stand between a source and its verb: "the NIS also said",
// "Lee has said", "officials previously warned".
inline constexpr auto verb_adverbs = std::to_array<std::string_view>(
    {"also",  "has",        "have",       "had",        "previously", "earlier",   "later", "further", "then",
     "again", "repeatedly", "separately", "reportedly", "publicly",   "privately", "once",  "had",     "did",
     "still", "initially",  "last",       "first",      "recently",   "would",     "will",  "now"});

inline constexpr auto weekdays = std::to_array<std::string_view>(
    {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "yesterday", "today", "tonight"});
// A month's name or abbreviation, as the date parser reads them.
inline bool month_word(std::string_view w) noexcept { return month_number(w) != 0; }

// Titles and role words that may stand before a name: "Rep. Lee", "Defense
// Minister Kim", "spokeswoman Ana Ruiz", "senior analyst Jo Park". The
// article reader strips them from a person's name.
inline constexpr auto titles = std::to_array<std::string_view>({
    "acting",
    "adm",
    "admiral",
    "ambassador",
    "analyst",
    "attorney",
    "capt",
    "captain",
    "ceo",
    "chair",
    "chairman",
    "chairwoman",
    "chancellor",
    "chief",
    "col",
    "colonel",
    "commander",
    "commissioner",
    "congressman",
    "congresswoman",
    "councillor",
    "councilor",
    "defence",
    "defense",
    "deputy",
    "detective",
    "director",
    "dr",
    "economist",
    "economy",
    "envoy",
    "expert",
    "finance",
    "foreign",
    "former",
    "gen",
    "general",
    "gov",
    "governor",
    "health",
    "inspector",
    "interior",
    "judge",
    "justice",
    "lawmaker",
    "leader",
    "lt",
    "maj",
    "mayor",
    "minister",
    "mr",
    "mrs",
    "ms",
    "official",
    "premier",
    "president",
    "prime",
    "prof",
    "professor",
    "rep",
    "representative",
    "researcher",
    "scientist",
    "secretary",
    "security",
    "sen",
    "senator",
    "senior",
    "sergeant",
    "sgt",
    "speaker",
    "spokesman",
    "spokesperson",
    "spokeswoman",
    "state",
    "superintendent",
    "top",
    "unification",
    "vice",
});

inline bool capitalized(std::string_view text, const tok& t) noexcept {
  const auto c = static_cast<unsigned char>(text[t.begin]);
  return t.kind == text_token_kind::word && ((c >= 'A' && c <= 'Z') || c >= 0x80);
}

// A token of a time phrase that may sit next to a cue: "on Thursday",
// "last week", "in June", "on June 26".
inline bool time_word(const tok& t) noexcept {
  if (t.kind == text_token_kind::number) return true;
  if (!is_word(t)) return false;
  return in(weekdays, t.norm) || month_word(t.norm) ||
         in(std::to_array<std::string_view>({"last", "this", "next", "week", "month", "year", "earlier", "late",
                                             "early", "morning", "afternoon", "evening", "night", "weekend"}),
            t.norm);
}

/// The tokens of one sentence, with the quotation depth of each and the
/// possessive "'s" folded into the word before it.
struct sentence_tokens {
  std::vector<tok> t;
  std::vector<bool> quoted;             // inside a quotation of this sentence
  std::vector<std::string_view> lemma;  // a reporting verb's lemma, or empty
};

inline sentence_tokens tokens_of(std::string_view text, text_span s, bool starts_quoted) {
  sentence_tokens out;
  text_scanner scan(text.substr(s.begin, s.end - s.begin), token_joins::inner_marks);
  bool q = starts_quoted;
  for (;;) {
    std::optional<tok> next = scan.next();
    if (!next) break;
    tok& t = *next;
    t.begin += s.begin;
    t.end += s.begin;
    // "agency's" with a typographic apostrophe comes as word, "'", "s".
    if (t.kind == text_token_kind::word && t.norm == "s" && !t.space_before && out.t.size() >= 2 &&
        is_punct(out.t.back(), "'") && !out.t.back().space_before && is_word(out.t[out.t.size() - 2])) {
      out.t.pop_back();
      out.quoted.pop_back();
      tok& w = out.t.back();
      w.end = t.end;
      w.norm += "'s";
      continue;
    }
    if (is_quote(t)) {
      // A straight quote toggles; a typographic one says which way it goes.
      const auto c = static_cast<unsigned char>(text[t.begin]);
      if (c == '"')
        q = !q;
      else if (c == 0xE2 && static_cast<unsigned char>(text[t.begin + 2]) == 0x9C)
        q = true;
      else if (c == 0xE2 && static_cast<unsigned char>(text[t.begin + 2]) == 0x9D)
        q = false;
      else
        q = !q;
      out.t.push_back(std::move(t));
      out.quoted.push_back(false);
      continue;
    }
    out.t.push_back(std::move(t));
    out.quoted.push_back(q);
  }
  // Each word looked up once: the rules ask of a word many times whether it is a cue.
  out.lemma.reserve(out.t.size());
  for (const tok& w : out.t)
    out.lemma.push_back(w.kind == text_token_kind::word ? verb_lemma(w.norm).value_or("") : "");
  return out;
}

inline std::string_view base_norm(const tok& t) noexcept {
  std::string_view w = t.norm;
  if (w.size() > 2 && w.ends_with("'s")) w.remove_suffix(2);
  return w;
}

// The singular of a plural noun, roughly: "officials" is "official",
// "authorities" "authority". Enough to look words up in the lists above.
inline std::string singular(std::string_view w) {
  if (w.size() > 4 && w.ends_with("ies")) return std::string(w.substr(0, w.size() - 3)) + "y";
  if (w.size() > 3 && w.ends_with("s") && !w.ends_with("ss")) return std::string(w.substr(0, w.size() - 1));
  return std::string(w);
}

// Whether `w` is a source noun, or the plural of one ("officials",
// "authorities"); no string is built, as the rules ask it of most words.
inline bool source_noun(std::string_view w) noexcept {
  if (in(source_nouns, w)) return true;
  if (w.size() > 4 && w.ends_with("ies")) {
    const std::string_view stem = w.substr(0, w.size() - 3);
    return std::any_of(source_nouns.begin(), source_nouns.end(), [&](std::string_view n) {
      return n.size() == stem.size() + 1 && n.starts_with(stem) && n.back() == 'y';
    });
  }
  return w.size() > 3 && w.ends_with('s') && !w.ends_with("ss") && in(source_nouns, w.substr(0, w.size() - 1));
}

class sentence_reader {
 public:
  sentence_reader(std::string_view text, const sentence_tokens& st)
      : text_(text), t_(st.t), quoted_(st.quoted), lemma_(st.lemma) {}

  std::vector<sentence_attribution> read() {
    std::vector<sentence_attribution> out;
    const std::size_t n = t_.size();
    if (n == 0) return out;
    if (auto a = read_range(0, n)) {
      // "Lee said X, adding that Y": Y is a second content of the same chain.
      std::size_t cb = token_at(a->content.begin), ce = token_at(a->content.end);
      if (auto p = participle(cb, ce)) {
        sentence_attribution second;
        second.hops = a->hops;
        if (auto c = content(skip_to_content(p->second, ce), ce)) {
          second.content = *c;
          if (auto first = content(cb, p->first)) {
            a->content = *first;
            out.push_back(std::move(*a));
            out.push_back(std::move(second));
            return out;
          }
        }
      }
      // "X, the people said, cautioning that Y": the participle after the cue.
      const std::size_t cue_end = token_at(a->hops.front().cue.end);
      if (cue_end >= ce && cue_end > 0) {
        if (auto p = participle(cue_end - 1, n)) {
          if (auto c = content(skip_to_content(p->second, n), n)) {
            sentence_attribution second;
            second.hops = a->hops;
            second.content = *c;
            out.push_back(std::move(*a));
            out.push_back(std::move(second));
            return out;
          }
        }
      }
      out.push_back(std::move(*a));
      return out;
    }
    // "The bank held rates, saying inflation was high": the subject says it.
    if (auto p = participle(0, n)) {
      if (auto subject = np_right(0, p->first); subject && subject->b == 0 && !subject->pronoun) {
        sentence_attribution a;
        a.hops.push_back(hop(*subject, p->second - 1, p->second, participle_lemma(p->second - 1)));
        if (auto c = content(skip_to_content(p->second, n), n)) {
          a.content = *c;
          out.push_back(std::move(a));
        }
      }
    }
    return out;
  }

  // The token whose span begins at or covers byte `at` (the end when none).
  std::size_t token_at(std::size_t at) const {
    for (std::size_t i = 0; i < t_.size(); ++i)
      if (t_[i].end > at) return i;
    return t_.size();
  }

  static constexpr auto participles = std::to_array<std::string_view>(
      {"adding", "saying", "noting", "warning", "telling", "predicting", "cautioning", "arguing", "insisting",
       "stressing", "claiming", "explaining", "acknowledging", "stating", "calling"});

  std::string_view participle_lemma(std::size_t i) const {
    const std::string_view w = t_[i].norm;
    if (w == "adding") return "add";
    if (w == "saying" || w == "calling") return "say";
    if (w == "telling") return "tell";
    if (w == "noting") return "note";
    if (w == "warning") return "warn";
    if (w == "predicting") return "predict";
    if (w == "cautioning") return "caution";
    if (w == "arguing") return "argue";
    if (w == "insisting") return "insist";
    if (w == "stressing") return "stress";
    if (w == "claiming") return "claim";
    if (w == "explaining") return "explain";
    if (w == "acknowledging") return "acknowledge";
    return "state";
  }

  // A ", adding that" in [b, e): the comma's index and the index after the participle.
  std::optional<std::pair<std::size_t, std::size_t>> participle(std::size_t b, std::size_t e) const {
    for (std::size_t i = b + 1; i + 2 < e; ++i) {
      if (quoted_[i] || !comma(i) || !is_word(t_[i + 1]) || !in(participles, t_[i + 1].norm)) continue;
      std::size_t k = i + 2;
      if (t_[i + 1].norm == "telling") {
        while (k < e && k - i < 6 && is_word(t_[k]) && !word_is(k, "that")) ++k;
        if (k >= e || !word_is(k, "that")) k = i + 3;
      }
      return std::make_pair(i, k);
    }
    return std::nullopt;
  }

 private:
  // Where a noun phrase was found: tokens [b, e).
  struct np {
    std::size_t b = 0, e = 0;
    bool pronoun = false;
  };

  text_span span(std::size_t b, std::size_t e) const { return {t_[b].begin, t_[e - 1].end}; }

  std::optional<std::string_view> lemma_at(std::size_t i) const {
    if (lemma_[i].empty()) return std::nullopt;
    return lemma_[i];
  }
  // A reporting verb that is no common noun or adjective as well.
  bool strong_verb(std::size_t i) const { return !lemma_[i].empty() && !in(weak_forms, t_[i].norm); }

  bool word_is(std::size_t i, std::string_view w) const { return i < t_.size() && is_word(t_[i]) && t_[i].norm == w; }
  bool comma(std::size_t i) const { return i < t_.size() && is_punct(t_[i], ","); }
  bool quote(std::size_t i) const { return i < t_.size() && is_quote(t_[i]); }
  bool stop_punct(std::size_t i) const {
    return t_[i].kind == text_token_kind::punct && !is_punct(t_[i], "-") && !is_punct(t_[i], "&") &&
           !is_punct(t_[i], ".") && !is_punct(t_[i], "'");
  }
  bool cap(std::size_t i) const { return capitalized(text_, t_[i]); }

  // A word that may be part of a source noun phrase.
  bool np_word(std::size_t i) const {
    const tok& t = t_[i];
    if (t.kind == text_token_kind::number) return true;
    // A plural's possessive: "the growers' lawyer".
    if (is_punct(t, "'"))
      return i > 0 && i + 1 < t_.size() && !t.space_before && is_word(t_[i - 1]) && t_[i - 1].norm.ends_with('s') &&
             is_word(t_[i + 1]);
    if (t.kind == text_token_kind::punct) return is_punct(t, ".") || is_punct(t, "-") || is_punct(t, "&");
    const std::string_view w = base_norm(t);
    if (strong_verb(i)) return false;
    if (cap(i)) {
      // A sentence's first word is capitalized whatever it is.
      if (i == 0 && (in(clause_words, w) || w == "in" || w == "on" || w == "at" || w == "after")) return false;
      return !in(weekdays, w) && !(month_word(w) && w != "may");
    }
    if (in(clause_words, w) || in(pronouns, w)) return false;
    return true;
  }

  // Whether a lower-case word is one a source noun phrase is known to hold.
  bool known_np_word(std::size_t i) const {
    const tok& t = t_[i];
    if (!is_word(t) || cap(i)) return true;
    const std::string_view w = base_norm(t);
    return in(determiners, w) || source_noun(w) || in(source_modifiers, w) || in(titles, w) ||
           t.norm.find('-') != std::string::npos || t.norm.ends_with("'s");
  }

  // Words a source noun phrase may end with besides its head noun: "people
  // familiar with the matter", "a source close to the talks".
  bool np_tail(std::size_t i, bool lenient = false) const {
    if (t_[i].kind == text_token_kind::number) return false;
    // "BrightCart Inc.": an abbreviation's period.
    if (is_punct(t_[i], "."))
      return i > 0 && i + 1 < t_.size() && is_word(t_[i - 1]) && cap(i - 1) && !t_[i].space_before;
    if (!is_word(t_[i])) return false;
    const std::string_view w = base_norm(t_[i]);
    if (lenient && !in(clause_words, w) && !in(determiners, w) && !w.ends_with("ly") && w.size() > 2 &&
        !in(std::to_array<std::string_view>({"and", "of", "to", "in", "on", "at", "for", "from", "with", "by"}), w))
      return true;
    return cap(i) || source_noun(w) ||
           in(std::to_array<std::string_view>({"matter", "talks", "situation", "negotiations", "plans", "case",
                                               "discussions", "investigation", "anonymity", "deliberations", "decision",
                                               "process", "program", "programme", "issue", "deal"}),
              w);
  }

  // Whether tokens [b, e) name a source: a capitalized word, a pronoun or a source noun.
  bool names_source(std::size_t b, std::size_t e, bool lenient = false) const {
    if (e <= b || e - b > 14) return false;
    if (lenient && np_tail(e - 1, true)) return true;
    bool any = false;
    for (std::size_t i = b; i < e; ++i) {
      if (!is_word(t_[i])) continue;
      const std::string_view w = base_norm(t_[i]);
      if (in(determiners, w) || w == "of" || w == "and" || w == "the") continue;
      if ((cap(i) && !in(weekdays, w)) || source_noun(w)) any = true;
    }
    return any;
  }

  // The noun phrase ending just before token `e` (exclusive), read leftwards,
  // not before `lo`.
  std::optional<np> np_left(std::size_t lo, std::size_t e, bool lenient = false) const {
    // "the National Intelligence Service (NIS) said": the acronym in brackets is part of the name.
    if (e >= lo + 4 && is_punct(t_[e - 1], ")") && is_word(t_[e - 2]) && is_punct(t_[e - 3], "(")) {
      if (auto p = np_left(lo, e - 3, lenient); p && !p->pronoun) return np{p->b, e, false};
    }
    if (e <= lo) return std::nullopt;
    // A pronoun right before the verb.
    if (is_word(t_[e - 1]) && in(pronouns, t_[e - 1].norm) &&
        (e - 1 == lo || !np_word(e - 2) || comma(e - 2) || quote(e - 2)))
      return np{e - 1, e, true};
    std::size_t b = e;
    while (b > lo && e - b < 12 && !quoted_[b - 1] && np_word(b - 1)) --b;
    if (!np_tail(e - 1, lenient)) return std::nullopt;
    // Unknown lower-case words before a determiner belong to the clause:
    // "prices fell sharply the office said" keeps "the office".
    for (std::size_t i = e; i > b + 1;) {
      --i;
      if (is_word(t_[i]) && !cap(i) && in(determiners, t_[i].norm)) {
        bool clause = false;
        for (std::size_t k = b; k < i; ++k) clause = clause || !known_np_word(k);
        if (clause) {
          b = i;
          break;
        }
      }
    }
    for (std::size_t i = b; i < e; ++i) {
      if (!known_np_word(i)) {
        // An unknown word is allowed only inside a phrase that a determiner,
        // a capital or a known word begins: "the statistics office".
        if (i == b && !lenient) return std::nullopt;
      }
    }
    // Trim words that begin a clause, not a noun phrase: "and", "of", "to", "in".
    while (
        b < e && is_word(t_[b]) && !cap(b) &&
        in(std::to_array<std::string_view>({"and", "of", "to", "in", "on", "at", "for", "from", "with"}), t_[b].norm))
      ++b;
    while (b < e && (is_punct(t_[b], ".") || is_punct(t_[b], "-"))) ++b;
    if (!names_source(b, e, lenient)) return std::nullopt;
    return np{b, e, false};
  }

  // The noun phrase starting at token `b`, read rightwards, not past `hi`.
  std::optional<np> np_right(std::size_t b, std::size_t hi, bool lenient = false) const {
    if (b >= hi) return std::nullopt;
    if (is_word(t_[b]) && in(pronouns, t_[b].norm)) return np{b, b + 1, true};
    std::size_t e = b;
    while (e < hi && e - b < 14 && !quoted_[e] && np_word(e)) {
      // "on Thursday", "in June": a time phrase ends the noun phrase.
      if ((word_is(e, "on") || word_is(e, "in") || word_is(e, "at")) && e + 1 < hi && time_word(t_[e + 1])) break;
      if (word_is(e, "in") && e + 1 < hi && (word_is(e + 1, "a") || word_is(e + 1, "an"))) break;
      // Two unknown lower-case words end it, unless a source noun heads
      // them within two words: "the civil aviation office".
      if (e > b && !known_np_word(e) && !known_np_word(e - 1)) {
        bool head_ahead = false;
        for (std::size_t k = e + 1; k < hi && k <= e + 2 && is_word(t_[k]) && !cap(k) && !quoted_[k]; ++k)
          if (source_noun(base_norm(t_[k]))) head_ahead = true;
        if (!head_ahead) break;
      }
      ++e;
    }
    // The phrase ends at its last head: "the statistics office", not "the
    // statistics office on Monday".
    while (e > b && !np_tail(e - 1, lenient)) --e;
    if (!names_source(b, e, lenient)) return std::nullopt;
    return np{b, e, false};
  }

  // Skips a time phrase or a manner phrase after a cue: "on Thursday",
  // "Thursday", "in a statement", "at a press conference", "last week".
  std::size_t skip_after_cue(std::size_t i, std::size_t hi, text_span* when) const {
    for (;;) {
      const std::size_t start = i;
      if (i < hi &&
          (word_is(i, "on") || word_is(i, "in") || word_is(i, "at") || word_is(i, "during") || word_is(i, "late") ||
           word_is(i, "early") || word_is(i, "last") || word_is(i, "this") || word_is(i, "earlier")))
        ++i;
      std::size_t j = i;
      while (j < hi && !quoted_[j] && time_word(t_[j])) ++j;
      if (j > i && j > start) {
        if (when && when->empty()) *when = span(start, j);
        i = j;
        continue;
      }
      // "in a statement", "in an interview with Yonhap", "at a news conference".
      if (i > start && i < hi &&
          (word_is(i, "a") || word_is(i, "an") || word_is(i, "its") || word_is(i, "his") || word_is(i, "her") ||
           word_is(i, "their") || word_is(i, "the"))) {
        std::size_t k = i + 1;
        while (k < hi && k - i < 8 && is_word(t_[k]) && !word_is(k, "that") && lemma_[k].empty()) ++k;
        if (k < hi && (comma(k) || word_is(k, "that") || is_punct(t_[k], ":"))) {
          i = k;
          continue;
        }
        if (k - i <= 4 && k < hi) {
          i = k;
          continue;
        }
      }
      return start;
    }
  }

  // Skips "that", a comma or a colon and an opening quote before content.
  std::size_t skip_to_content(std::size_t i, std::size_t hi) const {
    while (i < hi && (word_is(i, "that") || comma(i) || is_punct(t_[i], ":") || (quote(i) && i + 1 < hi))) ++i;
    return i;
  }

  // The content [b, e) as a span without enclosing quotes or final punctuation.
  std::optional<text_span> content(std::size_t b, std::size_t e, std::size_t min_words = 2) const {
    while (b < e && (quote(b) || comma(b) || is_punct(t_[b], ":") || is_punct(t_[b], "-") || is_punct(t_[b], "–"))) ++b;
    while (e > b && (quote(e - 1) || comma(e - 1) || is_punct(t_[e - 1], ".") || is_punct(t_[e - 1], "?") ||
                     is_punct(t_[e - 1], "!") || is_punct(t_[e - 1], ":") || is_punct(t_[e - 1], ";") ||
                     is_punct(t_[e - 1], "-") || is_punct(t_[e - 1], "–")))
      --e;
    std::size_t words = 0;
    for (std::size_t i = b; i < e; ++i) words += t_[i].kind != text_token_kind::punct;
    if (words < min_words) return std::nullopt;
    return span(b, e);
  }

  // A hop for noun phrase `p` with cue tokens [cb, ce).
  attribution_hop hop(const np& p, std::size_t cb, std::size_t ce, std::string_view lemma) const {
    attribution_hop h;
    h.source = span(p.b, p.e);
    h.cue = span(cb, ce);
    h.cue_word = std::string(lemma);
    h.form = p.pronoun ? source_form::pronoun : source_form::name;
    return h;
  }

  // The first index in [b, e) of a sub-phrase naming another source:
  // "who was briefed by Y", "citing Y", "quoting Y", "after a briefing by Y";
  // appends its hop.
  void nested_hops(std::size_t b, std::size_t e, std::vector<attribution_hop>& hops) const {
    for (std::size_t i = b; i < e; ++i) {
      if (quoted_[i]) continue;
      std::size_t after = 0;
      std::string_view lemma;
      if ((word_is(i, "briefed") || word_is(i, "informed")) && word_is(i + 1, "by")) {
        after = i + 2, lemma = "brief";
      } else if ((word_is(i, "briefing") || word_is(i, "briefings")) &&
                 (word_is(i + 1, "by") || word_is(i + 1, "from"))) {
        after = i + 2, lemma = "brief";
      } else if (word_is(i, "citing") || word_is(i, "quoting") || word_is(i, "referencing")) {
        after = i + 1, lemma = t_[i].norm == "quoting" ? "quote" : "cite";
      } else if (i > 0 && word_is(i - 1, "who") &&
                 (word_is(i, "cited") || word_is(i, "quoted") || word_is(i, "referenced"))) {
        after = i + 1, lemma = t_[i].norm == "quoted" ? "quote" : "cite";
      } else if ((word_is(i, "referring") || word_is(i, "referred")) && word_is(i + 1, "to")) {
        after = i + 2, lemma = "cite";
      } else if (word_is(i, "according") && word_is(i + 1, "to") && !hops.empty()) {
        after = i + 2, lemma = "according to";
      }
      if (after == 0) continue;
      if (auto p = np_right(after, e)) {
        attribution_hop h = hop(*p, i, after, lemma);
        hops.push_back(std::move(h));
        i = p->e;
      }
    }
  }

  // Finishes attribution `a` with the content in tokens [cb, ce): a
  // trailing ", citing Y" and a source's own cue inside it add hops, and
  // what is left is the content. Nothing when too little is left; `a` is
  // taken by value, so a caller may try another reading of the same start.
  std::optional<sentence_attribution> with_content(sentence_attribution a, std::size_t cb, std::size_t ce) const {
    trailing_hops(cb, ce, a.hops);
    deepen(cb, ce, a.hops);
    const auto c = content(cb, ce);
    if (!c) return std::nullopt;
    a.content = *c;
    return a;
  }

  // The index of the comma that opens an appositive ending at the comma at
  // `close` (", a lawmaker of the ruling party,"), or npos.
  std::size_t appositive_open(std::size_t lo, std::size_t close) const {
    for (std::size_t i = close; i > lo && close - i < 30;) {
      --i;
      if (quoted_[i] || quote(i)) return std::string_view::npos;
      if (comma(i)) {
        // The appositive must begin as one: a determiner, "who", or a capital.
        const std::size_t a = i + 1;
        if (a >= close) return std::string_view::npos;
        // Or a role before a name: ", businessman Dale Petrakis,".
        if (t_[a].kind == text_token_kind::number ||
            (is_word(t_[a]) &&
             (in(determiners, t_[a].norm) || t_[a].norm == "who" || t_[a].norm == "which" || t_[a].norm == "whose" ||
              t_[a].norm.ends_with("ing") || cap(a) || in(titles, t_[a].norm) || source_noun(base_norm(t_[a])) ||
              (a + 2 < close && cap(a + 1) && cap(a + 2)))))
          return i;
        return std::string_view::npos;
      }
      if (strong_verb(i) && !word_is(i, "briefed")) return std::string_view::npos;
    }
    return std::string_view::npos;
  }

  // After reading content [cb, ce) from a first hop, looks inside it for a
  // further hop ("Lee said the agency believes X") and narrows the content.
  void deepen(std::size_t& cb, std::size_t& ce, std::vector<attribution_hop>& hops) const {
    for (int depth = 0; depth < 3; ++depth) {
      bool found = false;
      // "according to Y, X" at the start of the content.
      if (word_is(cb, "according") && word_is(cb + 1, "to")) {
        if (auto p = np_right(cb + 2, ce)) {
          hops.push_back(hop(*p, cb, cb + 2, "according to"));
          std::size_t k = p->e;
          k = skip_to_content(k, ce);
          cb = k;
          found = true;
        }
      } else {
        // "Y believes (that) X", within the first few words.
        for (std::size_t v = cb + 1; v < ce && v < cb + 16; ++v) {
          if (quoted_[v] || !is_word(t_[v])) {
            if (quote(v)) break;
            continue;
          }
          const auto lemma = lemma_at(v);
          if (!lemma) continue;
          // Inside a content only a clear reporting verb names a further
          // source: "Kim has promised cooperation" is what was reported.
          if (!strong_verb(v) || *lemma == "expect" || *lemma == "show" || *lemma == "find") break;
          std::size_t vb = v;
          while (vb > cb && is_word(t_[vb - 1]) && in(verb_adverbs, t_[vb - 1].norm)) --vb;
          auto p = np_left(cb, vb, !in(weak_forms, t_[v].norm));
          if (!p || (p->b != cb && !comma(p->b - 1))) break;
          std::size_t k = skip_after_cue(v + 1, ce, nullptr);
          const std::size_t before = k;
          k = skip_to_content(k, ce);
          if (k == before && k < ce && !word_is(k, "that") && ce - k < 3) break;
          if (!content(k, ce)) break;
          attribution_hop h = hop(*p, v, v + 1, *lemma);
          hops.push_back(std::move(h));
          cb = k;
          found = true;
          break;
        }
      }
      if (!found) break;
    }
    // "X, the agency said" at the end of the content: the source's source.
    std::size_t v = ce;
    while (v > cb && is_punct(t_[v - 1], ".")) --v;
    if (v > cb + 3 && is_word(t_[v - 1]) && !quoted_[v - 1]) {
      const auto lemma = lemma_at(v - 1);
      if (lemma && !in(weak_forms, t_[v - 1].norm)) {
        std::size_t vb = v - 1;
        while (vb > cb && is_word(t_[vb - 1]) && in(verb_adverbs, t_[vb - 1].norm)) --vb;
        if (auto p = np_left(cb, vb, true); p && p->b > cb && comma(p->b - 1)) {
          hops.push_back(hop(*p, v - 1, v, *lemma));
          ce = p->b - 1;
        }
      }
    }
  }

  // Strips a trailing ", citing Y" or ", according to Y" from content
  // [cb, ce), adding its hop.
  void trailing_hops(std::size_t cb, std::size_t& ce, std::vector<attribution_hop>& hops) const {
    for (std::size_t i = ce; i > cb + 1;) {
      --i;
      if (quoted_[i]) break;
      if (comma(i) && (word_is(i + 1, "citing") || word_is(i + 1, "quoting") ||
                       (word_is(i + 1, "according") && word_is(i + 2, "to")))) {
        const std::size_t after = word_is(i + 1, "according") ? i + 3 : i + 2;
        const std::string_view lemma = word_is(i + 1, "according") ? "according to"
                                       : word_is(i + 1, "citing")  ? "cite"
                                                                   : "quote";
        if (auto p = np_right(after, ce)) hops.push_back(hop(*p, i + 1, after, lemma));
        // "..., citing energy prices" gives a reason, not a source: it is no content either.
        ce = i;
        return;
      }
    }
  }

  std::optional<sentence_attribution> read_range(std::size_t lo, std::size_t hi) const {
    // 1. "According to Y, X" / "X, according to Y".
    for (std::size_t i = lo; i + 1 < hi; ++i) {
      if (quoted_[i] || !word_is(i, "according") || !word_is(i + 1, "to")) continue;
      auto p = np_right(i + 2, hi, true);
      if (!p) continue;
      sentence_attribution a;
      a.hops.push_back(hop(*p, i, i + 2, "according to"));
      std::size_t after = p->e;
      // "according to a lawmaker who cited the agency": the clause names the source's source.
      if (word_is(after, "who") || word_is(after, "which")) {
        std::size_t k = after + 1;
        while (k < hi && !comma(k) && !quote(k) && !is_punct(t_[k], ".")) ++k;
        a.hops.back().appositive = span(after, k);
        nested_hops(after, k, a.hops);
        after = k;
      } else if (comma(after)) {
        // ", who was briefed by Z," after the source.
        std::size_t k = after + 1;
        while (k < hi && !comma(k) && !quote(k) && !(k + 1 == hi && is_punct(t_[k], "."))) ++k;
        // Closed by a comma, or by the sentence's end after the content:
        // "X, according to Rep. Lee, who was briefed by the agency."
        const bool closed = k < hi && comma(k);
        const bool ends = i > lo && (k == hi || is_punct(t_[k], ".")) && word_is(after + 1, "who");
        if ((closed || ends) && (word_is(after + 1, "who") || word_is(after + 1, "a") || word_is(after + 1, "an") ||
                                 word_is(after + 1, "the") || cap(after + 1))) {
          a.hops.back().appositive = span(after + 1, k);
          nested_hops(after + 1, k, a.hops);
          after = k;
        }
      }
      // At the start of the sentence (or after a dateline's dash, or a
      // comma after a few words: "In June, according to Y, X") the content
      // follows; otherwise it comes before ("X, according to Y").
      const bool at_start = i == lo || is_punct(t_[i - 1], "-") || is_punct(t_[i - 1], "–") ||
                            is_punct(t_[i - 1], "—") || (comma(i - 1) && !content(lo, i - 1, 3));
      const std::size_t rest = skip_to_content(after, hi);
      auto done =
          at_start && content(rest, hi) ? with_content(std::move(a), rest, hi) : with_content(std::move(a), lo, i);
      if (done) return done;
    }
    // 2. A reporting verb with its source: first one that ends the sentence
    // with the content before it ("X, Lee said."), since a cue inside that
    // content is the source's ("the NIS believes X, Lee said"); then any.
    for (const bool final_only : {true, false}) {
      for (std::size_t n = 0; n < hi - lo; ++n) {
        const std::size_t v = final_only ? hi - 1 - n : lo + n;
        if (quoted_[v] || !is_word(t_[v])) continue;
        const auto lemma = lemma_at(v);
        if (!lemma) continue;
        if (auto a = at_verb(lo, hi, v, *lemma, final_only)) return a;
      }
    }
    // 3. A headline's "X: South Korean spy agency".
    for (std::size_t i = hi; i > lo + 2;) {
      --i;
      if (quoted_[i] || !is_punct(t_[i], ":")) continue;
      // The phrase after the colon must end in a source noun ("spy agency",
      // "officials"), or a headline's subtitle would read as a source.
      auto p = np_right(i + 1, hi);
      if (!p || p->e != hi || !source_noun(base_norm(t_[hi - 1]))) break;
      auto c = content(lo, i);
      if (!c) break;
      sentence_attribution a;
      a.hops.push_back(hop(*p, i, i + 1, "say"));
      a.content = *c;
      return a;
    }
    // 4. "X, citing Y": the article cites Y itself.
    for (std::size_t i = lo + 1; i + 1 < hi; ++i) {
      if (quoted_[i] || !comma(i) || !word_is(i + 1, "citing")) continue;
      auto p = np_right(i + 2, hi);
      if (!p) continue;
      sentence_attribution a;
      a.hops.push_back(hop(*p, i + 1, i + 2, "cite"));
      auto c = content(lo, i);
      if (!c) continue;
      a.content = *c;
      return a;
    }
    return std::nullopt;
  }

  std::optional<sentence_attribution> at_verb(std::size_t lo, std::size_t hi, std::size_t v, std::string_view lemma,
                                              bool final_only) const {
    const bool weak = in(weak_forms, t_[v].norm);
    // "media reports said": a weak form before a reporting verb is a noun.
    if (weak) {
      std::size_t k = v + 1;
      while (k < hi && is_word(t_[k]) && in(verb_adverbs, t_[k].norm)) ++k;
      if (k < hi && strong_verb(k)) return std::nullopt;
    }
    // "Citing Y, X said ...": Y is the source's source.
    std::optional<attribution_hop> leading;
    if ((word_is(lo, "citing") || word_is(lo, "quoting")) && lo + 1 < v) {
      if (auto p = np_right(lo + 1, v); p && comma(p->e)) {
        leading = hop(*p, lo, lo + 1, word_is(lo, "citing") ? "cite" : "quote");
        lo = p->e + 1;
      }
    }
    // "Y was quoted as saying X" / "Y was cited as saying X"; with the
    // outlet that quoted: "Y was quoted by Z as saying X", "“X,” Y was
    // quoted as saying by Z": the article has it from Z, Z from Y.
    if (!final_only && (word_is(v, "quoted") || word_is(v, "cited"))) {
      std::optional<np> by;
      std::size_t as = v + 1, by_at = 0;
      if (word_is(v + 1, "by")) {
        by = np_right(v + 2, hi);
        if (by) as = by->e, by_at = v + 1;
      }
      // Without "as saying" it is another form: "was quoted by Yonhap" is
      // passive, "the ministry cited a survey" source first.
      if (word_is(as, "as") && word_is(as + 1, "saying")) {
        std::size_t vb = v;
        while (vb > lo && is_word(t_[vb - 1]) &&
               in(std::to_array<std::string_view>({"was", "were", "is", "has", "been", "also"}), t_[vb - 1].norm))
          --vb;
        auto p = np_left(lo, vb);
        if (!p) return std::nullopt;
        std::size_t after = as + 2;
        if (!by && word_is(after, "by")) {
          by = np_right(after + 1, hi);
          if (by) by_at = after, after = by->e;
        }
        sentence_attribution a;
        if (by) {
          a.hops.push_back(hop(*by, v, by_at + 1, "quote"));
          a.hops.push_back(hop(*p, as + 1, as + 2, "say"));
        } else {
          a.hops.push_back(hop(*p, v, as + 2, "quote"));
        }
        // "“X,” Y was quoted as saying by Z.": the content comes before.
        if (p->b > lo && (comma(p->b - 1) || quote(p->b - 1)) && after >= hi - 1)
          return with_content(std::move(a), lo, p->b);
        const std::size_t cb = skip_to_content(skip_after_cue(after, hi, &a.hops.front().when), hi);
        return with_content(std::move(a), cb, hi);
      }
    }
    // Passive: "X is believed by Y to ...", "X was estimated by Y at ...".
    if (!final_only && v > lo && word_is(v + 1, "by") &&
        (word_is(v - 1, "is") || word_is(v - 1, "are") || word_is(v - 1, "was") || word_is(v - 1, "were") ||
         word_is(v - 1, "been") || word_is(v - 1, "be"))) {
      if (auto p = np_right(v + 2, hi)) {
        sentence_attribution a;
        a.hops.push_back(hop(*p, v - 1, v + 2, lemma));
        // The content is the whole sentence: the subject before the verb and what follows the source.
        const auto whole = content(lo, hi);
        if (!whole) return std::nullopt;
        a.content = *whole;
        return a;
      }
    }
    // The source before the verb, past adverbs: "the NIS also said", "Lee on Thursday said".
    std::size_t vb = v;
    text_span when_before;
    for (;;) {
      if (vb > lo && is_word(t_[vb - 1]) && in(verb_adverbs, t_[vb - 1].norm)) {
        --vb;
        continue;
      }
      // "on Thursday" before the verb.
      std::size_t k = vb;
      while (k > lo && time_word(t_[k - 1])) --k;
      if (k < vb && k > lo && (word_is(k - 1, "on") || word_is(k - 1, "in"))) {
        when_before = span(k - 1, vb);
        vb = k - 1;
        continue;
      }
      break;
    }
    std::optional<np> src;
    std::size_t apos_b = 0, apos_e = 0;
    if (vb > lo && comma(vb - 1)) {
      // "Lee Seong-kweun, a lawmaker of the ruling party, said": the appositive before the verb.
      const std::size_t open = appositive_open(lo, vb - 1);
      if (open != std::string_view::npos) {
        if (auto p = np_left(lo, open, !weak); p && !p->pronoun) {
          src = p;
          apos_b = open + 1, apos_e = vb - 1;
        }
      }
    } else {
      src = np_left(lo, vb, !weak);
      // "A senior official who asked not to be named said": the clause after the source.
      if (!src || src->b > lo) {
        for (std::size_t w = vb; w > lo && vb - w < 12;) {
          --w;
          if (quoted_[w] || comma(w) || quote(w)) break;
          if (word_is(w, "who") || word_is(w, "which")) {
            if (auto p = np_left(lo, w, !weak); p && !p->pronoun) {
              src = p;
              apos_b = w, apos_e = vb;
            }
            break;
          }
        }
      }
    }
    // Weak forms need a clear source: not "the report" itself.
    if (src && weak && !src->pronoun && src->e != vb) src.reset();
    if (src) {
      sentence_attribution a;
      std::size_t ce_v = v + 1;
      // "told reporters", "told lawmakers on Thursday", "told Yonhap".
      if (lemma == "tell") {
        // The hearer: "told reporters", "told a parliamentary committee", "told Yonhap".
        std::size_t k = v + 1;
        // A subject pronoun opens the content: "told investigators he had".
        auto subject = [&](std::size_t j) { return j > v + 1 && is_word(t_[j]) && in(pronouns, t_[j].norm); };
        while (k < hi && k - v <= 8 && is_word(t_[k]) && !word_is(k, "that") && !quoted_[k] && !subject(k) &&
               !((word_is(k, "on") || word_is(k, "in")) && k + 1 < hi && time_word(t_[k + 1])))
          ++k;
        if (k - v <= 8 && k > v + 1 &&
            (k == hi || !is_word(t_[k]) || word_is(k, "that") || word_is(k, "on") || word_is(k, "in") || subject(k)))
          ce_v = k;
        else if (k > v + 1)
          ce_v = v + 2;
      }
      a.hops.push_back(hop(*src, v, v + 1, lemma));
      attribution_hop& source = a.hops.front();
      source.when = when_before;
      if (apos_e > apos_b) source.appositive = span(apos_b, apos_e);
      std::size_t after = skip_after_cue(ce_v, hi, &source.when);
      if (leading) a.hops.push_back(*leading);
      if (apos_e > apos_b) nested_hops(apos_b, apos_e, a.hops);
      // Content before the source: "X, Lee said." / "“X,” he said."
      const bool before_is_content = src->b > lo && (comma(src->b - 1) || quote(src->b - 1));
      // ", citing Y" / ", according to Y" right after the cue.
      if (comma(after) && (word_is(after + 1, "citing") || word_is(after + 1, "quoting"))) {
        if (auto p = np_right(after + 2, hi)) {
          a.hops.push_back(hop(*p, after + 1, after + 2, word_is(after + 1, "citing") ? "cite" : "quote"));
          after = p->e;
          if (comma(after) && after + 1 < hi && !before_is_content) ++after;
        }
      }
      const bool after_opens = word_is(after, "that") || (after < hi && is_punct(t_[after], ":")) || quote(after) ||
                               (comma(after) && quote(after + 1));
      // "Given the interval, the NIS said a deployment could come": a clause
      // after the cue is the content, and what the comma closed was a lead-in.
      // Not after a closing quote, and not a phrase of time or place ("said
      // after a briefing by the NIS").
      const bool after_clause =
          before_is_content && !quote(src->b - 1) && after < hi && is_word(t_[after]) &&
          !in(std::to_array<std::string_view>({"after", "before", "during", "while", "when", "at", "in", "on", "as",
                                               "following", "since", "from", "to", "with", "without", "amid", "by"}),
              t_[after].norm) &&
          content(after, hi, 4).has_value();
      const bool before_ok = before_is_content && !after_clause && content(lo, src->b).has_value();
      if (final_only && (!before_ok || after_opens)) return std::nullopt;
      if (!before_ok || after_opens) {
        if (auto done = with_content(a, skip_to_content(after, hi), hi)) return done;
      }
      if (!before_ok) return std::nullopt;
      // What follows the cue ("in a statement", ", citing Y") is not content, but may name a source.
      nested_hops(after, hi, a.hops);
      return with_content(std::move(a), lo, src->b);
    }
    // Inverted: "X, said Lee Seong-kweun, a lawmaker." / "“X,” says the report."
    if (v > lo && (comma(v - 1) || quote(v - 1))) {
      if (auto p = np_right(v + 1, hi, !weak)) {
        if (weak && p->pronoun) return std::nullopt;
        sentence_attribution a;
        a.hops.push_back(hop(*p, v, v + 1, lemma));
        std::size_t k = p->e;
        if (comma(k)) {
          std::size_t e = k + 1;
          while (e < hi && !comma(e) && !quote(e) && !is_punct(t_[e], ".")) ++e;
          if (e > k + 1) a.hops.back().appositive = span(k + 1, e);
        }
        nested_hops(k, hi, a.hops);
        return with_content(std::move(a), lo, v);
      }
    }
    return std::nullopt;
  }

  std::string_view text_;
  const std::vector<tok>& t_;
  const std::vector<bool>& quoted_;
  const std::vector<std::string_view>& lemma_;
};

}  // namespace detail::attr

/// Returns the attribution sentence `s` of `text` makes, if it makes one
/// (at most one in this version: the first cue that has a source). Offsets
/// are into `text`. `starts_quoted` says the sentence begins inside a
/// quotation an earlier one opened (`sentence::in_quote`): its words up to
/// the closing mark are quoted, and a cue among them is no cue.
inline std::vector<sentence_attribution> find_attributions(std::string_view text, text_span s,
                                                           bool starts_quoted = false) {
  const auto tokens = detail::attr::tokens_of(text, s, starts_quoted);
  return detail::attr::sentence_reader(text, tokens).read();
}

}  // namespace sourcetrace
