"""Independent NumPy reference of the TFLite int8 operator semantics.

This module is the oracle for TinyTwin's C++ kernels. It is written from the public TFLite int8
quantization spec, the TFLM reference integer kernels and gemmlowp's fixed-point algorithms,
never from our C++ implementation, so that it catches mistakes in it.

Conventions:
  * Tensors are NumPy arrays in NHWC layout (conv filters [Cout, KH, KW, Cin], depthwise filters
    [1, KH, KW, Cout], fully-connected filters [units, depth]), as in kernels/**/*.h.
  * Every op takes explicit quantization parameters (zero points, Q31 multipliers and shifts)
    and returns an int8 array (float32 for dequantize). Helpers further down derive those
    parameters from float scales the way the TFLite/TFLM Prepare() functions do.
  * Integer paths are exact: Python ints for scalar fixed-point math, np.int64 for arrays, no
    floating point. Every intermediate that is an int32 in C is checked to stay inside int32
    (the reference raises instead of silently modelling undefined behaviour).

Where our kernel headers document a choice that differs from TFLite's reference code, this
module follows the headers (each is a deliberate project decision, listed here so a .tflite
conformance run knows where to expect differences):
  * multiply_by_quantized_multiplier: the left shift `x << shift` (shift > 0) saturates to int32
    instead of overflowing.
  * quantize_multiplier: shift > 30 is clamped to (2^31 - 1, 30) (TFLite's single-rounding
    build does the same; its double-rounding build would return shift 31). For SOFTMAX with
    a large beta this changes diff_min from 0 to -1 but no output.
  * QUANTIZE float -> int8: NaN -> zero point and +-inf saturate (TFLite leaves them
    undefined); the division is in float32 exactly as TFLite's AffineQuantize.
"""

import math

import numpy as np

INT32_MIN = -(1 << 31)
INT32_MAX = (1 << 31) - 1
INT8_MIN = -128
INT8_MAX = 127


class OutOfSpecError(ValueError):
    """A parameter or intermediate is outside the range where the TFLite semantics are defined."""


def _require(cond, msg):
    if not cond:
        raise OutOfSpecError(msg)


def _check_int32_array(a, what):
    a = np.asarray(a)
    if a.size and (a.min() < INT32_MIN or a.max() > INT32_MAX):
        raise OutOfSpecError(f"{what} leaves int32: [{a.min()}, {a.max()}]")


# ------------------------------------------------------------------------------------------
# Scalar integer primitives (Python ints, exact).
# ------------------------------------------------------------------------------------------


def wrap_int32(x):
    """Two's-complement wrap of an integer to int32 (what int32 +/- does on every target)."""
    return ((int(x) + (1 << 31)) & 0xFFFFFFFF) - (1 << 31)


def trunc_div(a, b):
    """C/C++ integer division: the quotient truncated toward zero."""
    q = abs(a) // abs(b)
    return q if (a >= 0) == (b > 0) else -q


def saturating_rounding_doubling_high_mul(a, b):
    """gemmlowp SaturatingRoundingDoublingHighMul on int32 (ARM VQRDMULH)."""
    if a == INT32_MIN and b == INT32_MIN:
        return INT32_MAX
    ab = a * b
    nudge = (1 << 30) if ab >= 0 else 1 - (1 << 30)
    return trunc_div(ab + nudge, 1 << 31)


def rounding_divide_by_pot(x, exponent):
    """gemmlowp RoundingDivideByPOT: x / 2^exponent rounded to nearest, ties away from zero."""
    _require(0 <= exponent <= 31, f"RoundingDivideByPOT exponent {exponent} outside [0, 31]")
    mask = (1 << exponent) - 1
    remainder = x & mask  # two's-complement low bits, as int32 & mask in C
    threshold = (mask >> 1) + (1 if x < 0 else 0)
    return (x >> exponent) + (1 if remainder > threshold else 0)


def saturating_left_shift(x, shift):
    """x * 2^shift clamped to int32 (our documented deviation: TFLite overflows here)."""
    return max(INT32_MIN, min(INT32_MAX, x << shift))


def multiply_by_quantized_multiplier(x, multiplier, shift):
    """TFLite MultiplyByQuantizedMultiplier with double rounding (the non-single-rounding path):
    RoundingDivideByPOT(SaturatingRoundingDoublingHighMul(x << left, multiplier), right)."""
    _require(INT32_MIN <= x <= INT32_MAX, f"MBQM input {x} outside int32")
    _require(multiplier == 0 or (1 << 30) <= multiplier <= INT32_MAX,
             f"multiplier {multiplier} outside [2^30, 2^31) and not 0")
    _require(-31 <= shift <= 30, f"shift {shift} outside [-31, 30]")
    left = shift if shift > 0 else 0
    right = -shift if shift < 0 else 0
    return rounding_divide_by_pot(
        saturating_rounding_doubling_high_mul(saturating_left_shift(x, left), multiplier), right)


def round_half_away_from_zero(x):
    """std::round / TfLiteRound of a double, exactly (no x + 0.5 double rounding)."""
    x = float(x)
    _require(math.isfinite(x), f"cannot round {x}")
    t = math.trunc(x)
    frac = x - t  # exact: subtracting the integer part of a double loses no bits
    if frac >= 0.5:
        t += 1
    elif frac <= -0.5:
        t -= 1
    return int(t)


# ------------------------------------------------------------------------------------------
# Array versions of the requantization primitives (np.int64, exact for int32 operands).
# ------------------------------------------------------------------------------------------


def _trunc_div_pot_array(x, exponent):
    """Truncating division of an int64 array by 2^exponent (C semantics of `/`)."""
    return np.where(x >= 0, x >> exponent, -((-x) >> exponent))


def multiply_by_quantized_multiplier_array(x, multiplier, shift):
    """Elementwise multiply_by_quantized_multiplier; multiplier and shift broadcast against x
    (e.g. per-channel vectors along the last axis)."""
    x = np.asarray(x, dtype=np.int64)
    m = np.broadcast_to(np.asarray(multiplier, dtype=np.int64), x.shape)
    s = np.broadcast_to(np.asarray(shift, dtype=np.int64), x.shape)
    _check_int32_array(x, "MBQM input")
    _require(np.all((m == 0) | ((m >= (1 << 30)) & (m <= INT32_MAX))), "multiplier out of range")
    _require(np.all((s >= -31) & (s <= 30)), "shift outside [-31, 30]")
    return _mbqm_array(x, m, s)


def _mbqm_array(x, m, s):
    """The MBQM arithmetic on int64 arrays of int32 values; m in [0, 2^31), s in [-31, 30]."""
    left = np.where(s > 0, s, 0)
    right = np.where(s < 0, -s, 0)
    shifted = np.clip(x << left, INT32_MIN, INT32_MAX)  # |x| < 2^31, left <= 30: no int64 overflow
    ab = shifted * m  # |ab| < 2^62 (m >= 0, so the INT32_MIN * INT32_MIN case cannot occur)
    nudge = np.where(ab >= 0, 1 << 30, 1 - (1 << 30))
    high = _trunc_div_pot_array(ab + nudge, 31)
    mask = (np.int64(1) << right) - 1
    remainder = high & mask
    threshold = (mask >> 1) + (high < 0).astype(np.int64)
    return (high >> right) + (remainder > threshold).astype(np.int64)


def _clamp_to_int8(acc, act_min=INT8_MIN, act_max=INT8_MAX):
    _require(INT8_MIN <= act_min <= act_max <= INT8_MAX,
             f"bad activation range [{act_min}, {act_max}]")
    return np.clip(acc, act_min, act_max).astype(np.int8)


def _check_zero_point(zp, what="zero point"):
    _require(INT8_MIN <= int(zp) <= INT8_MAX, f"{what} {zp} outside [-128, 127]")


# ------------------------------------------------------------------------------------------
# Quantization-parameter derivation from float scales (the TFLite/TFLM Prepare idioms).
# ------------------------------------------------------------------------------------------


def quantize_multiplier(real_multiplier):
    """TFLite QuantizeMultiplier: real = multiplier * 2^(shift - 31), multiplier in [2^30, 2^31).

    frexp, q * 2^31 rounded half away from zero, q == 2^31 halved with the shift bumped, shift
    < -31 flushed to multiplier 0 / shift 0, and shift > 30 clamped to the largest
    representable value (2^31 - 1, 30) as kernels/core/quantize_multiplier.h documents.
    Returns (multiplier, shift); shift > 0 is a left shift.
    """
    real = float(real_multiplier)
    _require(real >= 0.0 and math.isfinite(real), f"real multiplier {real} must be finite, >= 0")
    if real == 0.0:
        return 0, 0
    q, shift = math.frexp(real)
    q_fixed = round_half_away_from_zero(q * float(1 << 31))  # q * 2^31 is exact in double
    assert q_fixed <= (1 << 31)
    if q_fixed == (1 << 31):
        q_fixed //= 2
        shift += 1
    if shift < -31:
        return 0, 0
    if shift > 30:
        return INT32_MAX, 30
    return q_fixed, shift


def quantize_multiplier_greater_than_one(real_multiplier):
    """TFLite QuantizeMultiplierGreaterThanOne: requires real > 1, returns a left shift >= 0."""
    _require(real_multiplier > 1.0, f"real multiplier {real_multiplier} must be > 1")
    m, s = quantize_multiplier(real_multiplier)
    assert s >= 0
    return m, s


def calculate_input_radius(input_integer_bits, input_left_shift, total_signed_bits=31):
    """TFLite CalculateInputRadius: floor(((2^ib - 1) * 2^(total - ib)) / 2^left_shift).

    TFLite evaluates this in double; every term is an integer times a power of two below 2^53,
    so the exact integer floor here is the same number.
    """
    _require(0 <= input_left_shift <= 62, f"left shift {input_left_shift} out of range")
    num = ((1 << input_integer_bits) - 1) << (total_signed_bits - input_integer_bits)
    return num >> input_left_shift


SOFTMAX_SCALED_DIFF_INTEGER_BITS = 5
SOFTMAX_ACCUMULATION_INTEGER_BITS = 12
LOGISTIC_INPUT_INTEGER_BITS = 4


def softmax_params(input_scale, beta):
    """TFLM int8 SOFTMAX Prepare: PreprocessSoftmaxScaling(beta, scale, 5) and
    diff_min = -CalculateInputRadius(5, left_shift). input_scale and beta are float32 in the
    model; TFLite widens both to double before multiplying.

    Returns dict(input_multiplier, input_left_shift, diff_min)."""
    real = float(np.float64(np.float32(beta)) * np.float64(np.float32(input_scale)) *
                 float(1 << (31 - SOFTMAX_SCALED_DIFF_INTEGER_BITS)))
    real = min(real, float((1 << 31) - 1))  # the double-rounding build's cap
    m, s = quantize_multiplier_greater_than_one(real)
    diff_min = -calculate_input_radius(SOFTMAX_SCALED_DIFF_INTEGER_BITS, s)
    return {"input_multiplier": m, "input_left_shift": s, "diff_min": diff_min}


def logistic_params(input_scale, input_zero_point):
    """TFLM int8 LOGISTIC Prepare: input rescaled into Q4.27, radius = CalculateInputRadius(4, s).

    Returns dict(input_zero_point, input_range_radius, input_multiplier, input_left_shift)."""
    _check_zero_point(input_zero_point)
    real = (float(np.float64(np.float32(input_scale))) *
            float(1 << (31 - LOGISTIC_INPUT_INTEGER_BITS)))
    m, s = quantize_multiplier(real)
    _require(0 <= s <= 30, f"logistic input scale {input_scale} gives left shift {s}")
    radius = calculate_input_radius(LOGISTIC_INPUT_INTEGER_BITS, s)
    return {"input_zero_point": int(input_zero_point), "input_range_radius": radius,
            "input_multiplier": m, "input_left_shift": s}


def add_params(scale1, zp1, scale2, zp2, out_scale, out_zp, left_shift=20):
    """TFLM int8 ADD Prepare: both inputs rescaled to twice the larger input scale with
    `left_shift` bits of headroom. Returns the fields of AddArgs (offsets, not zero points)."""
    for z in (zp1, zp2, out_zp):
        _check_zero_point(z)
    s1 = float(np.float32(scale1))
    s2 = float(np.float32(scale2))
    so = float(np.float32(out_scale))
    twice_max = 2.0 * max(s1, s2)
    m1, sh1 = quantize_multiplier(s1 / twice_max)
    m2, sh2 = quantize_multiplier(s2 / twice_max)
    mo, sho = quantize_multiplier(twice_max / (float(1 << left_shift) * so))
    _require(sh1 <= 0 and sh2 <= 0 and sho <= 0, "ADD multipliers must be smaller than one")
    return {"input1_offset": -int(zp1), "input2_offset": -int(zp2), "output_offset": int(out_zp),
            "left_shift": left_shift, "input1_multiplier": m1, "input1_shift": sh1,
            "input2_multiplier": m2, "input2_shift": sh2, "output_multiplier": mo,
            "output_shift": sho}


def mul_params(scale1, zp1, scale2, zp2, out_scale, out_zp):
    """TFLM int8 MUL Prepare: one multiplier for scale1 * scale2 / out_scale."""
    for z in (zp1, zp2, out_zp):
        _check_zero_point(z)
    real = float(np.float32(scale1)) * float(np.float32(scale2)) / float(np.float32(out_scale))
    m, s = quantize_multiplier(real)
    return {"input1_offset": -int(zp1), "input2_offset": -int(zp2), "output_offset": int(out_zp),
            "output_multiplier": m, "output_shift": s}


def per_channel_multipliers(input_scale, filter_scales, output_scale):
    """Conv/depthwise/FC effective scales input_scale * filter_scale[c] / output_scale, each
    turned into (multiplier, shift). Returns two int64 arrays."""
    si = float(np.float32(input_scale))
    so = float(np.float32(output_scale))
    pairs = [quantize_multiplier(si * float(np.float32(f)) / so)
             for f in np.atleast_1d(filter_scales)]
    return (np.array([p[0] for p in pairs], dtype=np.int64),
            np.array([p[1] for p in pairs], dtype=np.int64))


def activation_range(kind, scale, zero_point):
    """Fused activation clamp in the quantized domain (TFLite CalculateActivationRangeQuantized).
    kind: None, 'relu', 'relu6' or 'relu_n1_to_1'."""
    def q(v):
        return int(zero_point) + round_half_away_from_zero(float(v) / float(np.float32(scale)))
    lo, hi = INT8_MIN, INT8_MAX
    if kind == "relu":
        lo = max(lo, q(0.0))
    elif kind == "relu6":
        lo, hi = max(lo, q(0.0)), min(hi, q(6.0))
    elif kind == "relu_n1_to_1":
        lo, hi = max(lo, q(-1.0)), min(hi, q(1.0))
    else:
        _require(kind is None, f"unknown activation {kind}")
    return lo, hi


def same_padding(in_size, filter_size, stride, dilation=1):
    """TensorFlow SAME padding: returns (out_size, pad_before); pad_after = total - before."""
    eff = (filter_size - 1) * dilation + 1
    out = (in_size + stride - 1) // stride
    total = max((out - 1) * stride + eff - in_size, 0)
    return out, total // 2


def valid_padding(in_size, filter_size, stride, dilation=1):
    """TensorFlow VALID padding: returns (out_size, 0)."""
    eff = (filter_size - 1) * dilation + 1
    _require(in_size >= eff, "VALID window larger than the input")
    return (in_size - eff) // stride + 1, 0


# ------------------------------------------------------------------------------------------
# gemmlowp fixed-point arithmetic on int32 raw values (Python ints). A value with `ib` integer
# bits represents raw / 2^(31 - ib).
# ------------------------------------------------------------------------------------------


def _fp_add(a, b):
    return wrap_int32(a + b)  # gemmlowp Add: plain int32 addition


def _fp_sub(a, b):
    return wrap_int32(a - b)


def _fp_mul(a, b):
    return saturating_rounding_doubling_high_mul(a, b)  # integer bits add up


def _saturating_rounding_multiply_by_pot(x, exponent):
    if exponent > 0:
        threshold = (1 << (31 - exponent)) - 1
        if x > threshold:
            return INT32_MAX
        if x < -threshold:
            return INT32_MIN
        return x << exponent
    if exponent < 0:
        return rounding_divide_by_pot(x, -exponent)
    return x


def _fp_rescale(x, src_integer_bits, dst_integer_bits):
    return _saturating_rounding_multiply_by_pot(x, src_integer_bits - dst_integer_bits)


def _fp_one(integer_bits):
    return INT32_MAX if integer_bits == 0 else 1 << (31 - integer_bits)


def _rounding_half_sum(a, b):
    s = a + b
    return trunc_div(s + (1 if s >= 0 else -1), 2)


# Constants of gemmlowp's exp/logistic; the self-test re-derives each from its real value.
EXP_MINUS_ONE_EIGHTH_Q0 = 1895147668  # exp(-1/8)
ONE_THIRD_Q0 = 715827883  # 1/3
EXP_BARREL_SHIFTER = ((-2, 1672461947), (-1, 1302514674), (0, 790015084), (1, 290630308),
                      (2, 39332535), (3, 720401), (4, 242))  # (e, exp(-2^e) in Q0.31)
FORTY_EIGHT_OVER_17_Q2 = 1515870810
NEG_THIRTY_TWO_OVER_17_Q2 = -1010580540


def exp_on_interval_between_negative_one_quarter_and_0_excl(a):
    """exp(a) for a in [-1/4, 0), Q0.31 in and out: 4th-order Taylor expansion around -1/8."""
    x = _fp_add(a, 1 << 28)  # a + 1/8
    x2 = _fp_mul(x, x)
    x3 = _fp_mul(x2, x)
    x4 = _fp_mul(x2, x2)
    x4_over_4 = _saturating_rounding_multiply_by_pot(x4, -2)
    poly = _saturating_rounding_multiply_by_pot(
        _fp_add(_fp_mul(_fp_add(x4_over_4, x3), ONE_THIRD_Q0), x2), -1)
    return _fp_add(EXP_MINUS_ONE_EIGHTH_Q0, _fp_mul(EXP_MINUS_ONE_EIGHTH_Q0, _fp_add(x, poly)))


def exp_on_negative_values(a, integer_bits):
    """gemmlowp exp_on_negative_values: exp(a) for a <= 0 given with `integer_bits` integer
    bits; result in Q0.31 (exp(0) saturates to INT32_MAX)."""
    frac_bits = 31 - integer_bits
    one_quarter = 1 << (frac_bits - 2)
    a_mod_quarter_minus_one_quarter = _fp_sub(a & (one_quarter - 1), one_quarter)
    result = exp_on_interval_between_negative_one_quarter_and_0_excl(
        _fp_rescale(a_mod_quarter_minus_one_quarter, integer_bits, 0))
    remainder = _fp_sub(a_mod_quarter_minus_one_quarter, a)
    for exponent, multiplier in EXP_BARREL_SHIFTER:
        if integer_bits > exponent and remainder & (1 << (frac_bits + exponent)):
            result = _fp_mul(result, multiplier)
    if integer_bits > 5 and a < -(1 << (36 - integer_bits)):  # below -32
        result = 0
    if a == 0:
        result = _fp_one(0)
    return result


def one_over_one_plus_x_for_x_in_0_1(a):
    """gemmlowp: 1 / (1 + a) for a in [0, 1), Q0.31, by three Newton-Raphson steps in Q2.29."""
    half_denominator = _rounding_half_sum(a, _fp_one(0))
    x = _fp_add(FORTY_EIGHT_OVER_17_Q2, _fp_mul(half_denominator, NEG_THIRTY_TWO_OVER_17_Q2))
    for _ in range(3):
        half_denominator_times_x = _fp_mul(half_denominator, x)  # Q2
        one_minus = _fp_sub(_fp_one(2), half_denominator_times_x)  # Q2
        x = _fp_add(x, _fp_rescale(_fp_mul(x, one_minus), 4, 2))
    return _fp_rescale(x, 1, 0)  # ExactMulByPot<-1> (Q2 -> Q1, same raw), then Rescale<0>


def fixed_point_logistic(a, integer_bits):
    """gemmlowp logistic: 1 / (1 + exp(-a)), `integer_bits` in, Q0.31 out."""
    if a == 0:
        return 1 << 30  # one half
    abs_a = a if a > 0 else wrap_int32(-a)
    positive = one_over_one_plus_x_for_x_in_0_1(
        exp_on_negative_values(wrap_int32(-abs_a), integer_bits))
    return positive if a > 0 else _fp_sub(_fp_one(0), positive)


def get_reciprocal(x, x_integer_digits):
    """TFLite GetReciprocal: (1 / x as Q0.31 scaled by 2^-num_bits_over_unit, num_bits_over_unit)
    for a positive fixed-point x with x_integer_digits integer bits."""
    _require(0 < x <= INT32_MAX, f"GetReciprocal of {x}")
    headroom_plus_one = 32 - x.bit_length()  # CountLeadingZeros(uint32(x))
    num_bits_over_unit = x_integer_digits - headroom_plus_one
    shifted_sum_minus_one = wrap_int32(((x << headroom_plus_one) & 0xFFFFFFFF) - (1 << 31))
    return one_over_one_plus_x_for_x_in_0_1(shifted_sum_minus_one), num_bits_over_unit


# ------------------------------------------------------------------------------------------
# Ops. All take and return NumPy arrays; int8 tensors are np.int8.
# ------------------------------------------------------------------------------------------


def _as_int64(a):
    return np.asarray(a).astype(np.int64)


def _requantize_accumulators(acc, multipliers, shifts, output_zero_point, act_min, act_max):
    _check_int32_array(acc, "accumulator")
    out = multiply_by_quantized_multiplier_array(acc, multipliers, shifts) + int(output_zero_point)
    return _clamp_to_int8(out, act_min, act_max)


def _padded_windows_source(x, pad_top, pad_left, out_h, out_w, kh, kw, stride, dilation):
    """Zero-pads x [N, H, W, C] so every window position of the output grid is inside."""
    n, h, w, c = x.shape
    need_h = (out_h - 1) * stride[0] + (kh - 1) * dilation[0] + 1
    need_w = (out_w - 1) * stride[1] + (kw - 1) * dilation[1] + 1
    bottom = max(0, need_h - pad_top - h)
    right = max(0, need_w - pad_left - w)
    return np.pad(x, ((0, 0), (pad_top, bottom), (pad_left, right), (0, 0)))


def _window_slice(fy, fx, out_h, out_w, stride, dilation):
    y0, x0 = fy * dilation[0], fx * dilation[1]
    return (slice(None), slice(y0, y0 + (out_h - 1) * stride[0] + 1, stride[0]),
            slice(x0, x0 + (out_w - 1) * stride[1] + 1, stride[1]), slice(None))


def _check_conv_geometry(stride, dilation, pad_top, pad_left, out_h, out_w):
    _require(all(1 <= s <= 64 for s in stride) and all(1 <= d <= 64 for d in dilation),
             "stride/dilation outside [1, 64]")
    _require(0 <= pad_top <= 64 and 0 <= pad_left <= 64, "padding outside [0, 64]")
    _require(out_h >= 1 and out_w >= 1, "empty output")


def conv2d_accumulators(input, filter, bias, *, input_zero_point, output_hw, stride=(1, 1),
                        dilation=(1, 1), pad_top=0, pad_left=0):
    """The int32 accumulators of CONV_2D (sum of (x - zp) * w, plus bias) as np.int64."""
    _check_zero_point(input_zero_point, "input zero point")
    out_h, out_w = output_hw
    _check_conv_geometry(stride, dilation, pad_top, pad_left, out_h, out_w)
    n, _, _, cin = input.shape
    cout, kh, kw, fcin = filter.shape
    _require(fcin == cin, "filter depth differs from input depth")
    x = _padded_windows_source(_as_int64(input) - int(input_zero_point), pad_top, pad_left,
                               out_h, out_w, kh, kw, stride, dilation)
    f = _as_int64(filter)
    acc = np.zeros((n, out_h, out_w, cout), dtype=np.int64)
    for fy in range(kh):
        for fx in range(kw):
            patch = x[_window_slice(fy, fx, out_h, out_w, stride, dilation)]
            acc += np.einsum("nhwc,oc->nhwo", patch, f[:, fy, fx, :])
            _check_int32_array(acc, "conv accumulator")
    if bias is not None:
        acc += _as_int64(bias)
    _check_int32_array(acc, "conv accumulator")
    return acc


def conv2d(input, filter, bias, *, input_zero_point, output_zero_point, output_multipliers,
           output_shifts, output_hw, stride=(1, 1), dilation=(1, 1), pad_top=0, pad_left=0,
           act_min=INT8_MIN, act_max=INT8_MAX):
    """CONV_2D int8, per-channel (TFLM reference_integer_ops::ConvPerChannel).

    input [N, H, W, Cin] int8, filter [Cout, KH, KW, Cin] int8 (symmetric), bias [Cout] int32
    or None. Positions outside the image contribute nothing. Output [N, OH, OW, Cout]."""
    _check_zero_point(output_zero_point, "output zero point")
    acc = conv2d_accumulators(input, filter, bias, input_zero_point=input_zero_point,
                              output_hw=output_hw, stride=stride, dilation=dilation,
                              pad_top=pad_top, pad_left=pad_left)
    return _requantize_accumulators(acc, _as_int64(output_multipliers), _as_int64(output_shifts),
                                    output_zero_point, act_min, act_max)


def depthwise_conv2d_accumulators(input, filter, bias, *, depth_multiplier, input_zero_point,
                                  output_hw, stride=(1, 1), dilation=(1, 1), pad_top=0,
                                  pad_left=0):
    """The int32 accumulators of DEPTHWISE_CONV_2D (plus bias) as np.int64."""
    _check_zero_point(input_zero_point, "input zero point")
    out_h, out_w = output_hw
    _check_conv_geometry(stride, dilation, pad_top, pad_left, out_h, out_w)
    n, _, _, cin = input.shape
    one, kh, kw, cout = filter.shape
    _require(one == 1 and depth_multiplier >= 1 and cout == cin * depth_multiplier,
             "depthwise filter shape does not match input * depth_multiplier")
    x = np.repeat(_as_int64(input) - int(input_zero_point), depth_multiplier, axis=3)
    x = _padded_windows_source(x, pad_top, pad_left, out_h, out_w, kh, kw, stride, dilation)
    f = _as_int64(filter)
    acc = np.zeros((n, out_h, out_w, cout), dtype=np.int64)
    for fy in range(kh):
        for fx in range(kw):
            acc += x[_window_slice(fy, fx, out_h, out_w, stride, dilation)] * f[0, fy, fx, :]
            _check_int32_array(acc, "depthwise accumulator")
    if bias is not None:
        acc += _as_int64(bias)
    _check_int32_array(acc, "depthwise accumulator")
    return acc


def depthwise_conv2d(input, filter, bias, *, depth_multiplier, input_zero_point,
                     output_zero_point, output_multipliers, output_shifts, output_hw,
                     stride=(1, 1), dilation=(1, 1), pad_top=0, pad_left=0, act_min=INT8_MIN,
                     act_max=INT8_MAX):
    """DEPTHWISE_CONV_2D int8, per-channel (TFLM reference_integer_ops::DepthwiseConvPerChannel).

    input [N, H, W, Cin], filter [1, KH, KW, Cin * depth_multiplier]; output channel oc reads
    input channel oc // depth_multiplier."""
    _check_zero_point(output_zero_point, "output zero point")
    acc = depthwise_conv2d_accumulators(input, filter, bias, depth_multiplier=depth_multiplier,
                                        input_zero_point=input_zero_point, output_hw=output_hw,
                                        stride=stride, dilation=dilation, pad_top=pad_top,
                                        pad_left=pad_left)
    return _requantize_accumulators(acc, _as_int64(output_multipliers), _as_int64(output_shifts),
                                    output_zero_point, act_min, act_max)


def fully_connected_accumulators(input, filter, bias, *, input_zero_point):
    """The int32 accumulators of FULLY_CONNECTED (plus bias) as np.int64 [batches, units]."""
    _check_zero_point(input_zero_point, "input zero point")
    _require(input.shape[1] == filter.shape[1], "depth mismatch")
    x = _as_int64(input) - int(input_zero_point)
    f = _as_int64(filter)
    acc = np.zeros((x.shape[0], f.shape[0]), dtype=np.int64)
    for d in range(x.shape[1]):  # term by term, so every partial sum is range-checked
        acc += np.outer(x[:, d], f[:, d])
        _check_int32_array(acc, "fully-connected accumulator")
    if bias is not None:
        acc += _as_int64(bias)
    _check_int32_array(acc, "fully-connected accumulator")
    return acc


def fully_connected(input, filter, bias, *, input_zero_point, output_zero_point,
                    output_multipliers, output_shifts, act_min=INT8_MIN, act_max=INT8_MAX):
    """FULLY_CONNECTED int8 (TFLM reference_integer_ops::FullyConnected; per-channel when the
    multiplier/shift arrays have `units` entries, per-tensor when they have one).

    input [batches, depth], filter [units, depth] (zero point 0), bias [units] or None."""
    _check_zero_point(output_zero_point, "output zero point")
    acc = fully_connected_accumulators(input, filter, bias, input_zero_point=input_zero_point)
    m = _as_int64(output_multipliers).reshape(-1)
    s = _as_int64(output_shifts).reshape(-1)
    _require(m.size in (1, filter.shape[0]) and s.size == m.size, "quant_count must be 1 or units")
    return _requantize_accumulators(acc, m, s, output_zero_point, act_min, act_max)


def _pool_windows(input_shape, output_hw, filter_hw, stride, pad_top, pad_left):
    """Yields (oy, ox, y0, y1, x0, x1): the window of each output clipped to the input."""
    _, h, w, _ = input_shape
    for oy in range(output_hw[0]):
        for ox in range(output_hw[1]):
            iy, ix = oy * stride[0] - pad_top, ox * stride[1] - pad_left
            y0, y1 = max(iy, 0), min(iy + filter_hw[0], h)
            x0, x1 = max(ix, 0), min(ix + filter_hw[1], w)
            _require(y1 > y0 and x1 > x0, f"pool window of output ({oy}, {ox}) is empty")
            yield oy, ox, y0, y1, x0, x1


def max_pool2d(input, *, filter_hw, stride, pad_top, pad_left, output_hw, act_min=INT8_MIN,
               act_max=INT8_MAX):
    """MAX_POOL_2D int8 (TFLM reference_integer_ops::MaxPool): max over the window positions
    inside the input, then the activation clamp."""
    x = _as_int64(input)
    out = np.zeros((x.shape[0], output_hw[0], output_hw[1], x.shape[3]), dtype=np.int64)
    windows = _pool_windows(x.shape, output_hw, filter_hw, stride, pad_top, pad_left)
    for oy, ox, y0, y1, x0, x1 in windows:
        out[:, oy, ox, :] = x[:, y0:y1, x0:x1, :].max(axis=(1, 2))
    return _clamp_to_int8(out, act_min, act_max)


def _divide_round_half_away(acc, count):
    """TFLM's rounding integer division: (acc +- count/2) / count, C truncation."""
    acc = np.asarray(acc, dtype=np.int64)
    half = count // 2
    num = np.where(acc > 0, acc + half, acc - half)
    return np.where(num >= 0, num // count, -((-num) // count))


def avg_pool2d(input, *, filter_hw, stride, pad_top, pad_left, output_hw, act_min=INT8_MIN,
               act_max=INT8_MAX):
    """AVERAGE_POOL_2D int8 (TFLM reference_integer_ops::AveragePool): sum over the window
    positions inside the input divided by their count, rounding half away from zero."""
    x = _as_int64(input)
    out = np.zeros((x.shape[0], output_hw[0], output_hw[1], x.shape[3]), dtype=np.int64)
    windows = _pool_windows(x.shape, output_hw, filter_hw, stride, pad_top, pad_left)
    for oy, ox, y0, y1, x0, x1 in windows:
        count = (y1 - y0) * (x1 - x0)
        out[:, oy, ox, :] = _divide_round_half_away(x[:, y0:y1, x0:x1, :].sum(axis=(1, 2)), count)
    return _clamp_to_int8(out, act_min, act_max)


def _broadcast_output_shape(shape1, shape2):
    _require(len(shape1) == 4 and len(shape2) == 4, "elementwise ops take 4-D shapes")
    out = []
    for a, b in zip(shape1, shape2):
        _require(a == b or a == 1 or b == 1, f"shapes {shape1} and {shape2} do not broadcast")
        out.append(max(a, b))
    return tuple(out)


def add(input1, input2, *, input1_offset, input2_offset, output_offset, left_shift,
        input1_multiplier, input1_shift, input2_multiplier, input2_shift, output_multiplier,
        output_shift, act_min=INT8_MIN, act_max=INT8_MAX):
    """ADD int8 (TFLM reference_integer_ops::Add with 4-D broadcasting). Takes the AddArgs
    fields directly (see add_params)."""
    _require(0 <= left_shift <= 22, "left_shift outside [0, 22]")
    _require(-127 <= input1_offset <= 128 and -127 <= input2_offset <= 128, "input offset range")
    _check_zero_point(output_offset, "output offset")
    shape = _broadcast_output_shape(input1.shape, input2.shape)
    a = np.broadcast_to(_as_int64(input1) + input1_offset, shape) << left_shift
    b = np.broadcast_to(_as_int64(input2) + input2_offset, shape) << left_shift
    _check_int32_array(a, "shifted input1")
    _check_int32_array(b, "shifted input2")
    scaled = (multiply_by_quantized_multiplier_array(a, input1_multiplier, input1_shift) +
              multiply_by_quantized_multiplier_array(b, input2_multiplier, input2_shift))
    _check_int32_array(scaled, "raw sum")
    out = multiply_by_quantized_multiplier_array(scaled, output_multiplier, output_shift)
    return _clamp_to_int8(out + output_offset, act_min, act_max)


def mul(input1, input2, *, input1_offset, input2_offset, output_offset, output_multiplier,
        output_shift, act_min=INT8_MIN, act_max=INT8_MAX):
    """MUL int8 (TFLM reference_integer_ops::Mul with 4-D broadcasting)."""
    _require(-127 <= input1_offset <= 128 and -127 <= input2_offset <= 128, "input offset range")
    _check_zero_point(output_offset, "output offset")
    shape = _broadcast_output_shape(input1.shape, input2.shape)
    prod = (np.broadcast_to(_as_int64(input1) + input1_offset, shape) *
            np.broadcast_to(_as_int64(input2) + input2_offset, shape))
    out = multiply_by_quantized_multiplier_array(prod, output_multiplier, output_shift)
    return _clamp_to_int8(out + output_offset, act_min, act_max)


def softmax(input, *, input_multiplier, input_left_shift, diff_min):
    """SOFTMAX int8 -> int8 over the last axis (TFLM reference_ops::Softmax, quantized):
    output scale 1/256, zero point -128."""
    _require((1 << 30) <= input_multiplier <= INT32_MAX, "softmax multiplier range")
    _require(0 <= input_left_shift <= 30 and diff_min <= 0, "softmax shift/diff_min range")
    x = np.asarray(input).astype(np.int64)
    rows = x.reshape(-1, x.shape[-1])
    out = np.empty(rows.shape, dtype=np.int8)
    ib = SOFTMAX_SCALED_DIFF_INTEGER_BITS
    for r, row in enumerate(rows):
        row_max = int(row.max())
        exps = []
        sum_of_exps = 0  # Q12.19
        for v in row:
            diff = int(v) - row_max
            if diff >= diff_min:
                # MultiplyByQuantizedMultiplierGreaterThanOne: left shift, then SRDHM.
                scaled = saturating_rounding_doubling_high_mul(
                    saturating_left_shift(diff, input_left_shift), input_multiplier)
                e = exp_on_negative_values(scaled, ib)
                sum_of_exps += _fp_rescale(e, 0, SOFTMAX_ACCUMULATION_INTEGER_BITS)
                _require(sum_of_exps <= INT32_MAX, "softmax sum of exps overflows int32")
                exps.append(e)
            else:
                exps.append(None)
        shifted_scale, num_bits_over_unit = get_reciprocal(sum_of_exps,
                                                           SOFTMAX_ACCUMULATION_INTEGER_BITS)
        exponent = num_bits_over_unit + 31 - 8
        for c, e in enumerate(exps):
            if e is None:
                out[r, c] = INT8_MIN
            else:
                unsat = rounding_divide_by_pot(_fp_mul(shifted_scale, e), exponent)
                out[r, c] = max(INT8_MIN, min(INT8_MAX, unsat + INT8_MIN))
    return out.reshape(x.shape)


def logistic(input, *, input_zero_point, input_range_radius, input_multiplier, input_left_shift):
    """LOGISTIC int8 (TFLM reference_integer_ops::Logistic): input rescaled into Q4.27,
    gemmlowp logistic, RoundingDivideByPOT by 23, output zero point -128."""
    _check_zero_point(input_zero_point)
    _require(input_range_radius >= 0, "negative radius")
    x = np.asarray(input)
    out = np.empty(x.shape, dtype=np.int8)
    for i, v in np.ndenumerate(x):
        d = int(v) - int(input_zero_point)
        if d <= -input_range_radius:
            out[i] = INT8_MIN
        elif d >= input_range_radius:
            out[i] = INT8_MAX
        else:
            q4 = multiply_by_quantized_multiplier(d, input_multiplier, input_left_shift)
            q0 = fixed_point_logistic(q4, LOGISTIC_INPUT_INTEGER_BITS)
            y = rounding_divide_by_pot(q0, 31 - 8) + INT8_MIN
            out[i] = max(INT8_MIN, min(INT8_MAX, y))
    return out


def pad(input, pad_before, pad_after, pad_value):
    """PAD/PADV2 int8: border filled with pad_value (the output zero point for PAD)."""
    _require(all(p >= 0 for p in pad_before) and all(p >= 0 for p in pad_after), "negative pad")
    _require(INT8_MIN <= pad_value <= INT8_MAX, "pad value range")
    return np.pad(np.asarray(input, dtype=np.int8), list(zip(pad_before, pad_after)),
                  constant_values=np.int8(pad_value))


def concatenation(inputs, axis):
    """CONCATENATION int8 with a shared quantization: a plain copy along `axis`."""
    _require(1 <= len(inputs) <= 16, "1..16 inputs")
    return np.concatenate([np.asarray(t, dtype=np.int8) for t in inputs], axis=axis)


def mean_folded_multiplier(multiplier, shift, count):
    """The (multiplier, shift) of TFLite's int8 MEAN (reference_ops::QuantizedMeanOrSum, used
    by TFLM for every int8 MEAN since 2023): 1/count is folded into the Prepare() multiplier
    of input_scale / output_scale. With s = floor(log2(count)) clamped to <= 32 and to
    <= 31 + shift: multiplier' = (multiplier << s) / count (int64, truncating), shift' =
    shift - s. multiplier' is not normalized to [2^30, 2^31)."""
    _require(count >= 1, "MEAN over no element")
    _require((1 << 30) <= multiplier <= INT32_MAX or multiplier == 0, "multiplier range")
    s = min(count.bit_length() - 1, 32, 31 + shift)
    _require(s >= 0, f"shift {shift} leaves no room for the count")
    return ((multiplier << s) // count, shift - s)


def mean_folded(input, *, axes, input_zero_point, output_zero_point, multiplier, shift):
    """MEAN int8 as TFLite's reference_ops::QuantizedMeanOrSum (compute_sum = false), keep_dims
    layout: acc = sum(x) - zp_in * count in int32, y = clamp(MBQM(acc, m', s') + zp_out) with
    (m', s') = mean_folded_multiplier(multiplier, shift, count). No separate rounded division
    by the count, so it can differ by 1 from TFLite's pre-2023 integer mean (MBQM, then
    division with rounding). kernels/reduce/mean.h implements this."""
    _check_zero_point(input_zero_point)
    _check_zero_point(output_zero_point)
    axes = tuple(sorted(set(axes)))
    x = _as_int64(input)
    count = int(np.prod([x.shape[a] for a in axes]))
    m, s = mean_folded_multiplier(int(multiplier), int(shift), count)
    raw = x.sum(axis=axes, keepdims=True)
    _check_int32_array(raw, "mean raw sum")
    acc = raw - int(input_zero_point) * count
    _check_int32_array(acc, "mean accumulator")
    out = _mbqm_array(acc, np.broadcast_to(np.int64(m), acc.shape),
                      np.broadcast_to(np.int64(s), acc.shape))
    return _clamp_to_int8(out + int(output_zero_point))


def quantize(input, *, scale, zero_point):
    """QUANTIZE float32 -> int8: clamp(round_half_away(float32(x) / float32(scale)) + zp),
    the division in float32 as TFLite's reference (val / static_cast<float>(scale)).
    NaN maps to the zero point; +-inf and huge values saturate."""
    _check_zero_point(zero_point)
    s = float(np.float32(scale))
    _require(math.isfinite(s) and s > 0, "scale must be finite and > 0")
    x = np.asarray(input, dtype=np.float32)
    out = np.empty(x.shape, dtype=np.int8)
    for i, v in np.ndenumerate(x):
        with np.errstate(over="ignore", invalid="ignore", divide="ignore"):
            q = float(np.float32(v) / np.float32(s))
        if math.isnan(q):
            r = 0
        elif math.isinf(q):
            r = INT32_MAX if q > 0 else INT32_MIN
        else:
            r = round_half_away_from_zero(q)
        out[i] = max(INT8_MIN, min(INT8_MAX, r + int(zero_point)))
    return out


def requantize(input, *, input_zero_point, output_zero_point, multiplier, shift):
    """QUANTIZE int8 -> int8 (TFLite Requantize): clamp(MBQM(x - zp_in) + zp_out)."""
    _check_zero_point(input_zero_point)
    _check_zero_point(output_zero_point)
    acc = multiply_by_quantized_multiplier_array(_as_int64(input) - int(input_zero_point),
                                                 multiplier, shift)
    return _clamp_to_int8(acc + int(output_zero_point))


def dequantize(input, *, scale, zero_point):
    """DEQUANTIZE int8 -> float32: float32(double(scale) * (x - zp)), product in double."""
    _check_zero_point(zero_point)
    s = np.float64(np.float32(scale))
    return (s * (_as_int64(input) - int(zero_point)).astype(np.float64)).astype(np.float32)


def requantize_scales(input_scale, output_scale):
    """(multiplier, shift) of the int8 -> int8 QUANTIZE op: input_scale / output_scale."""
    return quantize_multiplier(float(np.float32(input_scale)) / float(np.float32(output_scale)))


# ------------------------------------------------------------------------------------------
# Self-test: known values and agreement with float math (run this file directly).
# ------------------------------------------------------------------------------------------


def _self_test():
    import random

    rnd = random.Random(1)

    # gemmlowp constants re-derived from their real values.
    def q(v, ib):
        return round_half_away_from_zero(v * 2.0 ** (31 - ib))
    assert EXP_MINUS_ONE_EIGHTH_Q0 == q(math.exp(-1 / 8), 0)
    assert ONE_THIRD_Q0 == q(1 / 3, 0)
    for e, m in EXP_BARREL_SHIFTER:
        assert m == q(math.exp(-(2.0 ** e)), 0), (e, m)
    assert FORTY_EIGHT_OVER_17_Q2 == q(48 / 17, 2)
    assert NEG_THIRTY_TWO_OVER_17_Q2 == q(-32 / 17, 2)

    # Primitives: known values.
    assert saturating_rounding_doubling_high_mul(INT32_MIN, INT32_MIN) == INT32_MAX
    assert saturating_rounding_doubling_high_mul(1 << 30, 1 << 30) == 1 << 29
    assert saturating_rounding_doubling_high_mul(-1, 1 << 30) == 0  # -0.5: nudge 1 - 2^30 -> 0
    assert rounding_divide_by_pot(5, 1) == 3 and rounding_divide_by_pot(-5, 1) == -3
    assert rounding_divide_by_pot(3, 1) == 2 and rounding_divide_by_pot(-3, 1) == -2
    assert rounding_divide_by_pot(-4, 3) == -1 and rounding_divide_by_pot(4, 3) == 1
    assert rounding_divide_by_pot(INT32_MIN, 31) == -1
    assert rounding_divide_by_pot(INT32_MAX, 31) == 1
    assert round_half_away_from_zero(2.5) == 3 and round_half_away_from_zero(-2.5) == -3
    assert round_half_away_from_zero(0.49999999999999994) == 0
    assert quantize_multiplier(1.0) == (1 << 30, 1)
    assert quantize_multiplier(0.5) == (1 << 30, 0)
    assert quantize_multiplier(1.0 - 2.0 ** -40) == (1 << 30, 1)  # q*2^31 rounds to 2^31
    assert quantize_multiplier(2.0 ** -40) == (0, 0)
    assert quantize_multiplier(2.0 ** 40) == (INT32_MAX, 30)
    assert calculate_input_radius(4, 24) == 120

    # Vectorized MBQM equals the scalar one, and both are within 1 of the real product.
    xs, ms, ss = [], [], []
    for _ in range(20000):
        xs.append(rnd.choice([rnd.randint(INT32_MIN, INT32_MAX), rnd.randint(-70000, 70000),
                              INT32_MIN, INT32_MAX, 0, -1, 1]))
        ms.append(rnd.choice([0, 1 << 30, INT32_MAX, rnd.randint(1 << 30, INT32_MAX)]))
        ss.append(rnd.choice([-31, 30, 0, rnd.randint(-31, 30), rnd.randint(-12, 2)]))
    vec = multiply_by_quantized_multiplier_array(np.array(xs), np.array(ms), np.array(ss))
    for x, m, s, v in zip(xs, ms, ss, vec):
        ref = multiply_by_quantized_multiplier(x, m, s)
        assert int(v) == ref, (x, m, s, int(v), ref)
        xl = max(INT32_MIN, min(INT32_MAX, x << max(s, 0)))
        exact = xl * m / 2.0 ** (31 + max(-s, 0))
        assert abs(ref - exact) <= 1.0 + 1e-6 * abs(exact), (x, m, s, ref, exact)

    # exp / logistic / reciprocal in fixed point against float math.
    for _ in range(3000):
        a = -rnd.randint(0, INT32_MAX)
        got = exp_on_negative_values(a, 5) / 2.0 ** 31
        assert abs(got - math.exp(a / 2.0 ** 26)) < 2e-7, a
        b = rnd.randint(-(1 << 31) + 1, INT32_MAX)
        got = fixed_point_logistic(b, 4) / 2.0 ** 31
        assert abs(got - 1 / (1 + math.exp(-b / 2.0 ** 27))) < 2e-7, b
        c = rnd.randint(0, INT32_MAX)
        got = one_over_one_plus_x_for_x_in_0_1(c) / 2.0 ** 31
        assert abs(got - 1 / (1 + c / 2.0 ** 31)) < 2e-7, c
    assert fixed_point_logistic(0, 4) == 1 << 30

    # Logistic: logistic(0) -> 0 (0.5 * 256 - 128), saturation, and within 1 LSB of float.
    for scale, zp in ((0.1, 0), (1 / 16, -128), (0.5, 3), (0.01, 127), (0.2, -7)):
        p = logistic_params(scale, zp)
        x = np.arange(-128, 128, dtype=np.int8)
        y = logistic(x, **p)
        assert y[zp + 128] == 0
        f = 1 / (1 + np.exp(-(x.astype(np.float64) - zp) * np.float32(scale)))
        fq = np.clip(np.round(f * 256) - 128, -128, 127)
        assert np.max(np.abs(fq - y)) <= 1, (scale, zp, np.max(np.abs(fq - y)))
    assert logistic(np.array([127], np.int8), **logistic_params(0.5, 0))[0] == 127

    # Softmax: equal inputs give 1/depth; close to float softmax.
    for depth in (1, 2, 4, 10, 256):
        p = softmax_params(0.1, 1.0)
        y = softmax(np.full((1, depth), 17, np.int8), **p)
        expect = min(127, round(256 / depth) - 128)
        assert np.all(np.abs(y.astype(int) - expect) <= 1), (depth, y[0, 0], expect)
    for scale, beta in ((0.1, 1.0), (1 / 16, 1.0), (0.02, 2.0), (1.0, 1.0), (0.5, 0.3)):
        p = softmax_params(scale, beta)
        for _ in range(20):
            x = np.array([[rnd.randint(-128, 127) for _ in range(12)]], np.int8)
            y = softmax(x, **p)
            z = (x.astype(np.float64) - x.max()) * np.float32(scale) * beta
            f = np.exp(z) / np.exp(z).sum()
            fq = np.clip(np.round(f * 256) - 128, -128, 127)
            assert np.max(np.abs(fq - y)) <= 1, (scale, beta, x, y, fq)

    # Conv against float math: within 1 LSB of the rounded real result.
    x = np.array(np.random.RandomState(3).randint(-128, 128, (1, 6, 6, 3)), np.int8)
    w = np.array(np.random.RandomState(4).randint(-127, 128, (4, 3, 3, 3)), np.int8)
    b = np.array([100, -2000, 0, 35000], np.int32)
    ms, shs = per_channel_multipliers(0.05, [0.01, 0.02, 0.004, 0.03], 0.7)
    y = conv2d(x, w, b, input_zero_point=-3, output_zero_point=5, output_multipliers=ms,
               output_shifts=shs, output_hw=(6, 6), pad_top=1, pad_left=1)
    xf = np.pad(x.astype(np.float64) + 3, ((0, 0), (1, 1), (1, 1), (0, 0)))
    real = np.array([0.05 * s / 0.7 for s in [0.01, 0.02, 0.004, 0.03]])
    for oy in range(6):
        for ox in range(6):
            acc = np.einsum("hwc,ohwc->o", xf[0, oy:oy + 3, ox:ox + 3, :], w.astype(np.float64)) + b
            fq = np.clip(np.round(acc * real) + 5, -128, 127)
            assert np.max(np.abs(fq - y[0, oy, ox])) <= 1

    # MEAN with the count folded into the multiplier: within 1 LSB of the float mean.
    for count_hw, si, so, zi, zo in (((5, 5), 0.05, 0.05, -3, -3), ((3, 7), 0.1, 0.04, 10, -20),
                                     ((1, 1), 0.02, 0.03, 0, 5), ((8, 8), 0.08, 0.02, -128, 0)):
        x = np.array(np.random.RandomState(5).randint(-128, 128, (2,) + count_hw + (4,)), np.int8)
        m, sh = quantize_multiplier(float(np.float32(si)) / float(np.float32(so)))
        y = mean_folded(x, axes=(1, 2), input_zero_point=zi, output_zero_point=zo,
                        multiplier=m, shift=sh)
        f = (x.astype(np.float64) - zi).mean(axis=(1, 2), keepdims=True) * si / so + zo
        assert np.max(np.abs(np.clip(np.round(f), -128, 127) - y)) <= 1, (count_hw, si, so)

    # Quantize: ties away from zero, NaN -> zp, inf saturates; dequantize in double.
    qv = quantize(np.array([1.25, -1.25, np.nan, np.inf, -np.inf, 1e30, -0.0], np.float32),
                  scale=0.5, zero_point=1)
    assert list(qv) == [4, -2, 1, 127, -128, 127, 1], qv
    dv = dequantize(np.array([-128, 0, 127], np.int8), scale=np.float32(0.1), zero_point=-128)
    assert dv[0] == 0.0 and dv[2] == np.float32(np.float64(np.float32(0.1)) * 255)
    print("int8_reference self-test passed")


if __name__ == "__main__":
    _self_test()
