# SPDX-License-Identifier: BSL-1.0
# Warnings for sourcetrace's own tests, examples and tools; not part of the
# exported target, so users' builds are never affected.
add_library(sourcetrace_warnings INTERFACE)
target_compile_options(sourcetrace_warnings INTERFACE
  $<$<CXX_COMPILER_ID:GNU,Clang>:-Wall -Wextra -Wpedantic -Wshadow -Wno-missing-field-initializers>)
option(SOURCETRACE_WERROR "Treat warnings as errors" OFF)
if(SOURCETRACE_WERROR)
  target_compile_options(sourcetrace_warnings INTERFACE $<$<CXX_COMPILER_ID:GNU,Clang>:-Werror>)
endif()
