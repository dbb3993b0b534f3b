// Lowering rules per TFLite operator: geometry (explicit padding), folded quantization and
// the operands each kernel kind expects (plan_format.h). The reader has already checked
// arity, dtypes and shape consistency; what is checked here is what only the kernels care
// about (e.g. SOFTMAX's fixed output quantization).
#include "tools/compiler/lower_ops.h"

#include <algorithm>
#include <cstdint>
#include <cstring>

namespace tt::compiler {

void OpLowering::fail(const std::string& message) const {
  throw ModelError(what + ": operator " + std::to_string(index) + " (" +
                   builtin_op_name(static_cast<int32_t>(model.operators[index].op)) +
                   "): " + message);
}

int32_t OpLowering::add_int32_constant(const std::string& name,
                                       const std::vector<int32_t>& values) {
  LoweredTensor t;
  t.name = name;
  t.dtype = plan::DType::kInt32;
  t.shape = {static_cast<int32_t>(values.size())};
  t.is_const = true;
  t.data.resize(values.size() * sizeof(int32_t));
  std::memcpy(t.data.data(), values.data(), t.data.size());
  out.tensors.push_back(std::move(t));
  return static_cast<int32_t>(out.tensors.size()) - 1;
}

namespace {

using plan::OpKind;
namespace p = plan::p;

// TFLite's SAME padding: the total is split with the extra row/column at the bottom/right.
int32_t leading_pad(Padding padding, int32_t in, int32_t out, int32_t k, int32_t stride,
                    int32_t dilation) {
  if (padding == Padding::kValid) return 0;
  // 64-bit: the reader bounds dims, not stride x dilation; the kernel rejects a huge pad.
  const int64_t effective = int64_t{k - 1} * dilation + 1;
  const int64_t total = std::max<int64_t>(0, int64_t{out - 1} * stride + effective - in);
  return static_cast<int32_t>(std::min<int64_t>(total / 2, INT32_MAX));
}

int64_t count(const std::vector<int32_t>& shape) {
  int64_t n = 1;
  for (int32_t d : shape) n *= d;
  return n;
}

struct Builder {
  OpLowering& ctx;
  const Operator& op;
  LoweredOp lo;

  const LoweredTensor& t(int32_t i) const { return ctx.out.tensors[op.inputs[i]]; }
  const LoweredTensor& out_t() const { return ctx.out.tensors[op.outputs[0]]; }
  const Tensor& model_t(int32_t i) const { return ctx.model.tensors[op.inputs[i]]; }

  void set_act(int lo_word, int hi_word) {
    const ActRange r = activation_range(op.options.activation, out_t().scale, out_t().zero_point);
    lo.params[lo_word] = r.min;
    lo.params[hi_word] = r.max;
  }

  // Folds per-channel (or per-tensor, replicated when `channels` > 1) effective scales.
  void fold_channels(int32_t channels, bool keep_per_tensor) {
    const Tensor& filter = model_t(1);
    const std::vector<float>& fs = filter.quant.scale;
    const int32_t n = keep_per_tensor && fs.size() == 1 ? 1 : channels;
    std::vector<int32_t> mult(n), shift(n);
    const bool fc_per_tensor = keep_per_tensor && fs.size() == 1;
    for (int32_t c = 0; c < n; ++c) {
      const float f = fs.size() == 1 ? fs[0] : fs[c];
      const QuantizedMultiplier m = fc_per_tensor
                                        ? fc_per_tensor_multiplier(t(0).scale, f, out_t().scale)
                                        : conv_multiplier(t(0).scale, f, out_t().scale);
      mult[c] = m.multiplier;
      shift[c] = m.shift;
    }
    const std::string base = out_t().name.empty() ? "op" + std::to_string(ctx.index) : out_t().name;
    lo.inputs.push_back(ctx.add_int32_constant(base + "/multipliers", mult));
    lo.inputs.push_back(ctx.add_int32_constant(base + "/shifts", shift));
    lo.params[p::kInputOffset] = -t(0).zero_point;
    lo.params[p::kOutputOffset] = out_t().zero_point;
    set_act(p::kActMin, p::kActMax);
    lo.weight_bytes = t(1).bytes() + (op.inputs.size() > 2 && op.inputs[2] >= 0 ? t(2).bytes() : 0);
  }

  void weighted_operands() {
    lo.inputs = {op.inputs[0], op.inputs[1], op.inputs.size() > 2 ? op.inputs[2] : -1};
  }

  void conv(bool depthwise) {
    const auto& in = t(0).shape;
    const auto& f = t(1).shape;
    const auto& o = out_t().shape;
    const OpOptions& opt = op.options;
    lo.kind = depthwise ? OpKind::kDepthwiseConv2d : OpKind::kConv2d;
    weighted_operands();
    lo.params[p::kStrideH] = opt.stride_h, lo.params[p::kStrideW] = opt.stride_w;
    lo.params[p::kDilationH] = opt.dilation_h, lo.params[p::kDilationW] = opt.dilation_w;
    lo.params[p::kPadTop] =
        leading_pad(opt.padding, in[1], o[1], f[1], opt.stride_h, opt.dilation_h);
    lo.params[p::kPadLeft] =
        leading_pad(opt.padding, in[2], o[2], f[2], opt.stride_w, opt.dilation_w);
    const int32_t channels = o[3];
    if (depthwise) {
      if (o[3] % in[3] != 0) ctx.fail("output channels are not a multiple of input channels");
      lo.params[p::kDepthMultiplier] = o[3] / in[3];
      lo.macs = count(o) * f[1] * f[2];
    } else {
      lo.macs = count(o) * f[1] * f[2] * f[3];
    }
    fold_channels(channels, false);
  }

  void fully_connected() {
    lo.kind = OpKind::kFullyConnected;
    weighted_operands();
    const auto& f = t(1).shape;
    lo.macs = count(out_t().shape) * f[1];
    fold_channels(f[0], true);
  }

  void pool(bool max) {
    const auto& in = t(0).shape;
    const auto& o = out_t().shape;
    const OpOptions& opt = op.options;
    if (t(0).scale != out_t().scale || t(0).zero_point != out_t().zero_point) {
      ctx.fail("input and output quantization differ (TFLite requires them equal)");
    }
    lo.kind = max ? OpKind::kMaxPool2d : OpKind::kAvgPool2d;
    lo.inputs = {op.inputs[0]};
    lo.params[p::kFilterH] = opt.filter_h, lo.params[p::kFilterW] = opt.filter_w;
    lo.params[p::kPoolStrideH] = opt.stride_h, lo.params[p::kPoolStrideW] = opt.stride_w;
    lo.params[p::kPoolPadTop] =
        leading_pad(opt.padding, in[1], o[1], opt.filter_h, opt.stride_h, 1);
    lo.params[p::kPoolPadLeft] =
        leading_pad(opt.padding, in[2], o[2], opt.filter_w, opt.stride_w, 1);
    set_act(p::kPoolActMin, p::kPoolActMax);
  }

  void elementwise(bool add) {
    lo.kind = add ? OpKind::kAdd : OpKind::kMul;
    lo.inputs = {op.inputs[0], op.inputs[1]};
    lo.params[p::kIn1Offset] = -t(0).zero_point;
    lo.params[p::kIn2Offset] = -t(1).zero_point;
    lo.params[p::kOutOffset] = out_t().zero_point;
    if (add) {
      const AddQuant q = add_quant(t(0).scale, t(1).scale, out_t().scale);
      lo.params[p::kLeftShift] = q.left_shift;
      lo.params[p::kIn1Multiplier] = q.input1.multiplier, lo.params[p::kIn1Shift] = q.input1.shift;
      lo.params[p::kIn2Multiplier] = q.input2.multiplier, lo.params[p::kIn2Shift] = q.input2.shift;
      lo.params[p::kOutMultiplier] = q.output.multiplier, lo.params[p::kOutShift] = q.output.shift;
    } else {
      const QuantizedMultiplier m = mul_multiplier(t(0).scale, t(1).scale, out_t().scale);
      lo.params[p::kOutMultiplier] = m.multiplier, lo.params[p::kOutShift] = m.shift;
    }
    set_act(p::kEltActMin, p::kEltActMax);
    // Each output element reads only the same element of a same-shaped input.
    if (count(t(0).shape) == count(out_t().shape)) {
      lo.in_place_input = 0;
    } else if (count(t(1).shape) == count(out_t().shape)) {
      lo.in_place_input = 1;
    }
  }

  void require_prob_output() const {
    if (out_t().scale != 1.0f / 256 || out_t().zero_point != -128) {
      ctx.fail("output quantization must be scale 1/256, zero point -128 (got scale " +
               std::to_string(out_t().scale) + ", zero point " +
               std::to_string(out_t().zero_point) + ")");
    }
  }

  void softmax() {
    require_prob_output();
    lo.kind = OpKind::kSoftmax;
    lo.inputs = {op.inputs[0]};
    const SoftmaxQuant q = softmax_quant(t(0).scale, op.options.beta);
    lo.params[p::kSoftmaxMultiplier] = q.multiplier;
    lo.params[p::kSoftmaxLeftShift] = q.left_shift;
    lo.params[p::kSoftmaxDiffMin] = q.diff_min;
  }

  void logistic() {
    require_prob_output();
    lo.kind = OpKind::kLogistic;
    lo.inputs = {op.inputs[0]};
    const LogisticQuant q = logistic_quant(t(0).scale);
    lo.params[p::kLogisticZeroPoint] = t(0).zero_point;
    lo.params[p::kLogisticRadius] = q.range_radius;
    lo.params[p::kLogisticMultiplier] = q.multiplier;
    lo.params[p::kLogisticLeftShift] = q.left_shift;
    lo.in_place_input = 0;
  }

  void requantize(const QuantizedMultiplier& m, ActRange range) {
    lo.kind = OpKind::kRequantize;
    lo.inputs = {op.inputs[0]};
    lo.params[p::kRqInZp] = t(0).zero_point;
    lo.params[p::kRqOutZp] = out_t().zero_point;
    lo.params[p::kRqMultiplier] = m.multiplier;
    lo.params[p::kRqShift] = m.shift;
    lo.params[p::kRqActMin] = range.min;
    lo.params[p::kRqActMax] = range.max;
    lo.in_place_input = 0;
  }

  void scale_params(const LoweredTensor& q) {
    int32_t bits;
    std::memcpy(&bits, &q.scale, sizeof bits);
    lo.params[p::kScaleBits] = bits;
    lo.params[p::kZeroPoint] = q.zero_point;
  }

  void quantize() {
    lo.inputs = {op.inputs[0]};
    if (t(0).dtype == plan::DType::kFloat32) {
      lo.kind = OpKind::kQuantize;
      scale_params(out_t());
    } else {
      requantize(ratio_multiplier(t(0).scale, out_t().scale), ActRange{});
    }
  }

  void pad() {
    const int32_t rank = static_cast<int32_t>(t(0).shape.size());
    lo.kind = OpKind::kPad;
    lo.inputs = {op.inputs[0]};
    for (int32_t i = 0; i < rank; ++i) lo.params[4 - rank + i] = op.options.paddings[2 * i];
    lo.params[p::kPadValue] = out_t().zero_point;
  }

  void concatenation() {
    for (size_t i = 0; i < op.inputs.size(); ++i) {
      const LoweredTensor& in = ctx.out.tensors[op.inputs[i]];
      if (in.scale != out_t().scale || in.zero_point != out_t().zero_point) {
        ctx.fail("input " + std::to_string(i) +
                 " quantization differs from the output's (requantizing concatenation is not "
                 "supported)");
      }
    }
    if (op.inputs.size() > static_cast<size_t>(plan::kMaxOpInputs)) {
      ctx.fail(std::to_string(op.inputs.size()) + " inputs; at most " +
               std::to_string(plan::kMaxOpInputs) + " are supported");
    }
    const int32_t rank = static_cast<int32_t>(out_t().shape.size());
    lo.kind = OpKind::kConcatenation;
    lo.inputs = op.inputs;
    lo.params[0] = op.options.axis + 4 - rank;
  }

  void mean() {
    const auto& in = t(0).shape;
    const int32_t rank = static_cast<int32_t>(in.size());
    lo.kind = OpKind::kMean;
    lo.inputs = {op.inputs[0]};
    uint32_t mask = 0;
    std::vector<int32_t> kept = in;
    for (int32_t a : op.options.axes) {
      mask |= 1u << (4 - rank + a);
      kept[a] = 1;
    }
    lo.params[p::kMeanAxes] = static_cast<int32_t>(mask);
    lo.params[p::kMeanInZp] = t(0).zero_point;
    lo.params[p::kMeanOutZp] = out_t().zero_point;
    const QuantizedMultiplier m = ratio_multiplier(t(0).scale, out_t().scale);
    lo.params[p::kMeanMultiplier] = m.multiplier;
    lo.params[p::kMeanShift] = m.shift;
    if (out_t().shape != kept) {
      // keep_dims = false: the kernel writes the kept-dims shape and the model's output
      // tensor becomes an alias of it.
      LoweredTensor k = out_t();
      k.name += "/keep_dims";
      k.shape = kept;
      ctx.out.tensors.push_back(k);
      const int32_t ki = static_cast<int32_t>(ctx.out.tensors.size()) - 1;
      ctx.out.tensors[op.outputs[0]].alias_of = ki;
      lo.output = ki;
    }
  }
};

}  // namespace

LoweredOp lower_operator(OpLowering& ctx, const Operator& op) {
  Builder b{ctx, op, {}};
  b.lo.output = op.outputs[0];
  switch (op.op) {
    case BuiltinOp::kConv2d:
      b.conv(false);
      break;
    case BuiltinOp::kDepthwiseConv2d:
      b.conv(true);
      break;
    case BuiltinOp::kFullyConnected:
      b.fully_connected();
      break;
    case BuiltinOp::kMaxPool2d:
      b.pool(true);
      break;
    case BuiltinOp::kAveragePool2d:
      b.pool(false);
      break;
    case BuiltinOp::kAdd:
      b.elementwise(true);
      break;
    case BuiltinOp::kMul:
      b.elementwise(false);
      break;
    case BuiltinOp::kSoftmax:
      b.softmax();
      break;
    case BuiltinOp::kLogistic:
      b.logistic();
      break;
    case BuiltinOp::kRelu:
    case BuiltinOp::kRelu6:
      b.requantize(
          relu_multiplier(b.t(0).scale, b.out_t().scale),
          activation_range(op.op == BuiltinOp::kRelu ? Activation::kRelu : Activation::kRelu6,
                           b.out_t().scale, b.out_t().zero_point));
      break;
    case BuiltinOp::kQuantize:
      b.quantize();
      break;
    case BuiltinOp::kDequantize:
      b.lo.kind = OpKind::kDequantize;
      b.lo.inputs = {op.inputs[0]};
      b.scale_params(b.t(0));
      break;
    case BuiltinOp::kPad:
      b.pad();
      break;
    case BuiltinOp::kConcatenation:
      b.concatenation();
      break;
    case BuiltinOp::kMean:
      b.mean();
      break;
    case BuiltinOp::kReshape:
    case BuiltinOp::kSqueeze:
      ctx.fail("internal: reshapes are aliases, not ops");
  }
  return b.lo;
}

}  // namespace tt::compiler
