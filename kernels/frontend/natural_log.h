// Natural logarithm of a float, computed the same way on every target.
//
// The log-mel energies feed int8 features that must be identical on the host and on the
// Cortex-M7, and glibc's and newlib's logf may differ in the last bit. This version uses
// only exactly rounded IEEE operations: the exponent and mantissa are taken from the bits,
// the mantissa is brought into [sqrt(1/2), sqrt(2)), and ln m = 2 atanh((m - 1) / (m + 1))
// is a fixed polynomial evaluated in double in a fixed order. The result is the float
// nearest the double value, within one ulp of the true logarithm.
#pragma once

namespace tt::kernels::frontend {

// ln(x) for x > 0, including subnormals; -infinity for +-0, NaN for negative x and NaN,
// +infinity for +infinity.
float natural_log(float x);

}  // namespace tt::kernels::frontend
