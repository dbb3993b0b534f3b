// Stage 5 of the TFLite importer for the operators that move or reduce data rather than
// compute on windows: RESHAPE, SQUEEZE, PAD, CONCATENATION, MEAN, QUANTIZE, DEQUANTIZE.
// Their shape operands (new shape, paddings, axes) are read here, so the compiler gets them
// as plain options and never looks at operand data itself.
#include <set>

#include "tools/compiler/tflite_reader_internal.h"

namespace tt::compiler::detail {
namespace {

constexpr int64_t kMaxElements = int64_t{1} << 30;

// An axis in [-rank, rank) as a value in [0, rank).
int32_t normalize_axis(const Check& c, const char* field, int32_t axis, size_t rank) {
  const int32_t r = static_cast<int32_t>(rank);
  if (axis < -r || axis >= r) {
    c.fail(std::string(field) + " " + std::to_string(axis) + " out of range for rank " +
           std::to_string(rank));
  }
  return axis < 0 ? axis + r : axis;
}

// Shares memory with its input, so the quantization must be identical.
void same_data(const Check& c, const Ref& in, const Ref& out) {
  c.activation(in);
  c.activation(out);
  c.same_quant(in, out);
}

void reshape(const Check& c, const fb::Operator& f, OpOptions& opt) {
  c.arity(1, 2);
  const Ref in = c.input(0, "input"), out = c.output();
  same_data(c, in, out);
  const auto* o = options_of<fb::ReshapeOptions>(c, f);
  std::vector<int32_t> shape = out.t.shape;
  const char* source = "output shape";
  if (c.has_input(1)) {
    const Ref s = c.input(1, "shape");
    if (s.t.shape.size() > 1)
      c.fail(s.label + ": shape " + shape_str(s.t.shape) + ", expected rank 1");
    shape = c.int_values(s);
    source = "shape operand";
  } else if (o && o->new_shape()) {
    shape.assign(o->new_shape()->begin(), o->new_shape()->end());
    source = "new_shape option";
  }
  if (shape.size() > 4) {
    c.fail(std::string(source) + " " + shape_str(shape) + " has rank " +
           std::to_string(shape.size()) + ", at most 4 is supported");
  }
  int64_t known = 1;
  int inferred = -1;
  for (size_t d = 0; d < shape.size(); ++d) {
    if (shape[d] == -1 && inferred < 0) {
      inferred = static_cast<int>(d);
    } else if (shape[d] < 1) {
      c.fail(std::string(source) + " " + shape_str(shape) + ": dimension " + std::to_string(d) +
             " is " + std::to_string(shape[d]) + ", expected >= 1 or a single -1");
    } else {
      known *= shape[d];  // at most 4 factors below 2^31 each, checked against 2^30 below
      if (known > kMaxElements)
        c.fail(std::string(source) + " " + shape_str(shape) + " is too large");
    }
  }
  const int64_t n = in.t.element_count();
  if (inferred >= 0) {
    if (n % known != 0) {
      c.fail(std::string(source) + " " + shape_str(shape) + " cannot hold the " +
             std::to_string(n) + " input elements");
    }
    shape[inferred] = static_cast<int32_t>(n / known);
    known = n;
  }
  if (known != n) {
    c.fail(std::string(source) + " " + shape_str(shape) + " has " + std::to_string(known) +
           " elements, the input " + shape_str(in.t.shape) + " has " + std::to_string(n));
  }
  c.shape(out, shape, source);
  opt.new_shape = shape;
}

void squeeze(const Check& c, const fb::Operator& f, OpOptions& opt) {
  c.arity(1, 1);
  const Ref in = c.input(0, "input"), out = c.output();
  same_data(c, in, out);
  const auto* o = options_of<fb::SqueezeOptions>(c, f);
  const size_t rank = in.t.shape.size();
  std::set<int32_t> dims;
  if (o && o->squeeze_dims() && o->squeeze_dims()->size() > 0) {
    for (int32_t d : *o->squeeze_dims()) {
      const int32_t axis = normalize_axis(c, "squeeze_dims entry", d, rank);
      if (in.dim(axis) != 1) {
        c.fail("squeeze_dims entry " + std::to_string(d) + ": dimension " + std::to_string(axis) +
               " of the input " + shape_str(in.t.shape) + " is not 1");
      }
      dims.insert(axis);
    }
  } else {
    for (size_t d = 0; d < rank; ++d) {
      if (in.dim(d) == 1) dims.insert(static_cast<int32_t>(d));
    }
  }
  std::vector<int32_t> want;
  for (size_t d = 0; d < rank; ++d) {
    if (!dims.count(static_cast<int32_t>(d))) want.push_back(in.dim(d));
  }
  c.shape(out, want, "input without the squeezed dimensions");
  opt.squeeze_dims.assign(dims.begin(), dims.end());
}

void pad(const Check& c, OpOptions& opt) {
  c.arity(2, 2);
  const Ref in = c.input(0, "input"), p = c.input(1, "paddings"), out = c.output();
  same_data(c, in, out);
  const int32_t rank = static_cast<int32_t>(in.t.shape.size());
  c.shape(p, {rank, 2}, "[input rank, 2]");
  const std::vector<int32_t> v = c.int_values(p);
  std::vector<int32_t> want(in.t.shape);
  for (int32_t d = 0; d < rank; ++d) {
    const int32_t before = v[2 * d], after = v[2 * d + 1];
    if (before < 0 || after < 0) {
      c.fail(p.label + ": padding of dimension " + std::to_string(d) + " is (" +
             std::to_string(before) + ", " + std::to_string(after) + "), expected >= 0");
    }
    const int64_t size = int64_t{want[d]} + before + after;
    if (size > kMaxElements)
      c.fail(p.label + ": padded dimension " + std::to_string(d) + " too large");
    want[d] = static_cast<int32_t>(size);
  }
  c.shape(out, want, "input plus paddings");
  opt.paddings = v;
}

void concatenation(const Check& c, const fb::Operator& f, OpOptions& opt) {
  c.arity(1, 1024);
  const Ref out = c.output();
  c.activation(out);
  const auto* o = options_of<fb::ConcatenationOptions>(c, f);
  opt.activation =
      activation_of(c, o ? o->fused_activation_function() : fb::ActivationFunctionType_NONE);
  const size_t rank = out.t.shape.size();
  opt.axis = normalize_axis(c, "axis", o ? o->axis() : 0, rank);
  int64_t total = 0;
  for (size_t k = 0; k < c.op().inputs.size(); ++k) {
    const Ref in = c.input(k, "input");
    c.activation(in);
    c.rank(in, rank);
    for (size_t d = 0; d < rank; ++d) {
      if (static_cast<int32_t>(d) != opt.axis && in.dim(d) != out.dim(d)) {
        c.fail(in.label + ": shape " + shape_str(in.t.shape) + " differs from the output " +
               shape_str(out.t.shape) + " in dimension " + std::to_string(d) +
               ", which is not the axis " + std::to_string(opt.axis));
      }
    }
    total += in.dim(opt.axis);
  }
  if (total != out.dim(opt.axis)) {
    c.fail(out.label + ": dimension " + std::to_string(opt.axis) + " is " +
           std::to_string(out.dim(opt.axis)) + ", the inputs add up to " + std::to_string(total));
  }
}

void mean(const Check& c, const fb::Operator& f, OpOptions& opt) {
  c.arity(2, 2);
  const Ref in = c.input(0, "input"), a = c.input(1, "axes"), out = c.output();
  c.activation(in);
  c.activation(out);
  c.type(a, TensorType::kInt32);
  if (a.t.shape.size() > 1)
    c.fail(a.label + ": shape " + shape_str(a.t.shape) + ", expected rank 0 or 1");
  const size_t rank = in.t.shape.size();
  std::set<int32_t> axes;
  for (int32_t v : c.int_values(a)) axes.insert(normalize_axis(c, "axes entry", v, rank));
  const auto* o = options_of<fb::ReducerOptions>(c, f);
  opt.keep_dims = o && o->keep_dims();
  std::vector<int32_t> want;
  for (size_t d = 0; d < rank; ++d) {
    if (!axes.count(static_cast<int32_t>(d))) {
      want.push_back(in.dim(d));
    } else if (opt.keep_dims) {
      want.push_back(1);
    }
  }
  c.shape(out, want, opt.keep_dims ? "reduced axes kept as 1" : "reduced axes removed");
  opt.axes.assign(axes.begin(), axes.end());
}

void quantize(const Check& c) {
  c.arity(1, 1);
  const Ref in = c.input(0, "input"), out = c.output();
  if (in.t.type != TensorType::kFloat32) {
    if (in.t.type != TensorType::kInt8 && in.t.type != TensorType::kUInt8) {
      c.fail(in.label + ": type " + tensor_type_name(in.t.type) +
             ", expected FLOAT32, UINT8 or INT8");
    }
    c.per_tensor(in);
  }
  c.activation(out);
  c.shape(out, in.t.shape, "same as the input");
}

void dequantize(const Check& c) {
  c.arity(1, 1);
  const Ref in = c.input(0, "input"), out = c.output();
  c.activation(in);
  c.type(out, TensorType::kFloat32);
  c.shape(out, in.t.shape, "same as the input");
}

}  // namespace

void validate_shape_op(const Check& c, const fb::Operator& f, OpOptions& opt) {
  switch (c.op().op) {
    case BuiltinOp::kReshape:
      return reshape(c, f, opt);
    case BuiltinOp::kSqueeze:
      return squeeze(c, f, opt);
    case BuiltinOp::kPad:
      return pad(c, opt);
    case BuiltinOp::kConcatenation:
      return concatenation(c, f, opt);
    case BuiltinOp::kMean:
      return mean(c, f, opt);
    case BuiltinOp::kQuantize:
      return quantize(c);
    case BuiltinOp::kDequantize:
      return dequantize(c);
    default:
      c.fail("no validation rule for this operator");
  }
}

}  // namespace tt::compiler::detail
