// The TFLite importer on small models built in the test: a valid model reads with its
// shapes, quantization and options, and every validation rule fails with a message naming
// the field and the values. Corrupt input (every prefix, every single-bit flip) is rejected
// with ModelError, never a crash (this test also runs under ASan + UBSan).
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cmath>
#include <limits>

#include "tests/tools/compiler/tflite_test_builder.h"
#include "tools/compiler/tflite_model.h"

namespace tt::compiler {
namespace {

using testing::build_model;
using testing::bytes_of;
using testing::conv_options;
using ::testing::HasSubstr;
using testing::ModelSpec;
using testing::TensorSpec;
namespace fb = ::tt::tflite_subset;

constexpr int32_t kConv = 3;

// input [1,8,8,3] -> CONV_2D 3x3, 4 filters, stride 2, SAME, RELU6 -> [1,4,4,4]
ModelSpec conv_model() {
  ModelSpec m;
  TensorSpec in{"input", fb::TensorType_INT8, {1, 8, 8, 3}, {0.5f}, {-1}};
  TensorSpec w{
      "conv/filter", fb::TensorType_INT8, {4, 3, 3, 3}, {0.1f, 0.2f, 0.3f, 0.4f}, {0, 0, 0, 0}};
  w.data.assign(4 * 3 * 3 * 3, 1);
  TensorSpec bias{"conv/bias", fb::TensorType_INT32, {4}, {0.05f, 0.1f, 0.15f, 0.2f}, {0, 0, 0, 0}};
  bias.data = bytes_of(std::vector<int32_t>{1, -2, 3, -4});
  TensorSpec out{"output", fb::TensorType_INT8, {1, 4, 4, 4}, {1.0f}, {2}};
  m.tensors = {in, w, bias, out};
  m.ops = {{kConv,
            {0, 1, 2},
            {3},
            fb::BuiltinOptions_Conv2DOptions,
            conv_options(fb::Padding_SAME, 2, 2, fb::ActivationFunctionType_RELU6)}};
  m.inputs = {0};
  m.outputs = {3};
  return m;
}

std::string error_of_bytes(const std::vector<uint8_t>& bytes) {
  try {
    read_tflite(bytes, "test.tflite");
  } catch (const ModelError& e) {
    return e.what();
  }
  return "(no error)";
}
std::string error_of(const ModelSpec& m) { return error_of_bytes(build_model(m)); }

TEST(TfliteReader, ReadsConvModel) {
  const Model model = read_tflite(build_model(conv_model()), "test.tflite");
  EXPECT_EQ(model.version, 3u);
  EXPECT_EQ(model.description, "test model");
  ASSERT_EQ(model.tensors.size(), 4u);
  EXPECT_EQ(model.inputs, std::vector<int32_t>{0});
  EXPECT_EQ(model.outputs, std::vector<int32_t>{3});
  const Tensor& w = model.tensors[1];
  EXPECT_EQ(w.name, "conv/filter");
  EXPECT_EQ(w.type, TensorType::kInt8);
  EXPECT_EQ(w.shape, (std::vector<int32_t>{4, 3, 3, 3}));
  EXPECT_TRUE(w.is_constant());
  EXPECT_EQ(w.data_size, 108u);
  EXPECT_EQ(w.element_count(), 108);
  EXPECT_TRUE(w.quant.per_channel());
  EXPECT_EQ(w.quant.scale, (std::vector<float>{0.1f, 0.2f, 0.3f, 0.4f}));
  EXPECT_EQ(w.quant.zero_point, (std::vector<int64_t>{0, 0, 0, 0}));
  const Tensor& bias = model.tensors[2];
  ASSERT_EQ(bias.data_size, 16u);
  int32_t b1 = 0;
  std::memcpy(&b1, bias.data + 4, 4);
  EXPECT_EQ(b1, -2);
  EXPECT_FALSE(model.tensors[0].is_constant());
  EXPECT_EQ(model.tensors[0].quant.zero_point, std::vector<int64_t>{-1});
  ASSERT_EQ(model.operators.size(), 1u);
  const Operator& op = model.operators[0];
  EXPECT_EQ(op.op, BuiltinOp::kConv2d);
  EXPECT_EQ(op.inputs, (std::vector<int32_t>{0, 1, 2}));
  EXPECT_EQ(op.options.padding, Padding::kSame);
  EXPECT_EQ(op.options.stride_w, 2);
  EXPECT_EQ(op.options.stride_h, 2);
  EXPECT_EQ(op.options.activation, Activation::kRelu6);
  EXPECT_EQ(op.options.dilation_w, 1);
}

TEST(TfliteReader, ConstantDataSurvivesMovingTheModel) {
  Model a = read_tflite(build_model(conv_model()), "test.tflite");
  const uint8_t* data = a.tensors[1].data;
  Model b = std::move(a);
  EXPECT_EQ(b.tensors[1].data, data);
  EXPECT_GE(data, b.bytes.data());
  EXPECT_LE(data + 108, b.bytes.data() + b.bytes.size());
}

TEST(TfliteReader, BiasMayBeAbsent) {
  ModelSpec m = conv_model();
  m.ops[0].inputs = {0, 1, -1};
  EXPECT_EQ(read_tflite(build_model(m), "t").operators[0].inputs[2], -1);
  m.ops[0].inputs = {0, 1};
  EXPECT_EQ(read_tflite(build_model(m), "t").operators[0].inputs.size(), 2u);
}

TEST(TfliteReader, FileLevelErrors) {
  EXPECT_THAT(error_of_bytes({}), HasSubstr("test.tflite: empty file"));
  EXPECT_THAT(error_of_bytes({'T', 'F', 'L'}), HasSubstr("no TFL3 identifier"));
  const std::string text = "this is not a flatbuffer";
  EXPECT_THAT(error_of_bytes(std::vector<uint8_t>(text.begin(), text.end())),
              HasSubstr("not a TFLite flatbuffer (no TFL3 identifier)"));
  std::vector<uint8_t> bad = {0xff, 0xff, 0xff, 0x7f, 'T', 'F', 'L', '3'};
  EXPECT_THAT(error_of_bytes(bad), HasSubstr("flatbuffer verification failed"));
  EXPECT_THAT(error_of_bytes(std::vector<uint8_t>(kMaxModelBytes + 1, 0)),
              HasSubstr("more than the limit"));
}

TEST(TfliteReader, EveryPrefixIsRejected) {
  const std::vector<uint8_t> bytes = build_model(conv_model());
  for (size_t n = 0; n < bytes.size(); ++n) {
    const std::vector<uint8_t> prefix(bytes.begin(), bytes.begin() + n);
    EXPECT_THROW(read_tflite(prefix, "prefix"), ModelError) << "prefix of " << n << " bytes";
  }
}

TEST(TfliteReader, EveryBitFlipReadsOrThrowsModelError) {
  const std::vector<uint8_t> bytes = build_model(conv_model());
  int rejected = 0, read = 0;
  for (size_t bit = 0; bit < bytes.size() * 8; ++bit) {
    std::vector<uint8_t> flipped = bytes;
    flipped[bit / 8] ^= static_cast<uint8_t>(1u << (bit % 8));
    try {
      const Model m = read_tflite(std::move(flipped), "flip");
      ++read;  // e.g. a flipped weight byte: still a valid model
    } catch (const ModelError&) {
      ++rejected;
    }
  }
  EXPECT_GT(rejected, 0);
  EXPECT_GT(read, 0);
}

TEST(TfliteReader, ModelStructureErrors) {
  ModelSpec m = conv_model();
  m.version = 2;
  EXPECT_THAT(error_of(m), HasSubstr("test.tflite: schema version 2, expected 3"));
  m = conv_model();
  m.subgraph_copies = 2;
  EXPECT_THAT(error_of(m), HasSubstr("2 subgraphs, expected 1"));
  m.subgraph_copies = 0;
  EXPECT_THAT(error_of(m), HasSubstr("0 subgraphs, expected 1"));
  m = conv_model();
  m.ops[0].inputs = {0, 9, 2};
  EXPECT_THAT(error_of(m), HasSubstr("subgraph 0 operator 0 (CONV_2D): inputs[1] = 9 out of "
                                     "range (4 tensors)"));
  m.ops[0].inputs = {-1, 1, 2};
  EXPECT_THAT(error_of(m), HasSubstr("inputs[0] = -1 out of range"));
  m = conv_model();
  m.ops[0].outputs = {4};
  EXPECT_THAT(error_of(m), HasSubstr("outputs[0] = 4 out of range"));
  m = conv_model();
  m.inputs = {7};
  EXPECT_THAT(error_of(m), HasSubstr("subgraph 0: inputs[0] = 7 out of range"));
  m = conv_model();
  m.buffer_offset = 4096;
  EXPECT_THAT(error_of(m), HasSubstr("buffer 1 stores its data outside the flatbuffer (offset "
                                     "4096, size 108)"));
}

TEST(TfliteReader, UnsupportedOperatorsAreNamed) {
  ModelSpec m = conv_model();
  m.ops[0].code = 26;
  EXPECT_THAT(error_of(m), HasSubstr("subgraph 0 operator 0: unsupported operator SPACE_TO_DEPTH"));
  m.ops[0].code = 150;  // only in builtin_code, deprecated_builtin_code = 127
  EXPECT_THAT(error_of(m), HasSubstr("unsupported operator GELU"));
  m.ops[0].code = 32;
  m.ops[0].custom_code = "TFLite_Detection_PostProcess";
  EXPECT_THAT(error_of(m), HasSubstr("unsupported operator CUSTOM 'TFLite_Detection_PostProcess'"));
  m.ops[0].code = 4000;
  EXPECT_THAT(error_of(m), HasSubstr("unsupported operator BUILTIN_4000"));
}

TEST(TfliteReader, TensorErrors) {
  ModelSpec m = conv_model();
  m.tensors[0].shape = {1, 8, 8, 3, 1};
  EXPECT_THAT(error_of(m), HasSubstr("tensor 0 'input': shape [1,8,8,3,1] has rank 5"));
  m.tensors[0].shape = {1, 0, 8, 3};
  EXPECT_THAT(error_of(m), HasSubstr("tensor 0 'input': shape [1,0,8,3]: dimension 1 is 0"));
  m.tensors[0].shape = {1, -8, 8, 3};
  EXPECT_THAT(error_of(m), HasSubstr("dimension 1 is -8, expected >= 1"));
  m.tensors[0].shape = {2048, 2048, 2048, 1};
  EXPECT_THAT(error_of(m), HasSubstr("more than 2^30"));
  m = conv_model();
  m.tensors[0].type = static_cast<fb::TensorType>(5);
  EXPECT_THAT(error_of(m), HasSubstr("tensor 0 'input': type STRING (5) is not supported"));
  m.tensors[0].type = static_cast<fb::TensorType>(99);
  EXPECT_THAT(error_of(m), HasSubstr("(99) is not supported"));
  m = conv_model();
  m.tensors[1].sparse = true;
  EXPECT_THAT(error_of(m), HasSubstr("tensor 1 'conv/filter': sparse tensors are not supported"));
  m = conv_model();
  m.tensors[1].data.resize(100);
  EXPECT_THAT(error_of(m), HasSubstr("tensor 1 'conv/filter': buffer 1 holds 100 bytes, "
                                     "expected 108 for INT8 [4,3,3,3]"));
}

TEST(TfliteReader, QuantizationErrors) {
  ModelSpec m = conv_model();
  m.tensors[0].scale = {-0.5f};
  EXPECT_THAT(error_of(m), HasSubstr("tensor 0 'input': quantization scale[0] = -0.5 is not > 0"));
  m.tensors[0].scale = {0.0f};
  EXPECT_THAT(error_of(m), HasSubstr("scale[0] = 0 is not > 0"));
  m.tensors[0].scale = {std::numeric_limits<float>::quiet_NaN()};
  EXPECT_THAT(error_of(m), HasSubstr("scale[0] = nan is not finite"));
  m.tensors[0].scale = {std::numeric_limits<float>::infinity()};
  EXPECT_THAT(error_of(m), HasSubstr("is not finite"));
  m.tensors[0].scale = {};
  m.tensors[0].zero_point = {};
  EXPECT_THAT(error_of(m), HasSubstr("tensor 0 'input': INT8 tensor has no quantization scale"));
  m = conv_model();
  m.tensors[0].zero_point = {200};
  EXPECT_THAT(error_of(m), HasSubstr("tensor 0 'input': quantization zero_point[0] = 200 "
                                     "outside [-128, 127] for INT8"));
  m = conv_model();
  m.tensors[2].zero_point = {0, 0, 1, 0};
  EXPECT_THAT(error_of(m), HasSubstr("tensor 2 'conv/bias': quantization zero_point[2] = 1 "
                                     "outside [0, 0] for INT32"));
  m = conv_model();
  m.tensors[1].zero_point = {0, 3, 0, 0};
  EXPECT_THAT(error_of(m), HasSubstr("input 1 (filter) tensor 1 'conv/filter': quantization "
                                     "zero_point[1] = 3, expected 0 for weights"));
  m = conv_model();
  m.tensors[1].zero_point = {0, 0};
  EXPECT_THAT(error_of(m), HasSubstr("2 quantization zero_point values for 4 scale values"));
  m = conv_model();
  m.tensors[1].scale = {0.1f, 0.2f, 0.3f};
  m.tensors[1].zero_point = {};
  EXPECT_THAT(error_of(m), HasSubstr("tensor 1 'conv/filter': 3 per-channel quantization scales "
                                     "for dimension 0 of shape [4,3,3,3], expected 4"));
  m = conv_model();
  m.tensors[1].quantized_dimension = 4;
  EXPECT_THAT(error_of(m), HasSubstr("quantized_dimension 4 out of range for shape [4,3,3,3]"));
  m.tensors[1].quantized_dimension = 3;  // 3 channels there, 4 scales
  EXPECT_THAT(error_of(m), HasSubstr("4 per-channel quantization scales for dimension 3"));
  m = conv_model();
  m.tensors[2].scale = {};
  m.tensors[2].zero_point = {};
  EXPECT_THAT(error_of(m), HasSubstr("tensor 2 'conv/bias': INT32 tensor has no quantization"));
  m = conv_model();
  m.tensors[0].quant_details = true;
  EXPECT_THAT(error_of(m), HasSubstr("quantization details (union type 1) are not supported"));
}

TEST(TfliteReader, ConvOperatorErrors) {
  const std::string op = "subgraph 0 operator 0 (CONV_2D): ";
  ModelSpec m = conv_model();
  m.ops[0].options = conv_options(fb::Padding_SAME, 0, 2);
  EXPECT_THAT(error_of(m), HasSubstr(op + "stride_w = 0, expected >= 1"));
  m.ops[0].options = conv_options(fb::Padding_SAME, 2, -1);
  EXPECT_THAT(error_of(m), HasSubstr(op + "stride_h = -1, expected >= 1"));
  m.ops[0].options = conv_options(fb::Padding_SAME, 2, 2, fb::ActivationFunctionType_NONE, 0);
  EXPECT_THAT(error_of(m), HasSubstr(op + "dilation_w_factor = 0, expected >= 1"));
  m.ops[0].options = conv_options(fb::Padding_SAME, 2, 2, fb::ActivationFunctionType_TANH);
  EXPECT_THAT(error_of(m), HasSubstr(op + "fused_activation_function TANH is not supported"));
  m.ops[0].options = conv_options(fb::Padding_SAME, 2, 2, fb::ActivationFunctionType_SIGN_BIT);
  EXPECT_THAT(error_of(m), HasSubstr("fused_activation_function SIGN_BIT is not supported"));
  m.ops[0].options =
      conv_options(fb::Padding_SAME, 2, 2, static_cast<fb::ActivationFunctionType>(9));
  EXPECT_THAT(error_of(m), HasSubstr("fused_activation_function 9 is not supported"));
  m.ops[0].options = conv_options(static_cast<fb::Padding>(2), 2, 2);
  EXPECT_THAT(error_of(m), HasSubstr(op + "padding 2 is not SAME (0) or VALID (1)"));
  m.ops[0].options = conv_options(fb::Padding_VALID, 2, 2);  // (8 - 3 + 2) / 2 = 3
  EXPECT_THAT(error_of(m), HasSubstr(op + "output tensor 3 'output': shape [1,4,4,4], expected "
                                          "[1,3,3,4] (VALID padding, stride 2x2"));
  m.ops[0].options_type = fb::BuiltinOptions_NONE;  // defaults: stride 0
  EXPECT_THAT(error_of(m), HasSubstr(op + "stride_w = 0"));
  m.ops[0].options_type = fb::BuiltinOptions_Pool2DOptions;
  EXPECT_THAT(error_of(m), HasSubstr(op + "builtin_options has union type 5, expected "
                                          "Conv2DOptions"));
  m = conv_model();
  m.tensors[3].shape = {1, 5, 5, 4};
  EXPECT_THAT(error_of(m), HasSubstr("shape [1,5,5,4], expected [1,4,4,4] (SAME padding"));
  m = conv_model();
  m.tensors[2].type = fb::TensorType_FLOAT32;
  m.tensors[2].scale = {};
  EXPECT_THAT(error_of(m), HasSubstr(op + "input 2 (bias) tensor 2 'conv/bias': type FLOAT32, "
                                          "expected INT32"));
  m = conv_model();
  m.tensors[1].data.clear();
  EXPECT_THAT(error_of(m), HasSubstr("'conv/filter': must be a constant tensor"));
  m = conv_model();
  m.tensors[0].shape = {1, 8, 8, 2};
  EXPECT_THAT(error_of(m), HasSubstr("'input': 2 channels, but the filter [4,3,3,3] expects 3"));
  m = conv_model();
  m.tensors[0].type = fb::TensorType_UINT8;
  m.tensors[0].zero_point = {128};
  EXPECT_THAT(error_of(m), HasSubstr("'input': type UINT8, expected INT8"));
  m = conv_model();
  m.ops[0].inputs = {0, 1, 2, 2};
  EXPECT_THAT(error_of(m), HasSubstr(op + "4 inputs, expected 2 to 3"));
  m = conv_model();
  m.tensors[3].data.assign(64, 0);
  EXPECT_THAT(error_of(m), HasSubstr("an operator output must not have constant data"));
}

TEST(TfliteReader, DataflowErrors) {
  ModelSpec m = conv_model();
  m.inputs = {};
  EXPECT_THAT(error_of(m), HasSubstr("input tensor 0 'input' is read before any operator writes "
                                     "it and is not a graph input"));
  m = conv_model();
  m.inputs = {0, 3};
  EXPECT_THAT(error_of(m), HasSubstr("output tensor 3 'output' is already written"));
}

TEST(TfliteReader, OperatorNames) {
  EXPECT_EQ(builtin_op_name(0), "ADD");
  EXPECT_EQ(builtin_op_name(26), "SPACE_TO_DEPTH");
  EXPECT_EQ(builtin_op_name(127), "PLACEHOLDER_FOR_GREATER_OP_CODES");
  EXPECT_EQ(builtin_op_name(160), "BITWISE_XOR");
  EXPECT_EQ(builtin_op_name(203), "DILATE");
  EXPECT_EQ(builtin_op_name(209), "STABLEHLO_CASE");
  EXPECT_EQ(builtin_op_name(210), "BUILTIN_210");
  EXPECT_EQ(builtin_op_name(-3), "BUILTIN_-3");
  const std::pair<BuiltinOp, const char*> ours[] = {
      {BuiltinOp::kAdd, "ADD"},
      {BuiltinOp::kAveragePool2d, "AVERAGE_POOL_2D"},
      {BuiltinOp::kConcatenation, "CONCATENATION"},
      {BuiltinOp::kConv2d, "CONV_2D"},
      {BuiltinOp::kDepthwiseConv2d, "DEPTHWISE_CONV_2D"},
      {BuiltinOp::kDequantize, "DEQUANTIZE"},
      {BuiltinOp::kFullyConnected, "FULLY_CONNECTED"},
      {BuiltinOp::kLogistic, "LOGISTIC"},
      {BuiltinOp::kMaxPool2d, "MAX_POOL_2D"},
      {BuiltinOp::kMul, "MUL"},
      {BuiltinOp::kRelu, "RELU"},
      {BuiltinOp::kRelu6, "RELU6"},
      {BuiltinOp::kReshape, "RESHAPE"},
      {BuiltinOp::kSoftmax, "SOFTMAX"},
      {BuiltinOp::kPad, "PAD"},
      {BuiltinOp::kMean, "MEAN"},
      {BuiltinOp::kSqueeze, "SQUEEZE"},
      {BuiltinOp::kQuantize, "QUANTIZE"},
  };
  for (const auto& [op, name] : ours) EXPECT_EQ(builtin_op_name(static_cast<int32_t>(op)), name);
  EXPECT_STREQ(tensor_type_name(TensorType::kInt8), "INT8");
  EXPECT_STREQ(tensor_type_name(TensorType::kFloat32), "FLOAT32");
  EXPECT_STREQ(tensor_type_name(static_cast<TensorType>(17)), "INT4");
}

}  // namespace
}  // namespace tt::compiler
