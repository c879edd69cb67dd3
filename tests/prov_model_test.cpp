// SPDX-License-Identifier: BSL-1.0
#include <sourcetrace/io/prov_model.hpp>

#include "catch.hpp"
#include "prov_fixture.hpp"

#include <sourcetrace/analysis/origins.hpp>

#include "data/seed_story.hpp"

#include <algorithm>
#include <cstdint>
#include <map>
#include <string>
#include <tuple>
#include <vector>

using namespace sourcetrace;
using namespace prov_fixture;

TEST_CASE("record types are named as in PROV-N and PROV-JSON") {
  CHECK(to_string(prov_record_type::generation) == "wasGeneratedBy");
  CHECK(to_string(prov_record_type::delegation) == "actedOnBehalfOf");
  CHECK(to_string(prov_record_type::other) == "other");
  CHECK(prov_record_type_from_string("wasDerivedFrom") == prov_record_type::derivation);
  CHECK_FALSE(prov_record_type_from_string("wasQuotedFrom"));
  CHECK(prov_formal_arguments(prov_record_type::derivation).size() == 5);
  CHECK(prov_formal_arguments(prov_record_type::derivation)[1].name == "prov:usedEntity");
  CHECK(prov_formal_arguments(prov_record_type::entity).empty());
  CHECK(is_qualified_name_datatype("xsd:QName"));
  CHECK(is_qualified_name_datatype("prov:QualifiedName"));
  CHECK(is_qualified_name_datatype("prov:QUALIFIED_NAME"));
  CHECK_FALSE(is_qualified_name_datatype("xsd:string"));
}

TEST_CASE("qualified names expand through the prefixes in scope") {
  prov_document d;
  d.prefixes["ex"] = "https://example.org/";
  d.default_namespace = "https://default.example/";
  prov_bundle b;
  b.prefixes["ex"] = "https://bundle.example/";
  CHECK(prov_expand("ex:a", d) == "https://example.org/a");
  CHECK(prov_expand("ex:a", b, &d) == "https://bundle.example/a");
  CHECK(prov_expand("a", b, &d) == "https://default.example/a");
  CHECK(prov_expand("prov:Person", d) == std::string(prov_namespace_uri) + "Person");
  CHECK_FALSE(prov_expand("nope:a", d));
}
