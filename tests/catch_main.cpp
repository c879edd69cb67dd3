// SPDX-License-Identifier: BSL-1.0
// Catch2's main, compiled once for every test program.
#define SOURCETRACE_CATCH_MAIN
#include "catch.hpp"
