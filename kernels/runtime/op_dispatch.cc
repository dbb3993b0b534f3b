// Argument binding for every op kind. Shapes always come from the tensor records (whose byte
// sizes the loader has matched against their dims), never from separate fields, so the
// kernels' own validation is enough to keep every access inside the buffers.
#include "kernels/runtime/op_dispatch.h"

#include <cstring>

#include "kernels/registry.h"

namespace tt::kernels::plan {
namespace {

constexpr int32_t kAbsent = -1;

Dims4 dims4(const PlanTensor& t) {
  // Right-align the shape into N, H, W, C: [a, b] is [1, 1, a, b].
  int32_t d[4] = {1, 1, 1, 1};
  for (int32_t i = 0; i < t.rank; ++i) d[4 - t.rank + i] = t.dims[i];
  return Dims4{d[0], d[1], d[2], d[3]};
}

struct Binder {
  const LoadedPlan& plan;
  const PlanOp& op;
  DispatchMode mode;
  int32_t* scratch_need = nullptr;  // kScratch: where the need goes

  int32_t operand(int32_t i) const { return plan.operands(op)[i]; }
  const PlanTensor& tensor(int32_t i) const { return plan.tensors[operand(i)]; }
  const PlanTensor& out_tensor() const { return plan.tensors[plan.op_output(op)]; }
  template <typename T>
  const T* in(int32_t i) const {
    return operand(i) == kAbsent ? nullptr : static_cast<const T*>(plan.data(operand(i)));
  }
  template <typename T>
  T* out() const {
    return static_cast<T*>(plan.mutable_data(plan.op_output(op)));
  }
  int32_t param(int32_t i) const { return op.params[i]; }
  void* scratch() const { return op.scratch_bytes ? plan.arena + op.scratch_offset : nullptr; }
  int32_t scratch_bytes() const { return static_cast<int32_t>(op.scratch_bytes); }

  // Validation also proves every variant's scratch fits, so switching variants at run time
  // can never fail for lack of scratch.
  template <typename Args, int32_t N>
  Status apply(const OpVariants<Args, N>& variants, Status (*validate)(const Args&),
               const Args& args) const {
    if (mode == DispatchMode::kScratch) {
      int32_t need = 0;
      for (int32_t v = 0; v < N; ++v) {
        const auto size = variants.variants[v].scratch_size;
        if (size != nullptr && size(args) > need) need = size(args);
      }
      *scratch_need = need;
      return Status::kOk;
    }
    if (mode == DispatchMode::kValidate) {
      const Status s = validate(args);
      if (s != Status::kOk) return s;
      for (int32_t v = 0; v < N; ++v) {
        const auto need = variants.variants[v].scratch_size;
        if (need != nullptr && need(args) > scratch_bytes()) return Status::kScratchTooSmall;
      }
      return Status::kOk;
    }
    return variants.variants[mode == DispatchMode::kRunRef ? 0 : N - 1].run(args);
  }

  ConvQuant conv_quant() const {
    ConvQuant q;
    q.input_offset = param(p::kInputOffset);
    q.output_offset = param(p::kOutputOffset);
    q.act_min = param(p::kActMin);
    q.act_max = param(p::kActMax);
    q.out_multiplier = in<int32_t>(3);
    q.out_shift = in<int32_t>(4);
    return q;
  }
  // Per-channel arrays must hold one entry per output channel (or one, for FC per-tensor).
  bool channel_arrays_fit(int32_t channels, bool allow_single) const {
    const int32_t m = element_count(tensor(3));
    if (element_count(tensor(4)) != m) return false;
    if (m != channels && !(allow_single && m == 1)) return false;
    return operand(2) == kAbsent || element_count(tensor(2)) == channels;
  }

  Status conv2d() const {
    Conv2dArgs a;
    a.input_dims = dims4(tensor(0));
    a.filter_dims = dims4(tensor(1));
    a.output_dims = dims4(out_tensor());
    a.stride_h = param(p::kStrideH), a.stride_w = param(p::kStrideW);
    a.dilation_h = param(p::kDilationH), a.dilation_w = param(p::kDilationW);
    a.pad_top = param(p::kPadTop), a.pad_left = param(p::kPadLeft);
    a.quant = conv_quant();
    a.input = in<int8_t>(0), a.filter = in<int8_t>(1), a.bias = in<int32_t>(2);
    a.output = out<int8_t>();
    a.scratch = scratch(), a.scratch_bytes = scratch_bytes();
    if (!channel_arrays_fit(a.filter_dims.n, false)) return Status::kBadQuantization;
    return apply(kConv2d, conv2d_validate, a);
  }

  Status depthwise_conv2d() const {
    DepthwiseConv2dArgs a;
    a.input_dims = dims4(tensor(0));
    a.filter_dims = dims4(tensor(1));
    a.output_dims = dims4(out_tensor());
    a.depth_multiplier = param(p::kDepthMultiplier);
    a.stride_h = param(p::kStrideH), a.stride_w = param(p::kStrideW);
    a.dilation_h = param(p::kDilationH), a.dilation_w = param(p::kDilationW);
    a.pad_top = param(p::kPadTop), a.pad_left = param(p::kPadLeft);
    a.quant = conv_quant();
    a.input = in<int8_t>(0), a.filter = in<int8_t>(1), a.bias = in<int32_t>(2);
    a.output = out<int8_t>();
    a.scratch = scratch(), a.scratch_bytes = scratch_bytes();
    if (!channel_arrays_fit(a.filter_dims.c, false)) return Status::kBadQuantization;
    return apply(kDepthwiseConv2d, depthwise_conv2d_validate, a);
  }

  Status fully_connected() const {
    FullyConnectedArgs a;
    const PlanTensor& filter = tensor(1);
    if (filter.rank != 2) return Status::kBadShape;
    a.units = filter.dims[0], a.depth = filter.dims[1];
    const int32_t outputs = element_count(out_tensor());
    if (outputs % a.units != 0) return Status::kBadShape;
    a.batches = outputs / a.units;
    if (int64_t{a.batches} * a.depth != element_count(tensor(0))) return Status::kBadShape;
    a.quant = conv_quant();
    a.quant_count = element_count(tensor(3));
    a.input = in<int8_t>(0), a.filter = in<int8_t>(1), a.bias = in<int32_t>(2);
    a.output = out<int8_t>();
    a.scratch = scratch(), a.scratch_bytes = scratch_bytes();
    if (!channel_arrays_fit(a.units, true)) return Status::kBadQuantization;
    return apply(kFullyConnected, fully_connected_validate, a);
  }

  Status pool(bool max) const {
    Pool2dArgs a;
    a.input_dims = dims4(tensor(0));
    a.output_dims = dims4(out_tensor());
    a.filter_h = param(p::kFilterH), a.filter_w = param(p::kFilterW);
    a.stride_h = param(p::kPoolStrideH), a.stride_w = param(p::kPoolStrideW);
    a.pad_top = param(p::kPoolPadTop), a.pad_left = param(p::kPoolPadLeft);
    a.act_min = param(p::kPoolActMin), a.act_max = param(p::kPoolActMax);
    a.input = in<int8_t>(0), a.output = out<int8_t>();
    return max ? apply(kMaxPool2d, pool2d_validate, a) : apply(kAvgPool2d, pool2d_validate, a);
  }

  Status add() const {
    AddArgs a;
    a.input1_dims = dims4(tensor(0)), a.input2_dims = dims4(tensor(1));
    a.output_dims = dims4(out_tensor());
    a.input1_offset = param(p::kIn1Offset), a.input2_offset = param(p::kIn2Offset);
    a.output_offset = param(p::kOutOffset), a.left_shift = param(p::kLeftShift);
    a.input1_multiplier = param(p::kIn1Multiplier), a.input1_shift = param(p::kIn1Shift);
    a.input2_multiplier = param(p::kIn2Multiplier), a.input2_shift = param(p::kIn2Shift);
    a.output_multiplier = param(p::kOutMultiplier), a.output_shift = param(p::kOutShift);
    a.act_min = param(p::kEltActMin), a.act_max = param(p::kEltActMax);
    a.input1 = in<int8_t>(0), a.input2 = in<int8_t>(1), a.output = out<int8_t>();
    return apply(kAdd, add_validate, a);
  }

  Status mul() const {
    MulArgs a;
    a.input1_dims = dims4(tensor(0)), a.input2_dims = dims4(tensor(1));
    a.output_dims = dims4(out_tensor());
    a.input1_offset = param(p::kIn1Offset), a.input2_offset = param(p::kIn2Offset);
    a.output_offset = param(p::kOutOffset);
    a.output_multiplier = param(p::kOutMultiplier), a.output_shift = param(p::kOutShift);
    a.act_min = param(p::kEltActMin), a.act_max = param(p::kEltActMax);
    a.input1 = in<int8_t>(0), a.input2 = in<int8_t>(1), a.output = out<int8_t>();
    return apply(kMul, mul_validate, a);
  }

  Status softmax() const {
    SoftmaxArgs a;
    const PlanTensor& t = tensor(0);
    a.depth = t.rank == 0 ? 1 : t.dims[t.rank - 1];
    a.rows = element_count(t) / a.depth;
    if (element_count(out_tensor()) != element_count(t)) return Status::kBadShape;
    a.input_multiplier = param(p::kSoftmaxMultiplier);
    a.input_left_shift = param(p::kSoftmaxLeftShift);
    a.diff_min = param(p::kSoftmaxDiffMin);
    a.input = in<int8_t>(0), a.output = out<int8_t>();
    return apply(kSoftmax, softmax_validate, a);
  }

  Status logistic() const {
    LogisticArgs a;
    a.size = element_count(tensor(0));
    if (element_count(out_tensor()) != a.size) return Status::kBadShape;
    a.input_zero_point = param(p::kLogisticZeroPoint);
    a.input_range_radius = param(p::kLogisticRadius);
    a.input_multiplier = param(p::kLogisticMultiplier);
    a.input_left_shift = param(p::kLogisticLeftShift);
    a.input = in<int8_t>(0), a.output = out<int8_t>();
    return apply(kLogistic, logistic_validate, a);
  }

  Status pad() const {
    PadArgs a;
    a.input_dims = dims4(tensor(0)), a.output_dims = dims4(out_tensor());
    for (int i = 0; i < 4; ++i) a.pad_before[i] = param(i);
    if (param(p::kPadValue) < -128 || param(p::kPadValue) > 127) return Status::kBadQuantization;
    a.pad_value = static_cast<int8_t>(param(p::kPadValue));
    a.input = in<int8_t>(0), a.output = out<int8_t>();
    return apply(kPad, pad_validate, a);
  }

  Status concatenation() const {
    Dims4 dims[kMaxConcatInputs];
    const int8_t* inputs[kMaxConcatInputs];
    ConcatenationArgs a;
    a.num_inputs = op.input_count;
    if (a.num_inputs > kMaxConcatInputs) return Status::kBadParameter;
    for (int32_t i = 0; i < a.num_inputs; ++i) {
      dims[i] = dims4(tensor(i));
      inputs[i] = in<int8_t>(i);
    }
    a.input_dims = dims, a.inputs = inputs;
    a.axis = param(0);
    a.output_dims = dims4(out_tensor());
    a.output = out<int8_t>();
    return apply(kConcatenation, concatenation_validate, a);
  }

  Status mean() const {
    MeanArgs a;
    a.input_dims = dims4(tensor(0)), a.output_dims = dims4(out_tensor());
    a.axes_mask = static_cast<uint32_t>(param(p::kMeanAxes));
    a.input_zero_point = param(p::kMeanInZp), a.output_zero_point = param(p::kMeanOutZp);
    a.multiplier = param(p::kMeanMultiplier), a.shift = param(p::kMeanShift);
    a.input = in<int8_t>(0), a.output = out<int8_t>();
    return apply(kMean, mean_validate, a);
  }

  float scale_param() const {
    float scale;
    const int32_t bits = param(p::kScaleBits);
    std::memcpy(&scale, &bits, sizeof scale);
    return scale;
  }

  Status quantize() const {
    QuantizeArgs a;
    a.size = element_count(tensor(0));
    if (element_count(out_tensor()) != a.size) return Status::kBadShape;
    a.scale = scale_param(), a.zero_point = param(p::kZeroPoint);
    a.input = in<float>(0), a.output = out<int8_t>();
    return apply(kQuantize, quantize_validate, a);
  }

  Status dequantize() const {
    DequantizeArgs a;
    a.size = element_count(tensor(0));
    if (element_count(out_tensor()) != a.size) return Status::kBadShape;
    a.scale = scale_param(), a.zero_point = param(p::kZeroPoint);
    a.input = in<int8_t>(0), a.output = out<float>();
    return apply(kDequantize, dequantize_validate, a);
  }

  Status requantize() const {
    RequantizeArgs a;
    a.size = element_count(tensor(0));
    if (element_count(out_tensor()) != a.size) return Status::kBadShape;
    a.input_zero_point = param(p::kRqInZp), a.output_zero_point = param(p::kRqOutZp);
    a.multiplier = param(p::kRqMultiplier), a.shift = param(p::kRqShift);
    a.act_min = param(p::kRqActMin), a.act_max = param(p::kRqActMax);
    a.input = in<int8_t>(0), a.output = out<int8_t>();
    return apply(kRequantize, requantize_validate, a);
  }

  Status copy() const {
    const PlanTensor& src = tensor(0);
    if (src.bytes != out_tensor().bytes || src.dtype != out_tensor().dtype) {
      return Status::kBadShape;
    }
    if (mode == DispatchMode::kValidate) return Status::kOk;
    if (mode == DispatchMode::kScratch) {
      *scratch_need = 0;
      return Status::kOk;
    }
    // memmove: a copy onto itself (an alias the planner chose) is legal.
    std::memmove(out<uint8_t>(), in<uint8_t>(0), src.bytes);
    return Status::kOk;
  }
};

struct OperandSpec {
  uint8_t min_inputs, max_inputs;
  DType input, output;
  int8_t optional_input;  // the one operand that may be absent (-1 in the io table), or -1
};

bool spec_for(OpKind kind, OperandSpec* spec) {
  const DType i8 = DType::kInt8, f32 = DType::kFloat32;
  switch (kind) {
    case OpKind::kConv2d:
    case OpKind::kDepthwiseConv2d:
    case OpKind::kFullyConnected:
      *spec = {5, 5, i8, i8, 2};
      return true;
    case OpKind::kAdd:
    case OpKind::kMul:
      *spec = {2, 2, i8, i8, -1};
      return true;
    case OpKind::kConcatenation:
      *spec = {1, kMaxOpInputs, i8, i8, -1};
      return true;
    case OpKind::kQuantize:
      *spec = {1, 1, f32, i8, -1};
      return true;
    case OpKind::kDequantize:
      *spec = {1, 1, i8, f32, -1};
      return true;
    case OpKind::kCopy:
      *spec = {1, 1, i8, i8, -1};  // dtype equality is checked by the op itself
      return true;
    case OpKind::kMaxPool2d:
    case OpKind::kAvgPool2d:
    case OpKind::kSoftmax:
    case OpKind::kLogistic:
    case OpKind::kPad:
    case OpKind::kMean:
    case OpKind::kRequantize:
      *spec = {1, 1, i8, i8, -1};
      return true;
  }
  return false;
}

Status dispatch_with(const Binder& b);

}  // namespace

bool op_operands_valid(const LoadedPlan& plan, const PlanOp& op) {
  OperandSpec spec;
  if (!spec_for(op.kind, &spec)) return false;
  if (op.output_count != 1 || op.input_count < spec.min_inputs ||
      op.input_count > spec.max_inputs) {
    return false;
  }
  const int32_t* operands = plan.operands(op);
  const bool weighted = spec.optional_input == 2;  // conv, depthwise, FC
  for (int32_t i = 0; i < op.input_count; ++i) {
    const int32_t t = operands[i];
    if (t == kAbsent) {
      if (i != spec.optional_input) return false;
      continue;
    }
    const DType want = !weighted || i <= 1 ? spec.input : DType::kInt32;
    if (op.kind != OpKind::kCopy && plan.tensors[t].dtype != want) return false;
  }
  const PlanTensor& out = plan.tensors[plan.op_output(op)];
  if (out.storage != Storage::kArena) return false;
  return op.kind == OpKind::kCopy || out.dtype == spec.output;
}

int32_t op_scratch_bytes(const LoadedPlan& plan, const PlanOp& op) {
  int32_t need = -1;
  Binder b{plan, op, DispatchMode::kScratch, &need};
  return dispatch_with(b) == Status::kOk ? need : -1;
}

Status dispatch_op(const LoadedPlan& plan, const PlanOp& op, DispatchMode mode) {
  return dispatch_with(Binder{plan, op, mode});
}

namespace {

Status dispatch_with(const Binder& b) {
  const PlanOp& op = b.op;
  switch (op.kind) {
    case OpKind::kConv2d:
      return b.conv2d();
    case OpKind::kDepthwiseConv2d:
      return b.depthwise_conv2d();
    case OpKind::kFullyConnected:
      return b.fully_connected();
    case OpKind::kMaxPool2d:
      return b.pool(true);
    case OpKind::kAvgPool2d:
      return b.pool(false);
    case OpKind::kAdd:
      return b.add();
    case OpKind::kMul:
      return b.mul();
    case OpKind::kSoftmax:
      return b.softmax();
    case OpKind::kLogistic:
      return b.logistic();
    case OpKind::kPad:
      return b.pad();
    case OpKind::kConcatenation:
      return b.concatenation();
    case OpKind::kMean:
      return b.mean();
    case OpKind::kQuantize:
      return b.quantize();
    case OpKind::kRequantize:
      return b.requantize();
    case OpKind::kDequantize:
      return b.dequantize();
    case OpKind::kCopy:
      return b.copy();
  }
  return Status::kUnsupported;
}

}  // namespace

}  // namespace tt::kernels::plan
