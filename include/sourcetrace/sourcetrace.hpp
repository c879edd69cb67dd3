// SPDX-License-Identifier: BSL-1.0
#pragma once

/// @file
/// The umbrella header: includes every public header of sourcetrace.

#include <sourcetrace/error.hpp>
#include <sourcetrace/time/date.hpp>
