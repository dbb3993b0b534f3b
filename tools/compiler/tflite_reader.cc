// Reads a TFLite flatbuffer into tt::compiler::Model. The checks run in a fixed order (file,
// model structure, tensors, quantization, operators) and the first problem found is the one
// reported, so a message never depends on a field that has not been validated yet.
#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <limits>
#include <set>
#include <sstream>
#include <system_error>
#include <utility>

#include "tools/compiler/tflite_model.h"
#include "tools/compiler/tflite_reader_internal.h"
#include "tools/compiler/tflite_schema_generated.h"

namespace tt::compiler {
namespace fb = ::tt::tflite_subset;
using detail::fail;
using detail::shape_str;
using detail::tensor_label;

namespace {

constexpr int64_t kMaxElements = int64_t{1} << 30;
constexpr int32_t kMaxRank = 4;
constexpr int32_t kCustomCode = 32;

bool is_supported_op(int32_t code) {
  switch (static_cast<BuiltinOp>(code)) {
    case BuiltinOp::kAdd:
    case BuiltinOp::kAveragePool2d:
    case BuiltinOp::kConcatenation:
    case BuiltinOp::kConv2d:
    case BuiltinOp::kDepthwiseConv2d:
    case BuiltinOp::kDequantize:
    case BuiltinOp::kFullyConnected:
    case BuiltinOp::kLogistic:
    case BuiltinOp::kMaxPool2d:
    case BuiltinOp::kMul:
    case BuiltinOp::kRelu:
    case BuiltinOp::kRelu6:
    case BuiltinOp::kReshape:
    case BuiltinOp::kSoftmax:
    case BuiltinOp::kPad:
    case BuiltinOp::kMean:
    case BuiltinOp::kSqueeze:
    case BuiltinOp::kQuantize:
      return true;
  }
  return false;
}

bool is_supported_type(int8_t raw) {
  switch (static_cast<TensorType>(raw)) {
    case TensorType::kFloat32:
    case TensorType::kInt32:
    case TensorType::kUInt8:
    case TensorType::kInt64:
    case TensorType::kInt16:
    case TensorType::kInt8:
      return true;
  }
  return false;
}

// Vectors absent from the file read as empty.
template <typename T>
size_t count(const flatbuffers::Vector<T>* v) {
  return v ? v->size() : 0;
}

std::vector<int32_t> to_vector(const flatbuffers::Vector<int32_t>* v) {
  std::vector<int32_t> out;
  if (v) out.assign(v->begin(), v->end());
  return out;
}

// Stage 2: which builtin operator an operator code names. TFLite's rule: the larger of the
// two fields, because old files only have the byte field and codes >= 127 only fit the int.
int32_t resolve_op(const std::string& where, int index, const fb::Operator& f, const fb::Model& m) {
  const std::string at = where + " operator " + std::to_string(index);
  const uint32_t oc_index = f.opcode_index();
  if (oc_index >= count(m.operator_codes())) {
    fail(at + ": opcode_index " + std::to_string(oc_index) + " out of range (" +
         std::to_string(count(m.operator_codes())) + " operator codes)");
  }
  const fb::OperatorCode& oc = *m.operator_codes()->Get(oc_index);
  const int32_t code = std::max<int32_t>(oc.deprecated_builtin_code(), oc.builtin_code());
  if (code < 0) {
    fail(at + ": operator code " + std::to_string(oc_index) + " has builtin_code " +
         std::to_string(oc.builtin_code()) + " and deprecated_builtin_code " +
         std::to_string(oc.deprecated_builtin_code()) + ", not a valid operator");
  }
  if (code == kCustomCode) {
    const std::string name = oc.custom_code() ? oc.custom_code()->str() : std::string();
    fail(at + ": unsupported operator CUSTOM '" + name + "'");
  }
  if (!is_supported_op(code)) fail(at + ": unsupported operator " + builtin_op_name(code));
  return code;
}

void check_index(const std::string& at, const char* what_list, size_t slot, int32_t v,
                 size_t tensor_count, bool may_be_absent) {
  if (v == -1 && may_be_absent) return;
  if (v < 0 || static_cast<size_t>(v) >= tensor_count) {
    fail(at + ": " + what_list + "[" + std::to_string(slot) + "] = " + std::to_string(v) +
         " out of range (" + std::to_string(tensor_count) + " tensors)");
  }
}

// Stage 3: type, shape and constant data of one tensor.
Tensor read_tensor(const std::string& where, int32_t index, const fb::Tensor& f,
                   const fb::Model& m) {
  Tensor t;
  t.name = f.name() ? f.name()->str() : std::string();
  const std::string at = where + " " + tensor_label(index, t);
  const int8_t raw_type = static_cast<int8_t>(f.type());
  if (!is_supported_type(raw_type)) {
    fail(at + ": type " + tensor_type_name(static_cast<TensorType>(raw_type)) + " (" +
         std::to_string(raw_type) + ") is not supported");
  }
  t.type = static_cast<TensorType>(raw_type);
  if (f.sparsity()) fail(at + ": sparse tensors are not supported");
  if (f.is_variable()) fail(at + ": variable tensors are not supported");
  if (f.external_buffer() != 0) {
    fail(at + ": external_buffer " + std::to_string(f.external_buffer()) +
         " (data outside the file) is not supported");
  }
  t.shape = to_vector(f.shape());
  if (t.shape.size() > static_cast<size_t>(kMaxRank)) {
    fail(at + ": shape " + shape_str(t.shape) + " has rank " + std::to_string(t.shape.size()) +
         ", at most 4 is supported");
  }
  for (size_t d = 0; d < t.shape.size(); ++d) {
    if (t.shape[d] < 1) {
      fail(at + ": shape " + shape_str(t.shape) + ": dimension " + std::to_string(d) + " is " +
           std::to_string(t.shape[d]) + ", expected >= 1");
    }
  }
  // Rank <= 4 and dims < 2^31, so the product fits in int64 before this comparison.
  if (t.element_count() > kMaxElements) {
    fail(at + ": shape " + shape_str(t.shape) + " has " + std::to_string(t.element_count()) +
         " elements, more than 2^30");
  }
  const fb::Buffer* b = m.buffers()->Get(f.buffer());
  if (b->data() && b->data()->size() > 0) {
    const size_t want = static_cast<size_t>(t.element_count()) * detail::element_size(t.type);
    if (b->data()->size() != want) {
      fail(at + ": buffer " + std::to_string(f.buffer()) + " holds " +
           std::to_string(b->data()->size()) + " bytes, expected " + std::to_string(want) +
           " for " + tensor_type_name(t.type) + " " + shape_str(t.shape));
    }
    t.data = b->data()->data();
    t.data_size = want;
  }
  return t;
}

std::pair<int64_t, int64_t> zero_point_range(TensorType t) {
  switch (t) {
    case TensorType::kInt8:
      return {-128, 127};
    case TensorType::kUInt8:
      return {0, 255};
    case TensorType::kInt16:
      return {-32768, 32767};
    default:
      return {0, 0};  // int32 (bias) and int64 are symmetric
  }
}

// Stage 4: quantization parameters of one tensor. Float tensors keep none (a float tensor's
// parameters have no meaning for the int8 kernels).
void read_quantization(const std::string& where, int32_t index, const fb::Tensor& f, Tensor& t,
                       bool required) {
  const std::string at = where + " " + tensor_label(index, t);
  const fb::QuantizationParameters* q = f.quantization();
  if (t.type == TensorType::kFloat32) return;
  if (q && q->details_type() != fb::QuantizationDetails_NONE) {
    fail(at + ": quantization details (union type " +
         std::to_string(static_cast<int>(q->details_type())) + ") are not supported");
  }
  const size_t n = q ? count(q->scale()) : 0;
  if (n == 0) {
    if (required) fail(at + ": " + tensor_type_name(t.type) + " tensor has no quantization scale");
    return;
  }
  for (size_t i = 0; i < n; ++i) {
    const float s = q->scale()->Get(i);
    if (!std::isfinite(s) || !(s > 0.0f)) {
      std::ostringstream v;
      v << s;
      fail(at + ": quantization scale[" + std::to_string(i) + "] = " + v.str() +
           (std::isfinite(s) ? " is not > 0" : " is not finite"));
    }
    t.quant.scale.push_back(s);
  }
  const size_t nz = count(q->zero_point());
  if (nz != 0 && nz != n) {
    fail(at + ": " + std::to_string(nz) + " quantization zero_point values for " +
         std::to_string(n) + " scale values");
  }
  const auto [lo, hi] = zero_point_range(t.type);
  for (size_t i = 0; i < n; ++i) {
    const int64_t zp = nz ? q->zero_point()->Get(i) : 0;
    if (zp < lo || zp > hi) {
      fail(at + ": quantization zero_point[" + std::to_string(i) + "] = " + std::to_string(zp) +
           " outside [" + std::to_string(lo) + ", " + std::to_string(hi) + "] for " +
           tensor_type_name(t.type));
    }
    t.quant.zero_point.push_back(zp);
  }
  if (n > 1) {
    const int32_t qd = q->quantized_dimension();
    if (qd < 0 || static_cast<size_t>(qd) >= t.shape.size()) {
      fail(at + ": quantized_dimension " + std::to_string(qd) + " out of range for shape " +
           shape_str(t.shape));
    }
    if (static_cast<int64_t>(n) != t.shape[qd]) {
      fail(at + ": " + std::to_string(n) + " per-channel quantization scales for dimension " +
           std::to_string(qd) + " of shape " + shape_str(t.shape) + ", expected " +
           std::to_string(t.shape[qd]));
    }
    t.quant.quantized_dimension = qd;
  }
}

// Every activation an operator reads is a graph input, a constant or the output of an
// earlier operator, and no tensor is written twice: the planner relies on both.
void check_dataflow(const std::string& where, const Model& model) {
  std::set<int32_t> defined(model.inputs.begin(), model.inputs.end());
  for (size_t i = 0; i < model.operators.size(); ++i) {
    const Operator& op = model.operators[i];
    const std::string at = where + " operator " + std::to_string(i) + " (" +
                           builtin_op_name(static_cast<int32_t>(op.op)) + ")";
    for (int32_t in : op.inputs) {
      if (in < 0 || model.tensors[in].is_constant() || defined.count(in)) continue;
      fail(at + ": input " + tensor_label(in, model.tensors[in]) +
           " is read before any operator writes it and is not a graph input");
    }
    for (int32_t out : op.outputs) {
      if (!defined.insert(out).second) {
        fail(at + ": output " + tensor_label(out, model.tensors[out]) +
             " is already written by a graph input or an earlier operator");
      }
    }
  }
  for (int32_t out : model.outputs) {
    if (!defined.count(out) && !model.tensors[out].is_constant()) {
      fail(where + ": graph output " + tensor_label(out, model.tensors[out]) +
           " is written by no operator");
    }
  }
}

}  // namespace

int64_t Tensor::element_count() const {
  int64_t n = 1;
  for (int32_t d : shape) {
    if (d <= 0) return 0;
    if (n > std::numeric_limits<int64_t>::max() / d) return std::numeric_limits<int64_t>::max();
    n *= d;
  }
  return n;
}

Model read_tflite(std::vector<uint8_t> bytes, const std::string& what) {
  // Stage 1: the file.
  if (bytes.empty()) fail(what + ": empty file");
  if (bytes.size() > kMaxModelBytes) {
    fail(what + ": " + std::to_string(bytes.size()) + " bytes, more than the limit of " +
         std::to_string(kMaxModelBytes));
  }
  if (bytes.size() < 8 || !fb::ModelBufferHasIdentifier(bytes.data())) {
    fail(what + ": not a TFLite flatbuffer (no TFL3 identifier)");
  }
  Model model;
  model.bytes = std::move(bytes);
  {
    flatbuffers::Verifier::Options opts;
    opts.max_depth = 32;         // the schema nests 7 deep
    opts.max_tables = 1u << 20;  // bounds the work a crafted file can cause
    flatbuffers::Verifier verifier(model.bytes.data(), model.bytes.size(), opts);
    if (!fb::VerifyModelBuffer(verifier)) {
      fail(what + ": flatbuffer verification failed (truncated or corrupt)");
    }
  }
  const fb::Model& m = *fb::GetModel(model.bytes.data());

  // Stage 2: model structure and indices.
  if (m.version() != 3)
    fail(what + ": schema version " + std::to_string(m.version()) + ", expected 3");
  const size_t subgraphs = count(m.subgraphs());
  if (subgraphs != 1) {
    fail(what + ": " + std::to_string(subgraphs) +
         " subgraphs, expected 1 (control-flow models are not supported)");
  }
  model.version = m.version();
  model.description = m.description() ? m.description()->str() : std::string();
  const size_t buffers = count(m.buffers());
  for (size_t i = 0; i < buffers; ++i) {
    const fb::Buffer& b = *m.buffers()->Get(i);
    // TFLite treats offset <= 1 as "no external data".
    if (b.offset() > 1) {
      fail(what + ": buffer " + std::to_string(i) +
           " stores its data outside the flatbuffer (offset " + std::to_string(b.offset()) +
           ", size " + std::to_string(b.size()) + "), which is not supported");
    }
  }
  const fb::SubGraph& sg = *m.subgraphs()->Get(0);
  const std::string where = what + ": subgraph 0";
  const size_t tensor_count = count(sg.tensors());
  const size_t op_count = count(sg.operators());
  model.operators.resize(op_count);
  for (size_t i = 0; i < op_count; ++i) {
    model.operators[i].op =
        static_cast<BuiltinOp>(resolve_op(where, static_cast<int>(i), *sg.operators()->Get(i), m));
  }
  model.inputs = to_vector(sg.inputs());
  model.outputs = to_vector(sg.outputs());
  for (size_t k = 0; k < model.inputs.size(); ++k) {
    check_index(where, "inputs", k, model.inputs[k], tensor_count, false);
  }
  for (size_t k = 0; k < model.outputs.size(); ++k) {
    check_index(where, "outputs", k, model.outputs[k], tensor_count, false);
  }
  for (size_t i = 0; i < op_count; ++i) {
    const fb::Operator& f = *sg.operators()->Get(i);
    Operator& op = model.operators[i];
    const std::string at = where + " operator " + std::to_string(i) + " (" +
                           builtin_op_name(static_cast<int32_t>(op.op)) + ")";
    op.inputs = to_vector(f.inputs());
    op.outputs = to_vector(f.outputs());
    for (size_t k = 0; k < op.inputs.size(); ++k) {
      check_index(at, "inputs", k, op.inputs[k], tensor_count, detail::is_optional_input(op.op, k));
    }
    for (size_t k = 0; k < op.outputs.size(); ++k) {
      check_index(at, "outputs", k, op.outputs[k], tensor_count, false);
    }
  }
  for (size_t i = 0; i < tensor_count; ++i) {
    const fb::Tensor& f = *sg.tensors()->Get(i);
    if (f.buffer() >= buffers) {
      fail(where + " tensor " + std::to_string(i) + ": buffer " + std::to_string(f.buffer()) +
           " out of range (" + std::to_string(buffers) + " buffers)");
    }
  }

  // Stage 3: tensors.
  model.tensors.reserve(tensor_count);
  for (size_t i = 0; i < tensor_count; ++i) {
    model.tensors.push_back(read_tensor(where, static_cast<int32_t>(i), *sg.tensors()->Get(i), m));
  }

  // Stage 4: quantization. Integer tensors that carry int8 data flow, and biases, must have
  // it; shape and axis operands (int32/int64) need not.
  std::vector<bool> required(tensor_count, false);
  auto mark = [&](int32_t index) {
    const TensorType t = model.tensors[index].type;
    if (t == TensorType::kInt8 || t == TensorType::kUInt8 || t == TensorType::kInt16) {
      required[index] = true;
    }
  };
  for (int32_t index : model.inputs) mark(index);
  for (int32_t index : model.outputs) mark(index);
  for (const Operator& op : model.operators) {
    for (size_t k = 0; k < op.inputs.size(); ++k) {
      if (op.inputs[k] < 0) continue;
      mark(op.inputs[k]);
      if (detail::is_bias_input(op.op, k)) required[op.inputs[k]] = true;
    }
    for (int32_t index : op.outputs) mark(index);
  }
  for (size_t i = 0; i < tensor_count; ++i) {
    read_quantization(where, static_cast<int32_t>(i), *sg.tensors()->Get(i), model.tensors[i],
                      required[i]);
  }

  // Stage 5: operators.
  for (size_t i = 0; i < op_count; ++i) {
    detail::validate_operator(where, static_cast<int>(i), model.operators[i],
                              *sg.operators()->Get(i), model.tensors);
  }
  check_dataflow(where, model);
  return model;
}

Model read_tflite_file(const std::string& path) {
  namespace fs = std::filesystem;
  std::error_code ec;
  const fs::file_status st = fs::status(path, ec);
  if (ec || !fs::exists(st)) fail(path + ": cannot open (no such file)");
  if (fs::is_directory(st)) fail(path + ": is a directory, not a .tflite file");
  if (!fs::is_regular_file(st)) fail(path + ": not a regular file");
  const uintmax_t size = fs::file_size(path, ec);
  if (ec) fail(path + ": cannot read its size (" + ec.message() + ")");
  if (size == 0) fail(path + ": empty file");
  if (size > kMaxModelBytes) {
    fail(path + ": " + std::to_string(size) + " bytes, more than the limit of " +
         std::to_string(kMaxModelBytes));
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) fail(path + ": cannot open for reading");
  std::vector<uint8_t> bytes(static_cast<size_t>(size));
  in.read(reinterpret_cast<char*>(bytes.data()), static_cast<std::streamsize>(bytes.size()));
  if (in.gcount() != static_cast<std::streamsize>(bytes.size())) {
    fail(path + ": read " + std::to_string(in.gcount()) + " of " + std::to_string(size) + " bytes");
  }
  return read_tflite(std::move(bytes), path);
}

}  // namespace tt::compiler
