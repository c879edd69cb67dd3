// SPDX-License-Identifier: BSL-1.0
// What a hostile or broken input costs, with Google Benchmark: reading a
// corpus with n problems, and tracing every statement of a cycle of n
// statements. Both must stay linear in n: the benchmark fits the complexity
// (the "BigO" line Google Benchmark prints) and shows the bytes written.
//
//   bench_robustness [Google Benchmark flags]
//
//   jsonl_errors/N      N JSON Lines records, each with an unknown field
//   document_errors/N   one JSON document of N agents, each of an unknown kind
//   one_line_errors/N   the same shape minified on one line, N claims each with
//                       two bad fields that the reader checks in the reverse
//                       of their order in the text (2N problems)
//   duplicate_ids/N     N JSON Lines agents sharing one id
//   trace_cycle/N       write_trace_json of every statement of one cycle of N
//
// The readers describe the first 100 problems (read_limits::max_errors) and
// count the rest, so the error message stays the same size whatever N.

#include <sourcetrace/analysis/cycles.hpp>
#include <sourcetrace/io/corpus.hpp>
#include <sourcetrace/io/results_json.hpp>

#include <benchmark/benchmark.h>

#include <cstddef>
#include <cstdint>
#include <ostream>
#include <streambuf>
#include <string>

namespace {

using namespace sourcetrace;

// Reads `text`, which has problems, and records the size of the error message.
void read_expecting_problems(benchmark::State& state, const std::string& text, const char* name,
                             std::int64_t per_record = 1) {
  std::size_t message = 0, total = 0;
  for (auto _ : state) {
    try {
      auto g = read_corpus(text, name);
      benchmark::DoNotOptimize(g);
      state.SkipWithError("the corpus was expected to have problems");
      return;
    } catch (const corpus_error& e) {
      message = std::string_view(e.what()).size();
      total = e.total();
    }
  }
  if (total != static_cast<std::size_t>(state.range(0) * per_record)) state.SkipWithError("wrong number of problems");
  state.counters["problems"] = static_cast<double>(total);
  state.counters["message_bytes"] = static_cast<double>(message);
  state.SetComplexityN(state.range(0));
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * text.size()));
}

void jsonl_errors(benchmark::State& state) {
  std::string text;
  for (std::int64_t i = 0; i < state.range(0); ++i) {
    text += R"({"record": "agent", "id": "a)" + std::to_string(i) +
            R"(", "kind": "person", "colour": "red"})"
            "\n";
  }
  read_expecting_problems(state, text, "bad.jsonl");
}

void document_errors(benchmark::State& state) {
  std::string text = "{\"agents\": [\n";
  for (std::int64_t i = 0; i < state.range(0); ++i) {
    text += i ? ",\n" : "";
    text += R"({"id": "a)" + std::to_string(i) + R"(", "kind": "agency"})";
  }
  text += "\n]}\n";
  read_expecting_problems(state, text, "bad.json");
}

void one_line_errors(benchmark::State& state) {
  std::string text = "{\"claims\": [";
  for (std::int64_t i = 0; i < state.range(0); ++i) {
    text += i ? ", " : "";
    text += R"({"id": "c)";
    text += std::to_string(i);
    text += R"(", "modality": "x", "text": 1})";
  }
  text += "]}";
  read_expecting_problems(state, text, "bad.json", 2);
}

void duplicate_ids(benchmark::State& state) {
  std::string text = R"({"record": "agent", "id": "same", "kind": "person"})"
                     "\n";
  for (std::int64_t i = 0; i < state.range(0); ++i)
    text += R"({"record": "agent", "id": "same", "kind": "person"})"
            "\n";
  read_expecting_problems(state, text, "dup.jsonl");
}

// An ostream that only counts what is written to it.
class counting_buffer : public std::streambuf {
 public:
  std::size_t bytes = 0;

 protected:
  std::streamsize xsputn(const char*, std::streamsize n) override {
    bytes += static_cast<std::size_t>(n);
    return n;
  }
  int_type overflow(int_type c) override {
    ++bytes;
    return c;
  }
};

void trace_cycle(benchmark::State& state) {
  const auto n = static_cast<std::size_t>(state.range(0));
  provenance_graph g;
  g.add_agent("p", "P", organization{});
  g.add_claim("c", "a claim");
  for (std::size_t i = 0; i < n; ++i) g.add_statement("s" + std::to_string(i), "p", "c");
  for (std::size_t i = 0; i < n; ++i) {
    g.add_derivation(static_cast<statement_handle>(i), static_cast<statement_handle>((i + 1) % n));
  }
  std::size_t bytes = 0;
  for (auto _ : state) {
    counting_buffer buffer;
    std::ostream out(&buffer);
    write_trace_json(out, g, {.all_statements = true});
    bytes = buffer.bytes;
  }
  state.counters["output_bytes"] = static_cast<double>(bytes);
  state.counters["bytes_per_statement"] = static_cast<double>(bytes) / static_cast<double>(n);
  state.SetComplexityN(state.range(0));
}

}  // namespace

BENCHMARK(jsonl_errors)->RangeMultiplier(10)->Range(1000, 1000000)->Unit(benchmark::kMillisecond)->Complexity();
BENCHMARK(document_errors)->RangeMultiplier(10)->Range(1000, 1000000)->Unit(benchmark::kMillisecond)->Complexity();
BENCHMARK(one_line_errors)->RangeMultiplier(10)->Range(1000, 1000000)->Unit(benchmark::kMillisecond)->Complexity();
BENCHMARK(duplicate_ids)->RangeMultiplier(10)->Range(1000, 1000000)->Unit(benchmark::kMillisecond)->Complexity();
BENCHMARK(trace_cycle)->RangeMultiplier(10)->Range(1000, 1000000)->Unit(benchmark::kMillisecond)->Complexity();

BENCHMARK_MAIN();
