// Declarations of every kernel check. Each runs many cases and records them in the report.
// Differential checks ("diff_*") run every registered variant of an op against its *_ref
// on at least kDiffConfigs random configurations; golden checks compare every variant with
// vectors made by the independent NumPy reference (tools/golden).
#pragma once

#include "tests/kernels/checks/check_report.h"

namespace tt::tests {

inline constexpr int32_t kDiffConfigs = 1000;

// core
void check_simd_ops(CheckReport& r);
void check_requantize_extremes(CheckReport& r);
void check_fixed_point(CheckReport& r);
void check_crc32(CheckReport& r);

// differential, one per op
void diff_conv2d(CheckReport& r);
void diff_depthwise_conv2d(CheckReport& r);
void diff_fully_connected(CheckReport& r);
void diff_max_pool2d(CheckReport& r);
void diff_avg_pool2d(CheckReport& r);
void diff_add(CheckReport& r);
void diff_mul(CheckReport& r);
void diff_softmax(CheckReport& r);
void diff_logistic(CheckReport& r);
void diff_pad(CheckReport& r);
void diff_concatenation(CheckReport& r);
void diff_mean(CheckReport& r);
void diff_quantize(CheckReport& r);
void diff_requantize(CheckReport& r);
void diff_dequantize(CheckReport& r);

// golden vectors from the independent NumPy reference
void golden_all_ops(CheckReport& r);

// argument validation: out-of-range parameters give the documented Status, never a crash
void check_validation(CheckReport& r);

}  // namespace tt::tests
