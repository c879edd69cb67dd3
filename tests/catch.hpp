// SPDX-License-Identifier: BSL-1.0
#pragma once

// Accepts Catch2 v2 (Debian 12's 2.13, a single header) and v3 (split headers).
#if __has_include(<catch2/catch_all.hpp>)
#include <catch2/catch_all.hpp>
#else
#ifdef SOURCETRACE_CATCH_MAIN
#define CATCH_CONFIG_MAIN
#endif
#include <catch2/catch.hpp>
#endif
