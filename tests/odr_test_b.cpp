// SPDX-License-Identifier: BSL-1.0
#include <sourcetrace/sourcetrace.hpp>

#include <string>

std::string odr_b_date() { return sourcetrace::partial_date::month(2025, 6).to_string(); }
