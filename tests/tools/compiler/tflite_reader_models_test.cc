// The TFLite importer on models with every supported operator: a chain built in the test
// (options and shape operands read into OpOptions) and, when present, the MLPerf Tiny
// reference models (../shared/models/mlperf-tiny, or $TT_SHARED_DIR/models/mlperf-tiny).
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <map>

#include "tests/tools/compiler/tflite_test_builder.h"
#include "tools/compiler/tflite_model.h"

namespace tt::compiler {
namespace {

using testing::build_model;
using testing::bytes_of;
using ::testing::HasSubstr;
using testing::ModelSpec;
using testing::OpSpec;
using testing::TensorSpec;
namespace fb = ::tt::tflite_subset;
using B = flatbuffers::FlatBufferBuilder;

TensorSpec act(const std::string& name, std::vector<int32_t> shape) {
  return {name, fb::TensorType_INT8, std::move(shape), {0.5f}, {0}};
}
TensorSpec int32_const(const std::string& name, std::vector<int32_t> shape,
                       const std::vector<int32_t>& values) {
  TensorSpec t{name, fb::TensorType_INT32, std::move(shape), {}, {}};
  t.data = bytes_of(values);
  return t;
}

// float [1,8,8,2] -> QUANTIZE -> DEPTHWISE_CONV_2D (x2, 3x3 VALID) -> MAX_POOL_2D (2x2/2) ->
// AVERAGE_POOL_2D (3x3/1 SAME) -> PAD (H, W by 1) -> ADD (broadcast [1,1,1,4]) -> MUL ->
// RELU -> RELU6 -> CONCATENATION (axis -1) -> MEAN (H, W, keep) -> SQUEEZE -> RESHAPE
// ([-1,4] operand) -> LOGISTIC -> DEQUANTIZE -> float [2,4]
ModelSpec every_op_model() {
  ModelSpec m;
  auto& t = m.tensors;
  t.push_back({"in", fb::TensorType_FLOAT32, {1, 8, 8, 2}, {}, {}});  // 0
  t.push_back(act("q", {1, 8, 8, 2}));                                // 1
  TensorSpec dw{
      "dw/filter", fb::TensorType_INT8, {1, 3, 3, 4}, {0.1f, 0.2f, 0.3f, 0.4f}, {0, 0, 0, 0}, 3};
  dw.data.assign(36, 2);
  t.push_back(dw);  // 2
  TensorSpec dwb = int32_const("dw/bias", {4}, {0, 1, 2, 3});
  dwb.scale = {0.05f};
  dwb.zero_point = {0};
  t.push_back(dwb);                                                        // 3
  t.push_back(act("dw", {1, 6, 6, 4}));                                    // 4
  t.push_back(act("maxpool", {1, 3, 3, 4}));                               // 5
  t.push_back(act("avgpool", {1, 3, 3, 4}));                               // 6
  t.push_back(int32_const("paddings", {4, 2}, {0, 0, 1, 1, 1, 1, 0, 0}));  // 7
  t.push_back(act("pad", {1, 5, 5, 4}));                                   // 8
  TensorSpec c = act("addend", {1, 1, 1, 4});
  c.data = {1, 2, 3, 4};
  t.push_back(c);                                   // 9
  t.push_back(act("add", {1, 5, 5, 4}));            // 10
  t.push_back(act("mul", {1, 5, 5, 4}));            // 11
  t.push_back(act("relu", {1, 5, 5, 4}));           // 12
  t.push_back(act("relu6", {1, 5, 5, 4}));          // 13
  t.push_back(act("concat", {1, 5, 5, 8}));         // 14
  t.push_back(int32_const("axes", {2}, {2, -3}));   // 15
  t.push_back(act("mean", {1, 1, 1, 8}));           // 16
  t.push_back(act("squeeze", {1, 8}));              // 17
  t.push_back(int32_const("shape", {2}, {-1, 4}));  // 18
  t.push_back(act("reshape", {2, 4}));              // 19
  TensorSpec logistic = act("logistic", {2, 4});
  logistic.scale = {1.0f / 256};
  logistic.zero_point = {-128};
  t.push_back(logistic);                                         // 20
  t.push_back({"out", fb::TensorType_FLOAT32, {2, 4}, {}, {}});  // 21

  auto pool = [](fb::Padding p, int s, int f) {
    return [=](B& b) { return fb::CreatePool2DOptions(b, p, s, s, f, f).Union(); };
  };
  m.ops = {
      {114, {0}, {1}},
      {4,
       {1, 2, 3},
       {4},
       fb::BuiltinOptions_DepthwiseConv2DOptions,
       [](B& b) {
         return fb::CreateDepthwiseConv2DOptions(b, fb::Padding_VALID, 1, 1, 2,
                                                 fb::ActivationFunctionType_RELU)
             .Union();
       }},
      {17, {4}, {5}, fb::BuiltinOptions_Pool2DOptions, pool(fb::Padding_VALID, 2, 2)},
      {1, {5}, {6}, fb::BuiltinOptions_Pool2DOptions, pool(fb::Padding_SAME, 1, 3)},
      {34, {6, 7}, {8}},
      {0,
       {8, 9},
       {10},
       fb::BuiltinOptions_AddOptions,
       [](B& b) {
         return fb::CreateAddOptions(b, fb::ActivationFunctionType_RELU_N1_TO_1).Union();
       }},
      {18,
       {10, 10},
       {11},
       fb::BuiltinOptions_MulOptions,
       [](B& b) { return fb::CreateMulOptions(b).Union(); }},
      {19, {11}, {12}},
      {21, {12}, {13}},
      {2,
       {13, 12},
       {14},
       fb::BuiltinOptions_ConcatenationOptions,
       [](B& b) { return fb::CreateConcatenationOptions(b, -1).Union(); }},
      {40,
       {14, 15},
       {16},
       fb::BuiltinOptions_ReducerOptions,
       [](B& b) { return fb::CreateReducerOptions(b, true).Union(); }},
      {43,
       {16},
       {17},
       fb::BuiltinOptions_SqueezeOptions,
       [](B& b) {
         const std::vector<int32_t> dims = {1, -2};
         return fb::CreateSqueezeOptionsDirect(b, &dims).Union();
       }},
      {22, {17, 18}, {19}},
      {14, {19}, {20}},
      {6, {20}, {21}},
  };
  m.inputs = {0};
  m.outputs = {21};
  return m;
}

std::string error_of(const ModelSpec& m) {
  try {
    read_tflite(build_model(m), "chain.tflite");
  } catch (const ModelError& e) {
    return e.what();
  }
  return "(no error)";
}

TEST(TfliteReaderOps, ReadsEveryOperator) {
  const Model model = read_tflite(build_model(every_op_model()), "chain.tflite");
  ASSERT_EQ(model.operators.size(), 15u);
  const auto& ops = model.operators;
  EXPECT_EQ(ops[0].op, BuiltinOp::kQuantize);
  EXPECT_EQ(ops[1].options.depth_multiplier, 2);
  EXPECT_EQ(ops[1].options.padding, Padding::kValid);
  EXPECT_EQ(ops[1].options.activation, Activation::kRelu);
  EXPECT_EQ(ops[2].options.filter_w, 2);
  EXPECT_EQ(ops[2].options.stride_h, 2);
  EXPECT_EQ(ops[3].options.filter_h, 3);
  EXPECT_EQ(ops[3].options.padding, Padding::kSame);
  EXPECT_EQ(ops[4].options.paddings, (std::vector<int32_t>{0, 0, 1, 1, 1, 1, 0, 0}));
  EXPECT_EQ(ops[5].options.activation, Activation::kReluN1To1);
  EXPECT_EQ(ops[9].options.axis, 3);
  EXPECT_EQ(ops[10].options.axes, (std::vector<int32_t>{1, 2}));
  EXPECT_TRUE(ops[10].options.keep_dims);
  EXPECT_EQ(ops[11].options.squeeze_dims, (std::vector<int32_t>{1, 2}));
  EXPECT_EQ(ops[12].options.new_shape, (std::vector<int32_t>{2, 4}));
  EXPECT_EQ(ops[14].op, BuiltinOp::kDequantize);
  EXPECT_TRUE(model.tensors[9].is_constant());
}

TEST(TfliteReaderOps, ShapeOperatorErrors) {
  ModelSpec m = every_op_model();
  m.tensors[18] = int32_const("shape", {2}, {3, 4});
  EXPECT_THAT(error_of(m), HasSubstr("operator 12 (RESHAPE): shape operand [3,4] has 12 "
                                     "elements, the input [1,8] has 8"));
  m = every_op_model();
  m.tensors[7] = int32_const("paddings", {4, 2}, {0, 0, 1, 1, -1, 1, 0, 0});
  EXPECT_THAT(error_of(m), HasSubstr("operator 4 (PAD): input 1 (paddings) tensor 7 'paddings': "
                                     "padding of dimension 2 is (-1, 1)"));
  m = every_op_model();
  m.tensors[15] = int32_const("axes", {2}, {2, 4});
  EXPECT_THAT(error_of(m), HasSubstr("operator 10 (MEAN): axes entry 4 out of range for rank 4"));
  m = every_op_model();
  m.tensors[14].shape = {1, 5, 5, 7};
  EXPECT_THAT(error_of(m), HasSubstr("(CONCATENATION): output tensor 14 'concat': dimension 3 "
                                     "is 7, the inputs add up to 8"));
  m = every_op_model();
  m.tensors[9].shape = {1, 1, 2, 4};
  m.tensors[9].data.assign(8, 1);
  EXPECT_THAT(error_of(m), HasSubstr("(ADD): input shapes [1,5,5,4] and [1,1,2,4] do not "
                                     "broadcast"));
  m = every_op_model();
  m.tensors[5].scale = {0.25f};
  EXPECT_THAT(error_of(m), HasSubstr("(MAX_POOL_2D): output tensor 5 'maxpool': quantization "
                                     "differs from input 0 (input) tensor 4 'dw'"));
  m = every_op_model();
  m.tensors[20].zero_point = {0};
  EXPECT_THAT(error_of(m), HasSubstr("(LOGISTIC): output tensor 20 'logistic': quantization "
                                     "scale 0.003906, zero_point 0; expected 1/256 and -128"));
  m = every_op_model();
  m.tensors[2].shape = {1, 3, 3, 5};
  m.tensors[2].data.assign(45, 2);
  m.tensors[2].scale = {0.1f};
  m.tensors[2].zero_point = {0};
  EXPECT_THAT(error_of(m), HasSubstr("5 output channels, not a multiple of the 2 input"));
}

// The MLPerf Tiny reference models, when the shared model directory is present.
std::string mlperf_path(const std::string& file) {
  const char* env = std::getenv("TT_SHARED_DIR");
  const std::string root = env ? env : TT_SHARED_DIR;
  return root + "/models/mlperf-tiny/" + file;
}

std::map<std::string, int> op_histogram(const Model& m) {
  std::map<std::string, int> h;
  for (const Operator& op : m.operators) ++h[builtin_op_name(static_cast<int32_t>(op.op))];
  return h;
}

void print_ops(const std::string& title, const Model& m) {
  std::printf("%s: %zu operators, %zu tensors\n", title.c_str(), m.operators.size(),
              m.tensors.size());
  for (const auto& [name, n] : op_histogram(m)) std::printf("  %-20s %d\n", name.c_str(), n);
  for (int32_t i : m.inputs) {
    std::printf("  input  %s %s\n", tensor_type_name(m.tensors[i].type), m.tensors[i].name.c_str());
  }
  for (int32_t i : m.outputs) {
    std::printf("  output %s %s\n", tensor_type_name(m.tensors[i].type), m.tensors[i].name.c_str());
  }
}

std::vector<std::string> op_names(const Model& m) {
  std::vector<std::string> names;
  for (const Operator& op : m.operators)
    names.push_back(builtin_op_name(static_cast<int32_t>(op.op)));
  return names;
}

// DS-CNN: CONV_2D, 4 x (DEPTHWISE_CONV_2D, CONV_2D), AVERAGE_POOL_2D, RESHAPE,
// FULLY_CONNECTED, SOFTMAX; int8 in, int8 out.
TEST(TfliteReaderMlperf, KeywordSpotting) {
  const std::string path = mlperf_path("kws_ref_model.tflite");
  if (!std::filesystem::exists(path)) GTEST_SKIP() << "MLPerf Tiny model not present: " << path;
  const Model m = read_tflite_file(path);
  print_ops("kws_ref_model", m);
  std::vector<std::string> want = {"CONV_2D"};
  for (int i = 0; i < 4; ++i) {
    want.push_back("DEPTHWISE_CONV_2D");
    want.push_back("CONV_2D");
  }
  want.insert(want.end(), {"AVERAGE_POOL_2D", "RESHAPE", "FULLY_CONNECTED", "SOFTMAX"});
  EXPECT_EQ(op_names(m), want);
  ASSERT_EQ(m.inputs.size(), 1u);
  ASSERT_EQ(m.outputs.size(), 1u);
  const Tensor& in = m.tensors[m.inputs[0]];
  const Tensor& out = m.tensors[m.outputs[0]];
  EXPECT_EQ(in.shape, (std::vector<int32_t>{1, 49, 10, 1}));
  EXPECT_EQ(in.type, TensorType::kInt8);
  EXPECT_EQ(out.shape, (std::vector<int32_t>{1, 12}));
  EXPECT_EQ(out.type, TensorType::kInt8);
  // First layer: 64 filters 10x4, stride 2, SAME, fused RELU, per-channel weights.
  const Operator& conv = m.operators[0];
  EXPECT_EQ(m.tensors[conv.inputs[1]].shape, (std::vector<int32_t>{64, 10, 4, 1}));
  EXPECT_EQ(m.tensors[conv.inputs[1]].quant.scale.size(), 64u);
  EXPECT_EQ(conv.options.stride_h, 2);
  EXPECT_EQ(conv.options.padding, Padding::kSame);
  EXPECT_EQ(conv.options.activation, Activation::kRelu);
  EXPECT_EQ(m.operators[1].options.depth_multiplier, 1);
  EXPECT_EQ(m.operators[10].options.new_shape, (std::vector<int32_t>{1, 64}));
}

// ResNet-8: 9 CONV_2D (two 1x1 shortcuts) and 3 residual ADDs, AVERAGE_POOL_2D, RESHAPE,
// FULLY_CONNECTED, SOFTMAX; int8 in, int8 out.
TEST(TfliteReaderMlperf, ImageClassification) {
  const std::string path = mlperf_path("pretrainedResnet_quant.tflite");
  if (!std::filesystem::exists(path)) GTEST_SKIP() << "MLPerf Tiny model not present: " << path;
  const Model m = read_tflite_file(path);
  print_ops("pretrainedResnet_quant", m);
  const std::map<std::string, int> want = {{"ADD", 3},     {"AVERAGE_POOL_2D", 1},
                                           {"CONV_2D", 9}, {"FULLY_CONNECTED", 1},
                                           {"RESHAPE", 1}, {"SOFTMAX", 1}};
  EXPECT_EQ(op_histogram(m), want);
  ASSERT_EQ(m.inputs.size(), 1u);
  ASSERT_EQ(m.outputs.size(), 1u);
  EXPECT_EQ(m.tensors[m.inputs[0]].shape, (std::vector<int32_t>{1, 32, 32, 3}));
  EXPECT_EQ(m.tensors[m.inputs[0]].type, TensorType::kInt8);
  EXPECT_EQ(m.tensors[m.outputs[0]].shape, (std::vector<int32_t>{1, 10}));
  EXPECT_EQ(m.tensors[m.outputs[0]].type, TensorType::kInt8);
}

TEST(TfliteReaderFile, FileErrors) {
  const std::string dir = ::testing::TempDir();
  EXPECT_THROW(read_tflite_file(dir + "/no-such-model.tflite"), ModelError);
  try {
    read_tflite_file(dir);
    FAIL() << "a directory was read";
  } catch (const ModelError& e) {
    EXPECT_THAT(e.what(), HasSubstr("is a directory"));
  }
  const std::string empty = dir + "/tt_empty_model.tflite";
  {
    std::FILE* f = std::fopen(empty.c_str(), "wb");
    ASSERT_NE(f, nullptr);
    std::fclose(f);
  }
  try {
    read_tflite_file(empty);
    FAIL() << "an empty file was read";
  } catch (const ModelError& e) {
    EXPECT_THAT(e.what(), HasSubstr(empty + ": empty file"));
  }
  std::remove(empty.c_str());
}

}  // namespace
}  // namespace tt::compiler
