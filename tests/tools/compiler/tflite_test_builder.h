// Builds small TFLite flatbuffers for the importer tests from a plain description, with the
// accessors flatc generates from our schema subset. Every field starts valid, so a test
// changes exactly the one thing it wants the importer to reject.
#pragma once

#include <cstdint>
#include <cstring>
#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "tools/compiler/tflite_schema_generated.h"

namespace tt::compiler::testing {

namespace fb = ::tt::tflite_subset;

struct TensorSpec {
  TensorSpec() = default;
  TensorSpec(std::string n, fb::TensorType t, std::vector<int32_t> s, std::vector<float> sc,
             std::vector<int64_t> zp, int32_t qd = 0)
      : name(std::move(n)),
        type(t),
        shape(std::move(s)),
        scale(std::move(sc)),
        zero_point(std::move(zp)),
        quantized_dimension(qd) {}

  std::string name;
  fb::TensorType type = fb::TensorType_INT8;
  std::vector<int32_t> shape;
  std::vector<float> scale = {0.5f};  // empty: no quantization table
  std::vector<int64_t> zero_point = {0};
  int32_t quantized_dimension = 0;
  std::vector<uint8_t> data;  // non-empty: a constant with its own buffer
  bool sparse = false;
  bool quant_details = false;
};

using OptionsFn = std::function<flatbuffers::Offset<void>(flatbuffers::FlatBufferBuilder&)>;

struct OpSpec {
  OpSpec(int32_t c, std::vector<int32_t> in, std::vector<int32_t> out,
         fb::BuiltinOptions type = fb::BuiltinOptions_NONE, OptionsFn fn = nullptr)
      : code(c),
        inputs(std::move(in)),
        outputs(std::move(out)),
        options_type(type),
        options(std::move(fn)) {}

  int32_t code = 0;  // TFLite BuiltinOperator value
  std::vector<int32_t> inputs, outputs;
  fb::BuiltinOptions options_type = fb::BuiltinOptions_NONE;
  OptionsFn options;
  std::string custom_code;
};

struct ModelSpec {
  uint32_t version = 3;
  std::vector<TensorSpec> tensors;
  std::vector<OpSpec> ops;
  std::vector<int32_t> inputs, outputs;
  int subgraph_copies = 1;
  uint64_t buffer_offset = 0;  // of the first constant's buffer (external data when > 1)
};

template <typename T>
std::vector<uint8_t> bytes_of(const std::vector<T>& values) {
  std::vector<uint8_t> out(values.size() * sizeof(T));
  if (!out.empty()) std::memcpy(out.data(), values.data(), out.size());
  return out;
}

inline std::vector<uint8_t> build_model(const ModelSpec& m) {
  flatbuffers::FlatBufferBuilder b;
  std::vector<flatbuffers::Offset<fb::Buffer>> buffers = {fb::CreateBuffer(b)};
  std::vector<flatbuffers::Offset<fb::Tensor>> tensors;
  for (const TensorSpec& t : m.tensors) {
    uint32_t buffer = 0;
    if (!t.data.empty()) {
      buffer = static_cast<uint32_t>(buffers.size());
      const uint64_t offset = buffer == 1 ? m.buffer_offset : 0;
      buffers.push_back(fb::CreateBufferDirect(b, &t.data, offset, offset ? t.data.size() : 0));
    }
    flatbuffers::Offset<fb::QuantizationParameters> q = 0;
    if (!t.scale.empty() || t.quant_details) {
      flatbuffers::Offset<void> details = 0;
      if (t.quant_details) details = fb::CreateCustomQuantization(b).Union();
      q = fb::CreateQuantizationParametersDirect(
          b, &t.scale, t.zero_point.empty() ? nullptr : &t.zero_point,
          t.quant_details ? fb::QuantizationDetails_CustomQuantization
                          : fb::QuantizationDetails_NONE,
          details, t.quantized_dimension);
    }
    flatbuffers::Offset<fb::SparsityParameters> sparsity = 0;
    if (t.sparse) sparsity = fb::CreateSparsityParameters(b);
    tensors.push_back(
        fb::CreateTensorDirect(b, &t.shape, t.type, buffer, t.name.c_str(), q, false, sparsity));
  }
  std::vector<flatbuffers::Offset<fb::OperatorCode>> codes;
  std::vector<flatbuffers::Offset<fb::Operator>> ops;
  for (const OpSpec& op : m.ops) {
    // Converters write codes >= 127 only into the int field, with 127 in the byte field.
    const int8_t deprecated = static_cast<int8_t>(op.code < 127 ? op.code : 127);
    codes.push_back(fb::CreateOperatorCodeDirect(
        b, deprecated, op.custom_code.empty() ? nullptr : op.custom_code.c_str(), 1, op.code));
    const flatbuffers::Offset<void> options = op.options ? op.options(b) : 0;
    ops.push_back(fb::CreateOperatorDirect(b, static_cast<uint32_t>(ops.size()), &op.inputs,
                                           &op.outputs, op.options_type, options));
  }
  std::vector<flatbuffers::Offset<fb::SubGraph>> subgraphs;
  for (int i = 0; i < m.subgraph_copies; ++i) {
    subgraphs.push_back(fb::CreateSubGraphDirect(b, &tensors, &m.inputs, &m.outputs, &ops, "main"));
  }
  fb::FinishModelBuffer(
      b, fb::CreateModelDirect(b, m.version, &codes, &subgraphs, "test model", &buffers));
  return std::vector<uint8_t>(b.GetBufferPointer(), b.GetBufferPointer() + b.GetSize());
}

// Options builders, so specs read like the TFLite options they stand for.
inline OptionsFn conv_options(fb::Padding p, int32_t stride_w, int32_t stride_h,
                              fb::ActivationFunctionType act = fb::ActivationFunctionType_NONE,
                              int32_t dil_w = 1, int32_t dil_h = 1) {
  return [=](flatbuffers::FlatBufferBuilder& b) {
    return fb::CreateConv2DOptions(b, p, stride_w, stride_h, act, dil_w, dil_h).Union();
  };
}

}  // namespace tt::compiler::testing
