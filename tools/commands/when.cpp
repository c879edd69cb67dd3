// SPDX-License-Identifier: BSL-1.0
// sourcetrace when: resolve date expressions against a publication date.

#include "../common.hpp"
#include "commands.hpp"

#include <sourcetrace/detail/json_escape.hpp>
#include <sourcetrace/text/relative_date.hpp>
#include <sourcetrace/time/date.hpp>

#include <cstdio>
#include <memory>

namespace sourcetrace_cli {
namespace {

struct when_options {
  std::string published;
  std::vector<std::string> expressions;
  std::string anchor;
  std::string anchor_id = "anchor";
  std::string tense = "cues";
  bool explain = false;
  bool json = false;
};

// One result as a JSON object with sorted keys: `first` and `last` are the
// known days, null on an open side, so no reader takes the calendar's end for
// a day that was named.
std::string result_json(const std::string& expression, const st::date_resolution& r) {
  std::string s = "{\"expression\": ";
  st::detail::append_json_string(s, expression);
  auto day_or_null = [&](bool known, st::greg::date d) {
    if (!known) {
      s += "null";
      return;
    }
    st::detail::append_json_string(s, st::to_iso(d));
  };
  const auto& v = r.value;
  s += ", \"first\": ";
  day_or_null(v && !v->open_start(), v ? v->first() : st::greg::date());
  s += ", \"last\": ";
  day_or_null(v && !v->open_end(), v ? v->last() : st::greg::date());
  s += ", \"open_end\": ";
  s += v ? (v->open_end() ? "true" : "false") : "null";
  s += ", \"open_start\": ";
  s += v ? (v->open_start() ? "true" : "false") : "null";
  s += ", \"precision\": ";
  if (v) {
    st::detail::append_json_string(s, st::to_string(v->precision()));
  } else {
    s += "null";
  }
  s += ", \"rule\": ";
  st::detail::append_json_string(s, r.rule);
  s += ", \"value\": ";
  if (v) {
    st::detail::append_json_string(s, v->to_string());
  } else {
    s += "null";
  }
  s += "}";
  return s;
}

int run_when(const when_options& o) {
  auto d = st::partial_date::parse(o.published);
  if (!d.is_day()) throw st::error::invalid_date(o.published, "--published must be a day, YYYY-MM-DD");
  st::resolve_options options{o.tense == "past"     ? st::date_tense::past
                              : o.tense == "future" ? st::date_tense::future
                                                    : st::date_tense::from_cues};
  if (!o.anchor.empty()) options.anchor = st::date_anchor{st::partial_date::parse(o.anchor), o.anchor_id};
  for (const auto& e : o.expressions) {
    auto r = st::resolve_date(e, d.first(), options);
    std::string line;
    if (o.json) {
      line = result_json(e, r);
    } else {
      line = r.value ? r.value->to_string() : "unresolved";
      if (o.explain) {
        line += '\t';
        line += e;
        line += '\t';
        line += r.rule;
      }
    }
    std::printf("%s\n", line.c_str());
  }
  return exit_ok;
}

}  // namespace

void add_when(CLI::App& app) {
  auto o = std::make_shared<when_options>();
  auto* sub = app.add_subcommand("when", "resolve date expressions against a publication date");
  sub->add_option("--published", o->published, "the document's publication date, YYYY-MM-DD")->required();
  sub->add_option("EXPR", o->expressions, "expressions such as \"last Thursday\"")->required();
  sub->add_option("--anchor", o->anchor,
                  "the date of the event that expressions such as \"a month after the visit\" count from "
                  "(ISO 8601, as in a corpus)");
  sub->add_option("--anchor-id", o->anchor_id, "the anchor event's name in the rule (default \"anchor\")");
  sub->add_option("--tense", o->tense,
                  "cues (default: backward unless a cue looks forward), past, or future (the statement looks ahead)")
      ->check(CLI::IsMember({"cues", "past", "future"}));
  sub->add_flag("--explain", o->explain, "also print the expression and the rule applied, tab-separated");
  sub->add_flag("--json", o->json, "print one JSON object per expression, with its known first and last days");
  sub->callback([o] { finish(run_when(*o)); });
}

}  // namespace sourcetrace_cli
