# SPDX-License-Identifier: BSL-1.0
# Runs a program and checks its whole standard output against a file, byte for
# byte, and that it exits 0: the check boostorg/graph's kevin-bacon example
# test makes, which a PASS_REGULAR_EXPRESSION cannot (it ignores the exit code
# and every line it does not name).
#
#   cmake -DEXPECTED=<file> -DACTUAL=<file> -P run_and_compare.cmake -- <program> [args...]
#
# The output is kept in ACTUAL, so after an intended change
#   cp <ACTUAL> <EXPECTED>
# updates the expectation. On a difference the script prints `diff -u` when
# there is one on PATH, and both outputs whole otherwise.
cmake_minimum_required(VERSION 3.25)

if(NOT DEFINED EXPECTED OR NOT DEFINED ACTUAL)
  message(FATAL_ERROR "run_and_compare.cmake: pass -DEXPECTED=<file> -DACTUAL=<file>")
endif()

# The command is everything after "--", taken argument by argument, with its
# semicolons escaped so that no argument is split in two.
set(command)
set(shown)
set(seen_separator FALSE)
math(EXPR last "${CMAKE_ARGC} - 1")
foreach(i RANGE ${last})
  if(seen_separator)
    string(REPLACE ";" "\\;" argument "${CMAKE_ARGV${i}}")
    list(APPEND command "${argument}")
    string(APPEND shown " ${CMAKE_ARGV${i}}")
  elseif(CMAKE_ARGV${i} STREQUAL "--")
    set(seen_separator TRUE)
  endif()
endforeach()
if(NOT command)
  message(FATAL_ERROR "run_and_compare.cmake: no program after --")
endif()

execute_process(COMMAND ${command}
  OUTPUT_FILE "${ACTUAL}"
  ERROR_VARIABLE stderr
  RESULT_VARIABLE status)

if(NOT status STREQUAL "0")
  message(NOTICE "${stderr}")
  message(FATAL_ERROR "run_and_compare.cmake:${shown}: exited with ${status} (its standard error is above)")
endif()

execute_process(COMMAND "${CMAKE_COMMAND}" -E compare_files "${EXPECTED}" "${ACTUAL}"
  RESULT_VARIABLE differs)
if(differs STREQUAL "0")
  return()
endif()

# The difference goes straight to standard output: message() would rewrap it.
find_program(DIFF_PROGRAM diff)
if(DIFF_PROGRAM)
  execute_process(COMMAND "${DIFF_PROGRAM}" -u "${EXPECTED}" "${ACTUAL}")
else()
  file(READ "${EXPECTED}" expected_text)
  file(READ "${ACTUAL}" actual_text)
  message(NOTICE "expected:\n${expected_text}\nactual:\n${actual_text}")
endif()
message(FATAL_ERROR "run_and_compare.cmake:${shown}: the output differs from ${EXPECTED} (the difference is above). "
                    "If the change is intended: cp ${ACTUAL} ${EXPECTED}")
