// Lowering: one pass over the TFLite operators in execution order. Each operator becomes a
// kernel op, an alias (RESHAPE, SQUEEZE) or a fused clamp on its producer (a standalone RELU
// or RELU6 whose input has no other reader and the same quantization as its output).
#include <algorithm>
#include <cstring>

#include "tools/compiler/lower_ops.h"

namespace tt::compiler {

int64_t LoweredTensor::bytes() const {
  int64_t n = dtype == plan::DType::kInt8 ? 1 : 4;
  for (int32_t d : shape) n *= d;
  return n;
}

namespace {

plan::DType dtype_of(TensorType t) {
  switch (t) {
    case TensorType::kInt32:
      return plan::DType::kInt32;
    case TensorType::kFloat32:
      return plan::DType::kFloat32;
    default:
      return plan::DType::kInt8;  // other types never reach a kernel (the reader checks)
  }
}

bool clamps_its_output(plan::OpKind k) {
  switch (k) {
    case plan::OpKind::kConv2d:
    case plan::OpKind::kDepthwiseConv2d:
    case plan::OpKind::kFullyConnected:
    case plan::OpKind::kMaxPool2d:
    case plan::OpKind::kAvgPool2d:
    case plan::OpKind::kAdd:
    case plan::OpKind::kMul:
    case plan::OpKind::kRequantize:
      return true;
    default:
      return false;
  }
}

// Where each kind keeps its activation clamp in the parameter words.
std::pair<int, int> act_params(plan::OpKind k) {
  switch (k) {
    case plan::OpKind::kMaxPool2d:
    case plan::OpKind::kAvgPool2d:
      return {plan::p::kPoolActMin, plan::p::kPoolActMax};
    case plan::OpKind::kAdd:
    case plan::OpKind::kMul:
      return {plan::p::kEltActMin, plan::p::kEltActMax};
    case plan::OpKind::kRequantize:
      return {plan::p::kRqActMin, plan::p::kRqActMax};
    default:
      return {plan::p::kActMin, plan::p::kActMax};
  }
}

}  // namespace

LoweredModel lower(const Model& model, const std::string& what) {
  LoweredModel out;
  for (const Tensor& t : model.tensors) {
    LoweredTensor lt;
    lt.name = t.name;
    lt.dtype = dtype_of(t.type);
    lt.shape = t.shape;
    if (!t.quant.scale.empty()) {
      lt.scale = t.quant.scale[0];
      lt.zero_point = static_cast<int32_t>(t.quant.zero_point.empty() ? 0 : t.quant.zero_point[0]);
    }
    if (t.is_constant()) {
      lt.is_const = true;
      lt.data.assign(t.data, t.data + t.data_size);
    }
    out.tensors.push_back(std::move(lt));
  }
  out.inputs = model.inputs;
  out.outputs = model.outputs;

  std::vector<int32_t> readers(model.tensors.size(), 0);
  for (const Operator& op : model.operators) {
    for (int32_t t : op.inputs) {
      if (t >= 0) ++readers[t];
    }
  }
  auto is_model_output = [&](int32_t t) {
    return std::find(model.outputs.begin(), model.outputs.end(), t) != model.outputs.end();
  };
  // The lowered op that writes each tensor (-1: none yet, e.g. a model input).
  std::vector<int32_t> producer(model.tensors.size(), -1);

  OpLowering ctx{model, out, what};
  for (int32_t i = 0; i < static_cast<int32_t>(model.operators.size()); ++i) {
    const Operator& op = model.operators[i];
    ctx.index = i;
    if (op.op == BuiltinOp::kReshape || op.op == BuiltinOp::kSqueeze) {
      const int32_t in = op.inputs[0], o = op.outputs[0];
      out.tensors[o].alias_of = in;
      continue;
    }
    if (op.op == BuiltinOp::kRelu || op.op == BuiltinOp::kRelu6) {
      const int32_t in = op.inputs[0], o = op.outputs[0];
      const int32_t prod = producer[in];
      const LoweredTensor &ti = out.tensors[in], &to = out.tensors[o];
      const bool fusable = prod >= 0 && clamps_its_output(out.ops[prod].kind) && readers[in] == 1 &&
                           !is_model_output(in) && ti.alias_of < 0 && ti.scale == to.scale &&
                           ti.zero_point == to.zero_point;
      if (fusable) {
        LoweredOp& p = out.ops[prod];
        const ActRange r =
            activation_range(op.op == BuiltinOp::kRelu ? Activation::kRelu : Activation::kRelu6,
                             to.scale, to.zero_point);
        const auto [lo, hi] = act_params(p.kind);
        p.params[lo] = std::max(p.params[lo], r.min);
        p.params[hi] = std::min(p.params[hi], r.max);
        p.output = o;
        p.fused.push_back(i);
        p.source_index = i;
        producer[o] = prod;
        continue;
      }
    }
    LoweredOp lowered = lower_operator(ctx, op);
    lowered.source_index = i;
    lowered.source_builtin = static_cast<int32_t>(op.op);
    // The output may be a tensor the lowering added (MEAN without keep_dims).
    if (static_cast<size_t>(lowered.output) >= producer.size()) {
      producer.resize(static_cast<size_t>(lowered.output) + 1, -1);
    }
    producer[lowered.output] = static_cast<int32_t>(out.ops.size());
    out.ops.push_back(std::move(lowered));
  }
  if (out.ops.empty()) throw ModelError(what + ": the model has no operator to run");
  return out;
}

}  // namespace tt::compiler
