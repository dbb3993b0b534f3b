#include "kernels/registry.h"

namespace tt::kernels {
namespace {

template <typename Ops>
constexpr int32_t append(RegistryEntry* out, int32_t at, const Ops& ops) {
  for (int32_t i = 0; i < Ops::count; ++i)
    out[at + i] = RegistryEntry{ops.op, ops.variants[i].name};
  return at + Ops::count;
}

struct Table {
  RegistryEntry entries[64];
  int32_t size;
};

constexpr Table make_table() {
  Table t{};
  int32_t n = 0;
  n = append(t.entries, n, kConv2d);
  n = append(t.entries, n, kDepthwiseConv2d);
  n = append(t.entries, n, kFullyConnected);
  n = append(t.entries, n, kMaxPool2d);
  n = append(t.entries, n, kAvgPool2d);
  n = append(t.entries, n, kAdd);
  n = append(t.entries, n, kMul);
  n = append(t.entries, n, kSoftmax);
  n = append(t.entries, n, kLogistic);
  n = append(t.entries, n, kPad);
  n = append(t.entries, n, kConcatenation);
  n = append(t.entries, n, kMean);
  n = append(t.entries, n, kQuantize);
  n = append(t.entries, n, kRequantize);
  n = append(t.entries, n, kDequantize);
  t.size = n;
  return t;
}

constexpr Table kTable = make_table();

}  // namespace

RegistryList kernel_registry() { return RegistryList{kTable.entries, kTable.size}; }

}  // namespace tt::kernels
