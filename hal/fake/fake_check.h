// Misuse checks for the fakes. The interfaces call misuse undefined behaviour and real
// backends merely assert (compiled out in Release); the fakes exist to catch app bugs in
// tests, so they check always, name the rule broken and abort.
#pragma once

#include <cstdio>
#include <cstdlib>

#define TT_FAKE_CHECK(cond, msg)                                                     \
  do {                                                                               \
    if (!(cond)) {                                                                   \
      std::fprintf(stderr, "%s:%d: fake HAL misuse: %s\n", __FILE__, __LINE__, msg); \
      std::abort();                                                                  \
    }                                                                                \
  } while (0)
