// Shared by the TFLite importer's sources: tflite_reader.cc (file, model, tensor and
// quantization checks), tflite_validate_ops.cc and tflite_validate_shape_ops.cc
// (per-operator checks and options). Not part of the public API.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <vector>

#include "tools/compiler/tflite_model.h"
#include "tools/compiler/tflite_schema_generated.h"

namespace tt::compiler::detail {
namespace fb = ::tt::tflite_subset;

[[noreturn]] void fail(const std::string& message);

// "[1,49,10,1]"
std::string shape_str(const std::vector<int32_t>& shape);
// "tensor 7 'conv/bias'"
std::string tensor_label(int32_t index, const Tensor& t);

// Bytes per element of a supported type.
size_t element_size(TensorType t);

// Whether `slot` of `op` is an input that may be absent (-1 in the file).
bool is_optional_input(BuiltinOp op, size_t slot);
// Whether `slot` of `op` holds an int32 bias that must carry quantization parameters.
bool is_bias_input(BuiltinOp op, size_t slot);

struct Ref {
  const Tensor& t;
  std::string label;  // "input 1 (filter) tensor 2 'conv/w'"
  int32_t dim(size_t d) const { return t.shape[d]; }
};

// The checks one operator needs, with messages prefixed by
// "what: subgraph 0 operator 3 (CONV_2D)" and naming the tensor's role.
class Check {
 public:
  Check(const std::string& where, int index, const Operator& op, const std::vector<Tensor>& tensors)
      : prefix_(where + " operator " + std::to_string(index) + " (" +
                builtin_op_name(static_cast<int32_t>(op.op)) + ")"),
        op_(op),
        tensors_(tensors) {}

  [[noreturn]] void fail(const std::string& message) const {
    detail::fail(prefix_ + ": " + message);
  }

  void arity(size_t min_in, size_t max_in) const {
    const size_t n = op_.inputs.size();
    if (n < min_in || n > max_in) {
      fail(std::to_string(n) + " inputs, expected " + std::to_string(min_in) +
           (max_in == min_in ? "" : " to " + std::to_string(max_in)));
    }
    if (op_.outputs.size() != 1) {
      fail(std::to_string(op_.outputs.size()) + " outputs, expected 1");
    }
  }
  bool has_input(size_t slot) const { return slot < op_.inputs.size() && op_.inputs[slot] >= 0; }
  Ref input(size_t slot, const std::string& role) const {
    const int32_t index = op_.inputs[slot];
    return {tensors_[index], "input " + std::to_string(slot) + " (" + role + ") " +
                                 tensor_label(index, tensors_[index])};
  }
  Ref output() const {
    const int32_t index = op_.outputs[0];
    Ref r{tensors_[index], "output " + tensor_label(index, tensors_[index])};
    if (r.t.is_constant()) fail(r.label + ": an operator output must not have constant data");
    return r;
  }

  void type(const Ref& r, TensorType want) const {
    if (r.t.type != want) {
      fail(r.label + ": type " + tensor_type_name(r.t.type) + ", expected " +
           tensor_type_name(want));
    }
  }
  void rank(const Ref& r, size_t want) const {
    if (r.t.shape.size() != want) {
      fail(r.label + ": shape " + shape_str(r.t.shape) + " has rank " +
           std::to_string(r.t.shape.size()) + ", expected " + std::to_string(want));
    }
  }
  void constant(const Ref& r) const {
    if (!r.t.is_constant()) fail(r.label + ": must be a constant tensor (data in the file)");
  }
  // An int8 activation with one scale and zero point.
  void activation(const Ref& r) const {
    type(r, TensorType::kInt8);
    per_tensor(r);
  }
  void per_tensor(const Ref& r) const {
    if (r.t.quant.scale.size() != 1) {
      fail(r.label + ": " + std::to_string(r.t.quant.scale.size()) +
           " quantization scales, expected 1 (per-tensor)");
    }
  }
  // Weights are symmetric: every zero point is 0.
  void symmetric(const Ref& r) const {
    for (size_t i = 0; i < r.t.quant.zero_point.size(); ++i) {
      if (r.t.quant.zero_point[i] != 0) {
        fail(r.label + ": quantization zero_point[" + std::to_string(i) +
             "] = " + std::to_string(r.t.quant.zero_point[i]) + ", expected 0 for weights");
      }
    }
  }
  // Per-tensor, or per-channel along `dim` with one scale per channel.
  void channel_quant(const Ref& r, int32_t channels, int32_t dim) const {
    const size_t n = r.t.quant.scale.size();
    if (n != 1 && n != static_cast<size_t>(channels)) {
      fail(r.label + ": " + std::to_string(n) + " quantization scales, expected 1 or " +
           std::to_string(channels) + " (one per output channel)");
    }
    if (n > 1 && r.t.quant.quantized_dimension != dim) {
      fail(r.label + ": quantized_dimension " + std::to_string(r.t.quant.quantized_dimension) +
           ", expected " + std::to_string(dim));
    }
  }
  void same_quant(const Ref& a, const Ref& b) const {
    if (a.t.quant.scale != b.t.quant.scale || a.t.quant.zero_point != b.t.quant.zero_point) {
      fail(b.label + ": quantization differs from " + a.label +
           "; this operator requires the same scale and zero point");
    }
  }
  void shape(const Ref& r, const std::vector<int32_t>& want, const std::string& why) const {
    if (r.t.shape != want) {
      fail(r.label + ": shape " + shape_str(r.t.shape) + ", expected " + shape_str(want) +
           (why.empty() ? "" : " (" + why + ")"));
    }
  }
  void at_least_1(const char* field, int32_t v) const {
    if (v < 1) fail(std::string(field) + " = " + std::to_string(v) + ", expected >= 1");
  }
  // A constant int32/int64 operand read as int32 values.
  std::vector<int32_t> int_values(const Ref& r) const {
    constant(r);
    const int64_t n = r.t.element_count();
    std::vector<int32_t> v(static_cast<size_t>(n));
    for (int64_t i = 0; i < n; ++i) {
      int64_t x = 0;
      if (r.t.type == TensorType::kInt32) {
        int32_t x32;
        std::memcpy(&x32, r.t.data + i * 4, 4);
        x = x32;
      } else if (r.t.type == TensorType::kInt64) {
        std::memcpy(&x, r.t.data + i * 8, 8);
      } else {
        fail(r.label + ": type " + tensor_type_name(r.t.type) + ", expected INT32 or INT64");
      }
      if (x < -(int64_t{1} << 30) || x > (int64_t{1} << 30)) {
        fail(r.label + ": value[" + std::to_string(i) + "] = " + std::to_string(x) +
             " out of range");
      }
      v[i] = static_cast<int32_t>(x);
    }
    return v;
  }

  const Operator& op() const { return op_; }

 private:
  std::string prefix_;
  const Operator& op_;
  const std::vector<Tensor>& tensors_;
};

// The options table of the expected type, or nullptr when the operator has none (the
// caller then uses the schema defaults, which the checks below reject where they are
// invalid, e.g. stride 0).
template <typename T>
const T* options_of(const Check& c, const fb::Operator& f) {
  constexpr fb::BuiltinOptions want = fb::BuiltinOptionsTraits<T>::enum_value;
  const fb::BuiltinOptions type = f.builtin_options_type();
  if (type == fb::BuiltinOptions_NONE) return nullptr;
  if (type != want) {
    c.fail("builtin_options has union type " + std::to_string(static_cast<int>(type)) +
           ", expected " + fb::EnumNameBuiltinOptions(want));
  }
  return static_cast<const T*>(f.builtin_options());
}

inline Activation activation_of(const Check& c, fb::ActivationFunctionType a) {
  const int v = static_cast<int>(a);
  if (v >= 0 && v <= 3) return static_cast<Activation>(v);
  const char* name = fb::EnumNameActivationFunctionType(a);
  const std::string shown = *name ? std::string(name) : std::to_string(v);
  c.fail("fused_activation_function " + shown +
         " is not supported (NONE, RELU, RELU_N1_TO_1, RELU6 are)");
}

inline Padding padding_of(const Check& c, fb::Padding p) {
  if (p != fb::Padding_SAME && p != fb::Padding_VALID) {
    c.fail("padding " + std::to_string(static_cast<int>(p)) + " is not SAME (0) or VALID (1)");
  }
  return p == fb::Padding_SAME ? Padding::kSame : Padding::kValid;
}

// Reads the builtin options of `op` from `fb_op` into op.options and checks arity, tensor
// types, quantization, shapes and options. `where` is "what: subgraph 0"; `index` the
// operator's position. Tensor-level checks have already passed.
void validate_operator(const std::string& where, int index, Operator& op,
                       const ::tt::tflite_subset::Operator& fb_op,
                       const std::vector<Tensor>& tensors);
// RESHAPE, SQUEEZE, PAD, CONCATENATION, MEAN, QUANTIZE, DEQUANTIZE
// (tflite_validate_shape_ops.cc).
void validate_shape_op(const Check& c, const ::tt::tflite_subset::Operator& f, OpOptions& opt);

}  // namespace tt::compiler::detail
