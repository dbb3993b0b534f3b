// The list of every kernel variant, per op. The differential tests run every variant of an
// op against the first one (the *_ref oracle); the benchmarks and `tinytwin kernels` walk
// the same lists, so a new variant is tested and measured as soon as it is listed here.
#pragma once

#include <cstdint>

#include "kernels/activation/logistic.h"
#include "kernels/activation/softmax.h"
#include "kernels/conv/conv2d.h"
#include "kernels/conv/depthwise_conv2d.h"
#include "kernels/conv/fully_connected.h"
#include "kernels/elementwise/add.h"
#include "kernels/elementwise/mul.h"
#include "kernels/pool/avg_pool2d.h"
#include "kernels/pool/max_pool2d.h"
#include "kernels/quant/dequantize.h"
#include "kernels/quant/quantize.h"
#include "kernels/reduce/mean.h"
#include "kernels/shape/concatenation.h"
#include "kernels/shape/pad.h"

namespace tt::kernels {

template <typename Args>
struct KernelVariant {
  const char* name;  // "ref" (the oracle, always first) or "dsp"
  Status (*run)(const Args&);
  int32_t (*scratch_size)(const Args&);  // nullptr: needs no scratch
};

template <typename Args, int32_t N>
struct OpVariants {
  const char* op;  // TFLite builtin operator name
  KernelVariant<Args> variants[N];
  static constexpr int32_t count = N;
};

inline constexpr OpVariants<Conv2dArgs, 2> kConv2d{
    "CONV_2D",
    {{"ref", conv2d_ref, conv2d_ref_scratch_size}, {"dsp", conv2d_dsp, conv2d_dsp_scratch_size}}};
inline constexpr OpVariants<DepthwiseConv2dArgs, 2> kDepthwiseConv2d{
    "DEPTHWISE_CONV_2D",
    {{"ref", depthwise_conv2d_ref, depthwise_conv2d_ref_scratch_size},
     {"dsp", depthwise_conv2d_dsp, depthwise_conv2d_dsp_scratch_size}}};
inline constexpr OpVariants<FullyConnectedArgs, 2> kFullyConnected{
    "FULLY_CONNECTED",
    {{"ref", fully_connected_ref, fully_connected_ref_scratch_size},
     {"dsp", fully_connected_dsp, fully_connected_dsp_scratch_size}}};
inline constexpr OpVariants<Pool2dArgs, 2> kMaxPool2d{
    "MAX_POOL_2D", {{"ref", max_pool2d_ref, nullptr}, {"dsp", max_pool2d_dsp, nullptr}}};
inline constexpr OpVariants<Pool2dArgs, 2> kAvgPool2d{
    "AVERAGE_POOL_2D", {{"ref", avg_pool2d_ref, nullptr}, {"dsp", avg_pool2d_dsp, nullptr}}};
inline constexpr OpVariants<AddArgs, 2> kAdd{
    "ADD", {{"ref", add_ref, nullptr}, {"dsp", add_dsp, nullptr}}};
inline constexpr OpVariants<MulArgs, 2> kMul{
    "MUL", {{"ref", mul_ref, nullptr}, {"dsp", mul_dsp, nullptr}}};
inline constexpr OpVariants<SoftmaxArgs, 2> kSoftmax{
    "SOFTMAX", {{"ref", softmax_ref, nullptr}, {"dsp", softmax_dsp, nullptr}}};
inline constexpr OpVariants<LogisticArgs, 2> kLogistic{
    "LOGISTIC", {{"ref", logistic_ref, nullptr}, {"dsp", logistic_dsp, nullptr}}};
inline constexpr OpVariants<PadArgs, 2> kPad{
    "PAD", {{"ref", pad_ref, nullptr}, {"dsp", pad_dsp, nullptr}}};
inline constexpr OpVariants<ConcatenationArgs, 2> kConcatenation{
    "CONCATENATION", {{"ref", concatenation_ref, nullptr}, {"dsp", concatenation_dsp, nullptr}}};
inline constexpr OpVariants<MeanArgs, 2> kMean{
    "MEAN", {{"ref", mean_ref, nullptr}, {"dsp", mean_dsp, nullptr}}};
inline constexpr OpVariants<QuantizeArgs, 2> kQuantize{
    "QUANTIZE", {{"ref", quantize_ref, nullptr}, {"dsp", quantize_dsp, nullptr}}};
inline constexpr OpVariants<RequantizeArgs, 2> kRequantize{
    "QUANTIZE(int8)", {{"ref", requantize_ref, nullptr}, {"dsp", requantize_dsp, nullptr}}};
inline constexpr OpVariants<DequantizeArgs, 2> kDequantize{
    "DEQUANTIZE", {{"ref", dequantize_ref, nullptr}, {"dsp", dequantize_dsp, nullptr}}};

// Flat (op, variant) listing for tools and reports.
struct RegistryEntry {
  const char* op;
  const char* variant;
};
struct RegistryList {
  const RegistryEntry* entries;
  int32_t size;
};
RegistryList kernel_registry();

}  // namespace tt::kernels
