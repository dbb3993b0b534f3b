// First-fit placement is O(n^2) per order; models have at most a few hundred buffers, so a
// few hundred orders still plan in milliseconds.
#include "tools/compiler/memory_planner.h"

#include <algorithm>
#include <numeric>
#include <random>

namespace tt::compiler {
namespace {

int64_t align_up(int64_t v) { return (v + kBufferAlign - 1) / kBufferAlign * kBufferAlign; }

bool lifetimes_overlap(const Buffer& a, const Buffer& b) {
  return a.first <= b.last && b.first <= a.last;
}

std::vector<int32_t> sorted_order(const std::vector<Buffer>& buffers,
                                  bool (*before)(const Buffer&, const Buffer&)) {
  std::vector<int32_t> order(buffers.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(),
                   [&](int32_t a, int32_t b) { return before(buffers[a], buffers[b]); });
  return order;
}

}  // namespace

Placement place_first_fit(const std::vector<Buffer>& buffers, const std::vector<int32_t>& order,
                          const std::string& strategy) {
  Placement p;
  p.strategy = strategy;
  p.offsets.assign(buffers.size(), -1);
  std::vector<std::pair<int64_t, int64_t>> busy;  // [begin, end) of conflicting placed buffers
  for (int32_t i : order) {
    const Buffer& b = buffers[i];
    busy.clear();
    for (int32_t j = 0; j < static_cast<int32_t>(buffers.size()); ++j) {
      if (p.offsets[j] >= 0 && lifetimes_overlap(b, buffers[j])) {
        busy.emplace_back(p.offsets[j], p.offsets[j] + buffers[j].size);
      }
    }
    std::sort(busy.begin(), busy.end());
    int64_t offset = 0;
    for (const auto& [begin, end] : busy) {
      if (offset + b.size <= begin) break;  // fits in the gap before this one
      offset = std::max(offset, align_up(end));
    }
    p.offsets[i] = offset;
    p.arena_bytes = std::max(p.arena_bytes, offset + b.size);
  }
  return p;
}

int64_t peak_live_bytes(const std::vector<Buffer>& buffers) {
  int32_t last_op = 0;
  for (const Buffer& b : buffers) last_op = std::max(last_op, b.last);
  int64_t peak = 0;
  for (int32_t op = 0; op <= last_op; ++op) {
    int64_t live = 0;
    for (const Buffer& b : buffers) {
      if (b.first <= op && op <= b.last) live += b.size;
    }
    peak = std::max(peak, live);
  }
  return peak;
}

PlannerReport plan_memory(const std::vector<Buffer>& buffers, int32_t random_orders) {
  PlannerReport r;
  r.peak_live_bound = peak_live_bytes(buffers);
  r.tried.push_back(place_first_fit(
      buffers,
      sorted_order(buffers, [](const Buffer& a, const Buffer& b) { return a.size > b.size; }),
      "greedy by size"));
  r.tried.push_back(place_first_fit(buffers,
                                    sorted_order(buffers,
                                                 [](const Buffer& a, const Buffer& b) {
                                                   return a.size * (a.last - a.first + 1) >
                                                          b.size * (b.last - b.first + 1);
                                                 }),
                                    "greedy by size x lifetime"));
  r.tried.push_back(place_first_fit(buffers,
                                    sorted_order(buffers,
                                                 [](const Buffer& a, const Buffer& b) {
                                                   return a.last - a.first != b.last - b.first
                                                              ? a.last - a.first > b.last - b.first
                                                              : a.size > b.size;
                                                 }),
                                    "greedy by lifetime"));
  r.tried.push_back(place_first_fit(
      buffers,
      sorted_order(buffers, [](const Buffer& a, const Buffer& b) { return a.first < b.first; }),
      "in execution order"));
  // Random orders biased towards large buffers first: shuffle, then a stable sort on a
  // coarse size class, so equal-class buffers are tried in many relative orders.
  std::mt19937 rng(0x7474);
  Placement best_random;
  for (int32_t k = 0; k < random_orders; ++k) {
    std::vector<int32_t> order(buffers.size());
    std::iota(order.begin(), order.end(), 0);
    std::shuffle(order.begin(), order.end(), rng);
    if (k % 2 == 0) {
      std::stable_sort(order.begin(), order.end(), [&](int32_t a, int32_t b) {
        return buffers[a].size / 1024 > buffers[b].size / 1024;
      });
    }
    Placement p = place_first_fit(buffers, order, "best of seeded random orders");
    if (best_random.offsets.empty() || p.arena_bytes < best_random.arena_bytes) {
      best_random = std::move(p);
    }
  }
  if (!best_random.offsets.empty()) r.tried.push_back(best_random);
  r.best = r.tried.front();
  for (const Placement& p : r.tried) {
    if (p.arena_bytes < r.best.arena_bytes) r.best = p;
  }
  return r;
}

}  // namespace tt::compiler
