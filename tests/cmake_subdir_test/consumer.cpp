// SPDX-License-Identifier: BSL-1.0
// A user's program: builds one chain of the seed story and prints the verdict.
#include <sourcetrace/sourcetrace.hpp>

#include <iostream>

int main() {
  using namespace sourcetrace;
  provenance_graph g;
  g.add_agent("nis", "National Intelligence Service", organization{"intelligence agency", "South Korea"});
  g.add_agent("lee", "Lee Seong-kweun", person{"lawmaker", "People Power Party"});
  for (const char* o : {"herald", "blog", "site"}) g.add_agent(o, o, outlet{});
  g.add_event("briefing", event_kind::briefing, "2025-06-26", "nis");
  g.add_event("herald-0627", event_kind::publication, "2025-06-27", "herald");
  g.add_event("blog-06", event_kind::publication, "2025-06", "blog");
  g.add_event("site-06", event_kind::publication, "2025-06", "site");
  g.add_claim("deploy", "More North Korean troops may go to Russia in July or August 2025");
  g.report("herald-0627", "deploy").via("lee").via("briefing");
  g.report("blog-06", "deploy").via("briefing");
  g.report("site-06", "deploy").via("lee");
  std::cout << summary(duplicates(g, origins(g))[0]) << "\n";
}
