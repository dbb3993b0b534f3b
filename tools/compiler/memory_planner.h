// Static arena planning: every buffer (a group of tensors sharing memory, or one op's
// scratch) has a size and a lifetime [first, last] in op indices; two buffers whose
// lifetimes overlap must not overlap in memory. Finding the smallest arena is NP-hard
// (interval colouring with sizes), so we run several greedy orders, including TFLM's
// greedy-by-size, plus seeded random orders, and keep the smallest result. The peak of
// simultaneously live bytes is a lower bound no placement can beat; we report both.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace tt::compiler {

struct Buffer {
  int64_t size = 0;
  int32_t first = 0, last = 0;  // inclusive op indices
};

struct Placement {
  std::string strategy;
  std::vector<int64_t> offsets;  // per buffer
  int64_t arena_bytes = 0;
};

struct PlannerReport {
  Placement best;
  std::vector<Placement> tried;  // every strategy's result, best first is not implied
  int64_t peak_live_bound = 0;
};

inline constexpr int64_t kBufferAlign = 16;  // every buffer starts 16-byte aligned

// Places buffers in `order` at the lowest aligned offset free for their whole lifetime.
Placement place_first_fit(const std::vector<Buffer>& buffers, const std::vector<int32_t>& order,
                          const std::string& strategy);

// The largest sum of sizes of buffers live at the same op.
int64_t peak_live_bytes(const std::vector<Buffer>& buffers);

// Runs every strategy (greedy by size first, as TFLM does) and keeps the smallest arena.
PlannerReport plan_memory(const std::vector<Buffer>& buffers, int32_t random_orders = 200);

}  // namespace tt::compiler
