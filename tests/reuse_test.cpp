// SPDX-License-Identifier: BSL-1.0
// Text reuse (text/reuse.hpp): folding, the LSH plan, verification,
// furniture and the shared passages, on cases worked out by hand.

#include <sourcetrace/analysis/credibility.hpp>
#include <sourcetrace/text/reuse.hpp>

#include <catch.hpp>

#include <cmath>
#include <string>
#include <vector>

namespace st = sourcetrace;

namespace {

// `n` distinct words "<prefix>0 <prefix>1 ...".
std::string words(const std::string& prefix, int n) {
  std::string s;
  // Appends rather than `"text" + std::string&&`, which GCC 12 misreports at -O3 (PR 105651).
  for (int i = 0; i < n; ++i) s.append(i ? " " : "").append(prefix).append(std::to_string(i));
  return s;
}

st::greg::date day(int d) { return st::greg::date(2025, 1, d); }

// The first, plain implementation of fold: one branch per byte. The fast one
// must give the same words, byte for byte.
struct reference_words {
  std::string folded;
  std::vector<std::uint32_t> at, begin, end;
  void clear() {
    folded.clear();
    at.clear();
    begin.clear();
    end.clear();
  }
};

void fold_reference(std::string_view s, reference_words& out) {
  out.clear();
  const std::size_t n = s.size();
  // Each word byte is copied once and each word ends in one space, which
  // stands for at least one byte of the text: never more than n + 1 bytes.
  out.folded.resize(n + 1);
  char* o = out.folded.data();
  std::size_t len = 0, i = 0;
  auto word_at = [&](std::size_t k) {
    const auto c = static_cast<unsigned char>(s[k]);
    return c < 0x80 ? st::detail::reuse::ascii_fold[c] != 0 : st::detail::reuse::word_byte(s, k);
  };
  while (i < n) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x80 ? st::detail::reuse::ascii_fold[c] == 0 : !st::detail::reuse::word_byte(s, i)) {
      i += c < 0x80 ? 1
                    : std::max<std::size_t>({1, st::detail::space_length(s, i), st::detail::utf8_symbol(s, i).length});
      continue;
    }
    out.at.push_back(static_cast<std::uint32_t>(len));
    out.begin.push_back(static_cast<std::uint32_t>(i));
    std::size_t last = i;
    while (i < n) {
      const auto b = static_cast<unsigned char>(s[i]);
      if (b < 0x80) {
        if (const char f = st::detail::reuse::ascii_fold[b]; f != 0) {
          o[len++] = f;
          last = ++i;
          continue;
        }
        if (b == '\'' && i + 1 < n && word_at(i + 1)) {
          ++i;
          continue;
        }
        break;
      }
      if (st::detail::reuse::word_byte(s, i)) {
        o[len++] = static_cast<char>(b);
        last = ++i;
        continue;
      }
      if (const std::size_t ap = st::detail::reuse::apostrophe_length(s, i); ap != 0 && i + ap < n && word_at(i + ap)) {
        i += ap;
        continue;
      }
      break;
    }
    out.end.push_back(static_cast<std::uint32_t>(last));
    o[len++] = ' ';
  }
  out.folded.resize(len);
}

}  // namespace

TEST_CASE("fold: case, apostrophes, dashes, quotes and punctuation fold away, words keep their bytes") {
  st::detail::reuse::folded_words w;
  const std::string text = "Don\u2019t stop\u2014the \u201cCat\u201d said: it's 4.5% well-known";
  st::detail::reuse::fold(text, w);
  CHECK(w.folded == "dont stop the cat said its 4 5 well known ");
  REQUIRE(w.size() == 10);
  CHECK(text.substr(w.begin[0], w.end[0] - w.begin[0]) == "Don\u2019t");
  CHECK(text.substr(w.begin[3], w.end[3] - w.begin[3]) == "Cat");
  CHECK(text.substr(w.begin[9], w.end[9] - w.begin[9]) == "known");
  // Straight and curly spellings of one text fold to the same words.
  st::detail::reuse::folded_words v;
  st::detail::reuse::fold("DON'T stop -- the \"cat\" said; its 4,5 %, well known.", v);
  CHECK(v.folded == w.folded);
  // A word in another script stays a word.
  st::detail::reuse::fold("Zo\u00eb met \u041c\u043e\u0441\u043a\u0432\u0430", v);
  CHECK(v.folded == "zo\u00eb met \u041c\u043e\u0441\u043a\u0432\u0430 ");
}

TEST_CASE("fold: the fast loop gives the words the plain one does, on random text of every kind of byte") {
  // Pieces a news text is made of, and some it should not be: ASCII words and
  // marks, apostrophes straight and curly, dashes, quotes, no-break spaces,
  // other scripts, and a stray continuation byte.
  const std::vector<std::string> pieces = {"a",     "Word",   "x9",     "42",     " ",      "  ",     "\n\n",
                                           "'",     "\u2019", "\u2018", "-",      "\u2014", "\u201c", "\u201d",
                                           ".",     ",",      "\u00a0", "\u00e9", "\u041c", "\u2026", "\u00a3",
                                           "don't", "\x80",   "\t",     "\u202f", "\u20ac9"};
  std::uint64_t state = 7;
  auto next = [&] {
    state = state * 6364136223846793005ull + 1442695040888963407ull;
    return static_cast<std::size_t>(state >> 33);
  };
  st::detail::reuse::folded_words fast;
  reference_words plain;
  for (int round = 0; round < 3000; ++round) {
    // Every other round, long text of mostly plain ASCII: sixteen bytes at a
    // time through the fast path, words across its chunks' edges.
    std::string text;
    const bool ascii = round % 2 == 1;
    const std::size_t n = next() % (ascii ? 300 : 40);
    for (std::size_t i = 0; i < n; ++i) text += pieces[ascii && next() % 16 != 0 ? next() % 5 : next() % pieces.size()];
    st::detail::reuse::fold(text, fast);
    fold_reference(text, plain);
    INFO("text: " << text);
    REQUIRE(fast.size() == plain.at.size());
    CHECK(fast.folded == plain.folded);
    for (std::size_t i = 0; i < fast.size(); ++i) {
      CHECK(fast.at[i] == plain.at[i]);
      CHECK(fast.begin[i] == plain.begin[i]);
      CHECK(fast.end[i] == plain.end[i]);
    }
  }
}

TEST_CASE("plan_lsh: bands and rows follow from the threshold") {
  // t = min(0.5, 0.3 / 1.7) = 0.1765: one row needs ceil(ln 0.01 / ln(1 - t)) = 24 bands;
  // two rows would need 146 bands, 292 values, over 128.
  const auto p = st::plan_lsh({});
  CHECK(p.threshold == Approx(0.3 / 1.7));
  CHECK(p.rows == 1);
  CHECK(p.bands == 24);
  CHECK(p.candidate_probability(p.threshold) >= 0.99);
  // Containment 1: t = 0.5. Rows 1, 2, 3 need 7, 17, 35 bands; 4 rows need 72 (288 values).
  st::reuse_options o;
  o.containment = 1;
  const auto q = st::plan_lsh(o);
  CHECK(q.threshold == 0.5);
  CHECK(q.rows == 3);
  CHECK(q.bands == 35);
  CHECK(q.candidate_probability(0.5) >= 0.99);
  CHECK(q.candidate_probability(0.1) < 0.05);
  o.jaccard = 0;
  CHECK_THROWS_AS(st::plan_lsh(o), std::invalid_argument);
  o.jaccard = 1.5;
  CHECK_THROWS_AS(st::plan_lsh(o), std::invalid_argument);
}

TEST_CASE("direction_of: the later copies the earlier, same day or no date is undecided") {
  CHECK(st::direction_of(day(1), day(2)) == st::reuse_direction::b_copies_a);
  CHECK(st::direction_of(day(3), day(2)) == st::reuse_direction::a_copies_b);
  CHECK(st::direction_of(day(2), day(2)) == st::reuse_direction::undecided);
  CHECK(st::direction_of(day(2), std::nullopt) == st::reuse_direction::undecided);
  CHECK(st::to_string(st::reuse_direction::b_copies_a) == "b copies a");
}

TEST_CASE("find: a copy with a byline added, its exact figures and the passage in characters") {
  // A: 12 words, 8 shingles. B: "Zoë Lark. " then A: 14 words, 10 shingles, 8 of them A's.
  const std::string a = words("w", 12);
  const std::string b = "Zo\u00eb Lark. " + a;
  const std::string c = words("other", 40);
  st::reuse_index idx;
  idx.add(a, day(1));
  idx.add(b, day(2));
  idx.add(c, day(1));
  st::reuse_stats stats;
  const auto pairs = idx.find(&stats);
  REQUIRE(pairs.size() == 1);
  const auto& p = pairs[0];
  CHECK(p.a == 0);
  CHECK(p.b == 1);
  // Two documents hold each shared shingle: every weight is 1.
  CHECK(p.raw_jaccard == Approx(0.8));
  CHECK(p.raw_containment == 1);
  CHECK(p.jaccard == Approx(0.8));
  CHECK(p.containment == 1);
  CHECK(p.direction == st::reuse_direction::b_copies_a);
  // The whole of A; in B after "Zoë Lark. ", 10 characters (11 bytes).
  REQUIRE(p.shared.size() == 1);
  CHECK(p.shared[0].a == st::char_span{0, a.size()});
  CHECK(p.shared[0].b == st::char_span{10, 10 + a.size()});
  CHECK(stats.documents == 3);
  CHECK(stats.pairs == 1);
}

TEST_CASE("find: two copied passages in another order are two passages, each read in both texts") {
  const std::string p1 = words("alpha", 10), p2 = words("beta", 10);
  const std::string a = p1 + ". " + p2 + ".";
  const std::string b = words("new", 3) + " " + p2 + ". " + p1 + ".";
  st::reuse_index idx;
  idx.add(a);
  idx.add(b);
  const auto pairs = idx.find();
  REQUIRE(pairs.size() == 1);
  CHECK(pairs[0].direction == st::reuse_direction::undecided);
  REQUIRE(pairs[0].shared.size() == 2);
  const auto& s = pairs[0].shared;
  CHECK(a.substr(s[0].a.begin, s[0].a.end - s[0].a.begin) == p1);
  CHECK(b.substr(s[0].b.begin, s[0].b.end - s[0].b.begin) == p1);
  CHECK(a.substr(s[1].a.begin, s[1].a.end - s[1].a.begin) == p2);
  CHECK(b.substr(s[1].b.begin, s[1].b.end - s[1].b.begin) == p2);
}

TEST_CASE("find: site furniture is down-weighted by how many documents hold it, and counts nothing within a site") {
  // Six pages: a 10-word body of their own, then 30 words of furniture.
  // 36 shingles each: 10 hold a body word, 26 are furniture, held by all six.
  // Weight at 6 documents: w = 1 / (1 + log2 3) = 0.3869, so 26w = 10.06;
  // containment 26w / (10 + 26w) = 0.5015, Jaccard 26w / (20 + 26w) = 0.3346.
  const std::string furniture = words("nav", 30);
  std::vector<std::string> pages;
  for (int i = 0; i < 6; ++i) pages.push_back(words("body" + std::to_string(i) + "x", 10) + " " + furniture);
  const double w = 1 / (1 + std::log2(3.0));
  SECTION("sites unknown: down-weighted, not removed") {
    st::reuse_index idx;
    for (const auto& p : pages) idx.add(p);
    const auto pairs = idx.find();
    REQUIRE(pairs.size() == 15);
    for (const auto& p : pairs) {
      CHECK(p.raw_containment == Approx(26.0 / 36));
      CHECK(p.raw_jaccard == Approx(26.0 / 46));
      CHECK(p.containment == Approx(26 * w / (10 + 26 * w)));
      CHECK(p.jaccard == Approx(26 * w / (20 + 26 * w)));
    }
    // Found by containment (over 0.3, not by Jaccard); a containment threshold of 0.6 leaves them out.
    st::reuse_options o;
    o.containment = 0.6;
    st::reuse_index strict(o);
    for (const auto& p : pages) strict.add(p);
    CHECK(strict.find().empty());
  }
  SECTION("one site: its furniture counts nothing, and no page copies another") {
    st::reuse_index idx;
    for (const auto& p : pages) idx.add(p, std::nullopt, "news.test");
    st::reuse_stats stats;
    CHECK(idx.find(&stats).empty());
    CHECK(stats.candidates == 15);
  }
  SECTION("two pages on each of three sites: no site holds the text three times, so it is only down-weighted") {
    st::reuse_index idx;
    const char* sites[] = {"a.test", "b.test", "c.test"};
    for (int i = 0; i < 6; ++i) idx.add(pages[i], std::nullopt, sites[i / 2]);
    CHECK(idx.find().size() == 15);
  }
}

TEST_CASE("find: a wire story reprinted by three outlets with local paragraphs is found, every pair") {
  // The wire: 30 words, 26 shingles. Each reprint: 10 local words, then the wire.
  // Wire shingles are held by 4 documents: weight 1 / (1 + log2 2) = 0.5.
  // Wire and reprint: containment 13 / 13 = 1. Two reprints: 13 / (10 + 13) = 0.565.
  const std::string wire = words("wire", 30);
  std::vector<std::string> reprints;  // the index keeps views: the texts outlive it
  for (int i = 0; i < 3; ++i) reprints.push_back(words("local" + std::to_string(i) + "x", 10) + " " + wire);
  st::reuse_index idx;
  idx.add(wire, day(1), "wire.test");
  for (int i = 0; i < 3; ++i) idx.add(reprints[i], day(2 + i), "paper" + std::to_string(i) + ".test");
  const auto pairs = idx.find();
  REQUIRE(pairs.size() == 6);
  CHECK(pairs[0].a == 0);
  CHECK(pairs[0].b == 1);
  CHECK(pairs[0].containment == Approx(1));
  CHECK(pairs[0].direction == st::reuse_direction::b_copies_a);
  CHECK(pairs[3].a == 1);
  CHECK(pairs[3].b == 2);
  CHECK(pairs[3].containment == Approx(13.0 / 23));
}

TEST_CASE("find: texts shorter than a shingle, and empty texts, pair with nothing") {
  st::reuse_index idx;
  idx.add("");
  idx.add("four words only here");
  idx.add("four words only here");
  idx.add("... -- !!");
  CHECK(idx.candidates().empty());
  CHECK(idx.find().empty());
}

TEST_CASE("candidates: the LSH stage proposes nearly every pair brute force finds at its threshold") {
  // 300 documents of 200 words from a 5,000-word vocabulary; 100 of them
  // copy part of an earlier one (a run of 40 to 200 of its words) into words
  // of their own. Brute force: every pair whose exact Jaccard reaches the
  // plan's threshold.
  std::uint64_t state = 42;
  auto next = [&] {
    state = state * 6364136223846793005ull + 1442695040888963407ull;
    return static_cast<std::uint32_t>(state >> 33);
  };
  std::vector<std::vector<std::string>> docs;
  for (int d = 0; d < 300; ++d) {
    std::vector<std::string> w;
    for (int i = 0; i < 200; ++i) w.push_back(std::string("v").append(std::to_string(next() % 5000)));
    if (d >= 200) {
      const auto& src = docs[next() % 200];
      const std::size_t len = 40 + next() % 161, at = next() % (200 - len + 1), to = next() % (200 - len + 1);
      for (std::size_t i = 0; i < len; ++i) w[to + i] = src[at + i];
    }
    docs.push_back(std::move(w));
  }
  std::vector<std::string> texts;
  for (const auto& w : docs) {
    std::string s;
    for (const auto& x : w) s += x + " ";
    texts.push_back(std::move(s));
  }
  st::reuse_index idx;
  for (const auto& t : texts) idx.add(t);
  const auto cand = idx.candidates();
  st::detail::reuse::folded_words scratch;
  std::vector<st::detail::reuse::shingle_set> sets;
  for (const auto& t : texts) sets.push_back(st::detail::reuse::shingles_of(t, 5, scratch));
  std::size_t truth = 0, proposed = 0;
  for (std::uint32_t a = 0; a < texts.size(); ++a) {
    for (std::uint32_t b = a + 1; b < texts.size(); ++b) {
      if (st::detail::reuse::exact_jaccard(sets[a], sets[b]) < idx.plan().threshold) continue;
      ++truth;
      proposed += std::binary_search(cand.begin(), cand.end(), std::make_pair(a, b));
    }
  }
  REQUIRE(truth >= 50);
  CHECK(static_cast<double>(proposed) / static_cast<double>(truth) >= 0.98);
}

TEST_CASE("add_copies: a copy joins its source through the claims both state, and the two are one chain") {
  // Three outlets state claim "fees" in their own voice; B copies A (a day
  // later); C is independent of both. C also cites the board for claim
  // "dredge", which A states too: B's copy of A reaches the board, not only A.
  st::provenance_graph g;
  for (const char* o : {"a-post", "b-news", "c-daily"}) g.add_agent(o, o, st::outlet{});
  g.add_agent("board", "Harbour board", st::organization{});
  const auto ea = g.add_event("a", st::event_kind::publication, "2025-03-03", "a-post");
  const auto eb = g.add_event("b", st::event_kind::publication, "2025-03-04", "b-news");
  const auto ec = g.add_event("c", st::event_kind::publication, "2025-03-04", "c-daily");
  g.add_event("meeting", st::event_kind::statement, "2025-03-02", "board");
  g.add_claim("fees", "mooring fees rise by nine percent");
  g.add_claim("dredge", "the money pays for dredging");
  g.report("a", "fees");
  g.report("b", "fees");
  g.report("c", "fees");
  g.report("a", "dredge").via("meeting");
  g.report("b", "dredge");
  const auto before = st::duplicates(g, st::origins(g));
  REQUIRE(before[0].report_count == 3);
  CHECK(before[0].unsourced_origins == 3);
  CHECK(before[1].unsourced_origins == 1);  // B's own voice on "dredge"
  CHECK(before[1].independent_origins == 1);

  st::reuse_pair p;
  p.a = 0;
  p.b = 1;
  p.jaccard = 0.81234;
  p.containment = 0.9;
  p.direction = st::reuse_direction::b_copies_a;
  const std::vector<st::event_handle> articles = {ea, eb, ec};
  const auto added = st::add_copies(g, articles, std::span<const st::reuse_pair>(&p, 1));
  CHECK(added.on_claims == 1);
  CHECK(added.on_text == 0);
  CHECK(added.derivations == 2);  // B's "fees" and "dredge" each derive from A's
  const auto from = g.statement_id("fees/b-news@b"), to = g.statement_id("fees/a-post@a");
  const st::copy_evidence* c = g.copy_of(from, to);
  REQUIRE(c != nullptr);
  CHECK(c->jaccard == 0.812);
  CHECK(c->containment == 0.9);
  CHECK_FALSE(c->undecided);

  const auto m = st::origins(g);
  const auto after = st::duplicates(g, m);
  // "fees": A and B are one chain on A's unsourced statement; C stands apart.
  CHECK(after[0].report_count == 3);
  CHECK(after[0].unsourced_origins == 2);
  CHECK(after[0].clusters.size() == 2);
  // "dredge": B's copy rests on the board through A; no unsourced origin is left.
  CHECK(after[1].unsourced_origins == 0);
  CHECK(after[1].independent_origins == 1);
  CHECK(after[1].clusters.size() == 1);
  const auto grades = st::grade(g, m, after, st::drift(g, m));
  CHECK(grades[1].grade == st::credibility_grade::possible);

  // Adding the same pair again changes nothing.
  const auto derivations = g.derivation_count();
  st::add_copies(g, articles, std::span<const st::reuse_pair>(&p, 1));
  CHECK(g.derivation_count() == derivations);
}

TEST_CASE("add_copies: without shared claims, one claim stands for the text; undecided and declared pairs") {
  st::provenance_graph g;
  for (const char* o : {"a-post", "b-news", "c-daily"}) g.add_agent(o, o, st::outlet{});
  st::event_info headline;
  headline.title = "Fees rise";
  const auto ea = g.add_event("a", st::event_kind::publication, "2025-03-03", "a-post", headline);
  const auto eb = g.add_event("b", st::event_kind::publication, "2025-03-03", "b-news");
  const auto ec = g.add_event("c", st::event_kind::publication, "2025-03-05", "c-daily");
  // A and B on one day (undecided), C later copies B: one group, named after A.
  st::reuse_pair ab{0, 1, 0.7, 0.8, 0.7, 0.8, st::reuse_direction::undecided, {}};
  st::reuse_pair bc{1, 2, 0.6, 0.75, 0.6, 0.75, st::reuse_direction::b_copies_a, {}};
  const std::vector<st::reuse_pair> pairs = {ab, bc};
  const std::vector<st::event_handle> articles = {ea, eb, ec};
  const auto added = st::add_copies(g, articles, pairs);
  CHECK(added.on_text == 2);
  REQUIRE(g.find_claim("text/a"));
  CHECK(g[*g.find_claim("text/a")].text == "the text of \"Fees rise\", which its copies repeat");
  const st::copy_evidence* u = g.copy_of(g.statement_id("text/a/b-news@b"), g.statement_id("text/a/a-post@a"));
  REQUIRE(u != nullptr);
  CHECK(u->undecided);
  REQUIRE(g.copy_of(g.statement_id("text/a/c-daily@c"), g.statement_id("text/a/b-news@b")) != nullptr);
  const auto r = st::duplicates(g, st::origins(g));
  CHECK(r[0].report_count == 3);
  CHECK(r[0].unsourced_origins == 1);
  CHECK(r[0].clusters.size() == 1);

  // A copy already declared by another kind is left as it is.
  st::provenance_graph h;
  for (const char* o : {"a-post", "b-news"}) h.add_agent(o, o, st::outlet{});
  const auto ha = h.add_event("a", st::event_kind::publication, "2025-03-03", "a-post");
  const auto hb = h.add_event("b", st::event_kind::publication, "2025-03-04", "b-news");
  h.add_claim("fees", "fees rise");
  h.report("b", "fees").via("a", st::derivation_kind::quotes);
  const st::reuse_pair declared{0, 1, 0.9, 0.9, 0.9, 0.9, st::reuse_direction::b_copies_a, {}};
  const std::vector<st::event_handle> both = {ha, hb};
  const auto kept = st::add_copies(h, both, std::span<const st::reuse_pair>(&declared, 1));
  CHECK(kept.declared == 1);
  CHECK(kept.derivations == 0);
  CHECK(h.derivation_count() == 1);
  CHECK_THROWS(h.set_copy(h.statement_id("fees/b-news@b"), h.statement_id("fees/a-post@a"), {}));
}

TEST_CASE("find: furniture weighs nothing only between pages of its site, so another site's copy is still found") {
  // One site prints one story at three addresses; another site copies it.
  const std::string story = words("story", 40);
  st::reuse_index idx;
  for (int i = 0; i < 3; ++i) idx.add(story, day(1), "alpha.test");
  idx.add(story, day(2), "delta.test");
  const auto pairs = idx.find();
  // Alpha's three pages share only their site's furniture; Delta copies each.
  REQUIRE(pairs.size() == 3);
  for (std::uint32_t i = 0; i < 3; ++i) {
    CHECK(pairs[i].a == i);
    CHECK(pairs[i].b == 3);
    CHECK(pairs[i].jaccard == 1);
    CHECK(pairs[i].direction == st::reuse_direction::b_copies_a);
  }
}

TEST_CASE("candidates: a text printed more often than max_bucket pairs each copy with its earliest only") {
  const std::string text = words("wire", 20);
  st::reuse_options o;
  o.max_bucket = 4;
  st::reuse_index idx(o);
  // Six copies; the fourth is the earliest.
  for (int i = 0; i < 6; ++i) idx.add(text, day(i == 3 ? 1 : 10 + i));
  st::reuse_stats stats;
  const auto cand = idx.candidates(&stats);
  CHECK(stats.skipped_buckets == idx.plan().bands);
  const std::vector<std::pair<std::uint32_t, std::uint32_t>> star = {{0, 3}, {1, 3}, {2, 3}, {3, 4}, {3, 5}};
  CHECK(cand == star);
  // Under the limit, every two.
  st::reuse_index all;
  for (int i = 0; i < 4; ++i) all.add(text);
  CHECK(all.candidates().size() == 6);
}
