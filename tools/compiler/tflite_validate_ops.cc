// Per-operator checks of the TFLite importer (stage 5): arity, tensor types and roles,
// quantization the int8 kernels rely on, shapes that follow from the options, and the
// options themselves. Shape rules follow TFLite's own shape inference, so a model TFLite
// accepts with static shapes passes here when its ops and options are ones we support.
#include <algorithm>
#include <cmath>

#include "tools/compiler/tflite_reader_internal.h"

namespace tt::compiler::detail {

void fail(const std::string& message) { throw ModelError(message); }

// Both are bounded: a corrupt file can hold a shape of millions of entries or a huge name,
// and the message only needs enough of it to be recognised.
std::string shape_str(const std::vector<int32_t>& shape) {
  constexpr size_t kShown = 8;
  std::string s = "[";
  for (size_t i = 0; i < shape.size() && i < kShown; ++i) {
    s += (i ? "," : "") + std::to_string(shape[i]);
  }
  if (shape.size() > kShown) s += ",... (" + std::to_string(shape.size()) + " entries)";
  return s + "]";
}

std::string tensor_label(int32_t index, const Tensor& t) {
  constexpr size_t kShown = 120;
  const std::string name = t.name.size() <= kShown ? t.name : t.name.substr(0, kShown) + "...";
  return "tensor " + std::to_string(index) + " '" + name + "'";
}

size_t element_size(TensorType t) {
  switch (t) {
    case TensorType::kInt8:
    case TensorType::kUInt8:
      return 1;
    case TensorType::kInt16:
      return 2;
    case TensorType::kFloat32:
    case TensorType::kInt32:
      return 4;
    case TensorType::kInt64:
      return 8;
  }
  return 0;
}

bool is_bias_input(BuiltinOp op, size_t slot) {
  return slot == 2 && (op == BuiltinOp::kConv2d || op == BuiltinOp::kDepthwiseConv2d ||
                       op == BuiltinOp::kFullyConnected);
}

bool is_optional_input(BuiltinOp op, size_t slot) { return is_bias_input(op, slot); }

namespace {

// TFLite's output size for a sliding window.
int32_t window_out(const Check& c, const char* axis, Padding p, int32_t in, int32_t k,
                   int32_t stride, int32_t dilation) {
  const int64_t effective = int64_t{k - 1} * dilation + 1;
  const int64_t out = p == Padding::kSame ? (int64_t{in} + stride - 1) / stride
                                          : (int64_t{in} - effective + stride) / stride;
  if (out < 1) {
    c.fail(std::string("window ") + axis + " " + std::to_string(effective) +
           " (filter with dilation) is larger than the input " + axis + " " + std::to_string(in) +
           " with VALID padding");
  }
  return static_cast<int32_t>(out);
}

std::string window_why(const OpOptions& o) {
  return std::string(o.padding == Padding::kSame ? "SAME" : "VALID") + " padding, stride " +
         std::to_string(o.stride_h) + "x" + std::to_string(o.stride_w) + ", dilation " +
         std::to_string(o.dilation_h) + "x" + std::to_string(o.dilation_w);
}

void check_bias(const Check& c, int32_t channels) {
  if (!c.has_input(2)) return;
  const Ref b = c.input(2, "bias");
  c.type(b, TensorType::kInt32);
  c.constant(b);
  c.shape(b, {channels}, "one per output channel");
  c.channel_quant(b, channels, 0);
}

template <typename T>
void read_window_options(const Check& c, const T* o, OpOptions& opt) {
  opt.padding = padding_of(c, o ? o->padding() : fb::Padding_SAME);
  opt.stride_w = o ? o->stride_w() : 0;
  opt.stride_h = o ? o->stride_h() : 0;
  c.at_least_1("stride_w", opt.stride_w);
  c.at_least_1("stride_h", opt.stride_h);
  opt.activation =
      activation_of(c, o ? o->fused_activation_function() : fb::ActivationFunctionType_NONE);
}

void conv_2d(const Check& c, const fb::Operator& f, OpOptions& opt) {
  c.arity(2, 3);
  const Ref in = c.input(0, "input"), w = c.input(1, "filter"), out = c.output();
  c.activation(in);
  c.rank(in, 4);
  c.type(w, TensorType::kInt8);
  c.rank(w, 4);
  c.constant(w);
  c.symmetric(w);
  c.activation(out);
  const int32_t cout = w.dim(0);
  if (in.dim(3) != w.dim(3)) {
    c.fail(in.label + ": " + std::to_string(in.dim(3)) + " channels, but the filter " +
           shape_str(w.t.shape) + " expects " + std::to_string(w.dim(3)));
  }
  c.channel_quant(w, cout, 0);
  check_bias(c, cout);
  const auto* o = options_of<fb::Conv2DOptions>(c, f);
  read_window_options(c, o, opt);
  opt.dilation_w = o ? o->dilation_w_factor() : 1;
  opt.dilation_h = o ? o->dilation_h_factor() : 1;
  c.at_least_1("dilation_w_factor", opt.dilation_w);
  c.at_least_1("dilation_h_factor", opt.dilation_h);
  const int32_t oh =
      window_out(c, "height", opt.padding, in.dim(1), w.dim(1), opt.stride_h, opt.dilation_h);
  const int32_t ow =
      window_out(c, "width", opt.padding, in.dim(2), w.dim(2), opt.stride_w, opt.dilation_w);
  c.shape(out, {in.dim(0), oh, ow, cout}, window_why(opt));
}

void depthwise_conv_2d(const Check& c, const fb::Operator& f, OpOptions& opt) {
  c.arity(2, 3);
  const Ref in = c.input(0, "input"), w = c.input(1, "filter"), out = c.output();
  c.activation(in);
  c.rank(in, 4);
  c.type(w, TensorType::kInt8);
  c.rank(w, 4);
  c.constant(w);
  c.symmetric(w);
  c.activation(out);
  const int32_t cout = w.dim(3);
  if (w.dim(0) != 1) c.fail(w.label + ": shape " + shape_str(w.t.shape) + ", expected [1,KH,KW,C]");
  if (cout % in.dim(3) != 0) {
    c.fail(w.label + ": " + std::to_string(cout) + " output channels, not a multiple of the " +
           std::to_string(in.dim(3)) + " input channels");
  }
  c.channel_quant(w, cout, 3);
  check_bias(c, cout);
  const auto* o = options_of<fb::DepthwiseConv2DOptions>(c, f);
  read_window_options(c, o, opt);
  opt.dilation_w = o ? o->dilation_w_factor() : 1;
  opt.dilation_h = o ? o->dilation_h_factor() : 1;
  c.at_least_1("dilation_w_factor", opt.dilation_w);
  c.at_least_1("dilation_h_factor", opt.dilation_h);
  opt.depth_multiplier = cout / in.dim(3);
  // Newer converters may leave the redundant field at 0; a different non-zero value means
  // the file contradicts its own shapes.
  if (o && o->depth_multiplier() != 0 && o->depth_multiplier() != opt.depth_multiplier) {
    c.fail("depth_multiplier " + std::to_string(o->depth_multiplier()) + ", but the shapes give " +
           std::to_string(opt.depth_multiplier));
  }
  const int32_t oh =
      window_out(c, "height", opt.padding, in.dim(1), w.dim(1), opt.stride_h, opt.dilation_h);
  const int32_t ow =
      window_out(c, "width", opt.padding, in.dim(2), w.dim(2), opt.stride_w, opt.dilation_w);
  c.shape(out, {in.dim(0), oh, ow, cout}, window_why(opt));
}

void fully_connected(const Check& c, const fb::Operator& f, OpOptions& opt) {
  c.arity(2, 3);
  const Ref in = c.input(0, "input"), w = c.input(1, "weights"), out = c.output();
  c.activation(in);
  c.type(w, TensorType::kInt8);
  c.rank(w, 2);
  c.constant(w);
  c.symmetric(w);
  c.activation(out);
  const int32_t units = w.dim(0), depth = w.dim(1);
  c.channel_quant(w, units, 0);
  check_bias(c, units);
  const auto* o = options_of<fb::FullyConnectedOptions>(c, f);
  opt.activation =
      activation_of(c, o ? o->fused_activation_function() : fb::ActivationFunctionType_NONE);
  if (o && o->weights_format() != 0) {
    c.fail("weights_format " + std::to_string(o->weights_format()) +
           " (shuffled) is not supported, only DEFAULT (0)");
  }
  opt.keep_dims = o && o->keep_num_dims();
  const int64_t n = in.t.element_count();
  if (in.t.shape.empty() || n % depth != 0) {
    c.fail(in.label + ": shape " + shape_str(in.t.shape) + " (" + std::to_string(n) +
           " elements) is not a whole number of rows of depth " + std::to_string(depth));
  }
  std::vector<int32_t> want = {static_cast<int32_t>(n / depth), units};
  if (opt.keep_dims) {
    if (in.t.shape.back() != depth) {
      c.fail(in.label + ": last dimension " + std::to_string(in.t.shape.back()) +
             ", expected the weights depth " + std::to_string(depth) + " with keep_num_dims");
    }
    want = in.t.shape;
    want.back() = units;
  }
  c.shape(out, want, opt.keep_dims ? "keep_num_dims" : "[batches, units]");
}

void pool_2d(const Check& c, const fb::Operator& f, OpOptions& opt) {
  c.arity(1, 1);
  const Ref in = c.input(0, "input"), out = c.output();
  c.activation(in);
  c.rank(in, 4);
  c.activation(out);
  c.same_quant(in, out);
  const auto* o = options_of<fb::Pool2DOptions>(c, f);
  read_window_options(c, o, opt);
  opt.filter_w = o ? o->filter_width() : 0;
  opt.filter_h = o ? o->filter_height() : 0;
  c.at_least_1("filter_width", opt.filter_w);
  c.at_least_1("filter_height", opt.filter_h);
  const int32_t oh = window_out(c, "height", opt.padding, in.dim(1), opt.filter_h, opt.stride_h, 1);
  const int32_t ow = window_out(c, "width", opt.padding, in.dim(2), opt.filter_w, opt.stride_w, 1);
  c.shape(out, {in.dim(0), oh, ow, in.dim(3)},
          window_why(opt) + ", filter " + std::to_string(opt.filter_h) + "x" +
              std::to_string(opt.filter_w));
}

template <typename T>
void add_mul(const Check& c, const fb::Operator& f, OpOptions& opt) {
  c.arity(2, 2);
  const Ref a = c.input(0, "input1"), b = c.input(1, "input2"), out = c.output();
  c.activation(a);
  c.activation(b);
  c.activation(out);
  const auto* o = options_of<T>(c, f);
  opt.activation =
      activation_of(c, o ? o->fused_activation_function() : fb::ActivationFunctionType_NONE);
  const size_t ra = a.t.shape.size(), rb = b.t.shape.size(), r = std::max(ra, rb);
  std::vector<int32_t> want(r);
  for (size_t i = 0; i < r; ++i) {  // right-aligned, numpy rules
    const int32_t da = i < ra ? a.t.shape[ra - 1 - i] : 1;
    const int32_t db = i < rb ? b.t.shape[rb - 1 - i] : 1;
    if (da != db && da != 1 && db != 1) {
      c.fail("input shapes " + shape_str(a.t.shape) + " and " + shape_str(b.t.shape) +
             " do not broadcast");
    }
    want[r - 1 - i] = da == 1 ? db : da;
  }
  c.shape(out, want, "broadcast of the inputs");
}

// Softmax and logistic outputs have a quantization fixed by the int8 spec.
void fixed_output_quant(const Check& c, const Ref& out) {
  const float scale = out.t.quant.scale[0];
  if (std::fabs(scale - 1.0f / 256) > 0.001f / 256 || out.t.quant.zero_point[0] != -128) {
    c.fail(out.label + ": quantization scale " + std::to_string(scale) + ", zero_point " +
           std::to_string(out.t.quant.zero_point[0]) + "; expected 1/256 and -128");
  }
}

void unary(const Check& c, bool fixed_quant) {
  c.arity(1, 1);
  const Ref in = c.input(0, "input"), out = c.output();
  c.activation(in);
  c.activation(out);
  c.shape(out, in.t.shape, "same as the input");
  if (fixed_quant) fixed_output_quant(c, out);
}

void softmax(const Check& c, const fb::Operator& f, OpOptions& opt) {
  unary(c, true);
  if (c.input(0, "input").t.shape.empty()) c.fail("input is a scalar, expected rank >= 1");
  const auto* o = options_of<fb::SoftmaxOptions>(c, f);
  opt.beta = o ? o->beta() : 0.0f;
  if (!std::isfinite(opt.beta) || !(opt.beta > 0.0f)) {
    c.fail("beta = " + std::to_string(opt.beta) + ", expected finite and > 0");
  }
}

}  // namespace

void validate_operator(const std::string& where, int index, Operator& op, const fb::Operator& fb_op,
                       const std::vector<Tensor>& tensors) {
  const Check c(where, index, op, tensors);
  OpOptions& opt = op.options;
  switch (op.op) {
    case BuiltinOp::kConv2d:
      return conv_2d(c, fb_op, opt);
    case BuiltinOp::kDepthwiseConv2d:
      return depthwise_conv_2d(c, fb_op, opt);
    case BuiltinOp::kFullyConnected:
      return fully_connected(c, fb_op, opt);
    case BuiltinOp::kAveragePool2d:
    case BuiltinOp::kMaxPool2d:
      return pool_2d(c, fb_op, opt);
    case BuiltinOp::kAdd:
      return add_mul<fb::AddOptions>(c, fb_op, opt);
    case BuiltinOp::kMul:
      return add_mul<fb::MulOptions>(c, fb_op, opt);
    case BuiltinOp::kSoftmax:
      return softmax(c, fb_op, opt);
    case BuiltinOp::kLogistic:
      return unary(c, true);
    case BuiltinOp::kRelu:
    case BuiltinOp::kRelu6:
      return unary(c, false);
    default:
      return validate_shape_op(c, fb_op, opt);
  }
}

}  // namespace tt::compiler::detail
