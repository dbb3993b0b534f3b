// Robustness of the model toolchain on the MLPerf Tiny models (../shared/models/mlperf-tiny,
// or $TT_SHARED_DIR/models/mlperf-tiny; skipped when absent):
// - the importer: every prefix of the file is rejected with a ModelError; single-bit flips
//   at sampled positions (see BitFlipsInTheModelCompileAndRunOrThrow) either compile and run
//   or throw a ModelError, never anything else;
// - the plan loader, on the compiled plan: every prefix and every single-bit flip rejected
//   (only the minor version, which loaders ignore by design, may change), and fields
//   corrupted behind a recomputed CRC, so that each check after the CRC is reached and
//   answers with its own LoadStatus;
// - the executor: the reference and DSP kernels give identical per-op CRCs on random inputs.
// The costliest sweeps are sampled more sparsely under the sanitizers (kSanitized), so that
// each test takes well under a minute in the host-asan preset.
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iterator>
#include <memory>
#include <random>
#include <string>
#include <vector>

#include "kernels/core/crc32.h"
#include "kernels/runtime/executor.h"
#include "kernels/runtime/plan_format.h"
#include "kernels/runtime/plan_loader.h"
#include "tools/compiler/compile.h"
#include "tools/compiler/tflite_model.h"
#include "tools/compiler/tflite_schema_generated.h"

namespace tt::compiler {
namespace {

namespace plan = kernels::plan;
using plan::LoadStatus;

// Under AddressSanitizer (the host-asan preset) the costliest sweeps are sampled more sparsely.
#if defined(__SANITIZE_ADDRESS__)
constexpr bool kSanitized = true;
#else
constexpr bool kSanitized = false;
#endif

std::string mlperf_path(const std::string& file) {
  const char* env = std::getenv("TT_SHARED_DIR");
  const std::string root = env ? env : TT_SHARED_DIR;
  return root + "/models/mlperf-tiny/" + file;
}

std::vector<uint8_t> read_bytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::vector<uint8_t>((std::istreambuf_iterator<char>(in)),
                              std::istreambuf_iterator<char>());
}

// An exactly sized copy (so AddressSanitizer sees any read past `size`), 4-byte aligned.
std::unique_ptr<uint8_t[]> exact_copy(const uint8_t* data, size_t size) {
  std::unique_ptr<uint8_t[]> p(new uint8_t[size == 0 ? 1 : size]);
  if (size > 0) std::memcpy(p.get(), data, size);
  return p;
}

template <typename T>
T get(const std::vector<uint8_t>& b, size_t offset) {
  T v;
  std::memcpy(&v, b.data() + offset, sizeof v);
  return v;
}

template <typename T>
void put(std::vector<uint8_t>& b, size_t offset, const T& v) {
  std::memcpy(b.data() + offset, &v, sizeof v);
}

// A plan together with the arena it was compiled for.
struct PlanUnderTest {
  std::vector<uint8_t> bytes;
  uint32_t arena_bytes = 0;

  plan::PlanHeader header() const { return get<plan::PlanHeader>(bytes, 0); }
  size_t tensor_at(int32_t i) const {
    return header().tensor_offset + i * sizeof(plan::PlanTensor);
  }
  size_t op_at(int32_t i) const { return header().op_offset + i * sizeof(plan::PlanOp); }
  size_t io_at(uint32_t i) const { return header().io_offset + i * sizeof(int32_t); }
  size_t model_io_at(uint32_t i) const { return header().model_io_offset + i * sizeof(int32_t); }
};

// Stores a CRC that matches the (corrupted) content, as a careful attacker would.
void recompute_crc(std::vector<uint8_t>& b) {
  const uint32_t total = get<plan::PlanHeader>(b, 0).total_bytes;
  put(b, offsetof(plan::PlanHeader, crc32),
      kernels::crc32(0, b.data() + 16, static_cast<int32_t>(total - 16)));
}

struct Loaded {
  std::vector<uint32_t> blob, arena;
  plan::LoadedPlan plan;
  plan::LoadResult result;
};

// Loads from an aligned copy into an arena of `arena_bytes` (rounded up to words).
std::unique_ptr<Loaded> load(const std::vector<uint8_t>& bytes, uint32_t arena_bytes) {
  auto l = std::make_unique<Loaded>();
  l->blob.assign((bytes.size() + 3) / 4, 0);
  std::memcpy(l->blob.data(), bytes.data(), bytes.size());
  l->arena.assign(arena_bytes / 4 + 1, 0);
  l->result = plan::load_plan(l->blob.data(), static_cast<uint32_t>(bytes.size()), l->arena.data(),
                              arena_bytes, &l->plan);
  return l;
}

LoadStatus status_of(const std::vector<uint8_t>& bytes, uint32_t arena_bytes) {
  return load(bytes, arena_bytes)->result.status;
}

const char* const kModels[] = {"kws_ref_model.tflite", "pretrainedResnet_quant.tflite"};

class ModelRobustness : public ::testing::TestWithParam<const char*> {
 protected:
  void SetUp() override {
    path_ = mlperf_path(GetParam());
    if (!std::filesystem::exists(path_)) {
      GTEST_SKIP() << "MLPerf Tiny model not present: " << path_
                   << " (set TT_SHARED_DIR to the shared folder)";
    }
    bytes_ = read_bytes(path_);
    ASSERT_FALSE(bytes_.empty());
  }

  PlanUnderTest compiled() const {
    const Compiled c = compile(read_tflite(bytes_, path_), path_);
    return {c.plan, static_cast<uint32_t>(c.memory.arena_bytes)};
  }

  std::string path_;
  std::vector<uint8_t> bytes_;
};

TEST_P(ModelRobustness, EveryPrefixOfTheModelIsRejected) {
  size_t accepted = 0, other = 0;
  std::string first_accepted;
  for (size_t len = 0; len < bytes_.size(); ++len) {
    try {
      read_tflite(std::vector<uint8_t>(bytes_.begin(), bytes_.begin() + len), "prefix");
      if (accepted++ == 0) first_accepted = std::to_string(len);
    } catch (const ModelError&) {
    } catch (...) {
      ++other;
    }
  }
  EXPECT_EQ(accepted, 0u) << "prefixes accepted, the first of length " << first_accepted;
  EXPECT_EQ(other, 0u) << "prefixes threw something other than ModelError";
}

// Compiles and runs a model that imported; anything but a ModelError escapes to the caller.
void compile_and_run(const Model& m, bool run) {
  const Compiled c = compile(m, "flipped");
  std::unique_ptr<Loaded> l = load(c.plan, static_cast<uint32_t>(c.memory.arena_bytes));
  ASSERT_TRUE(l->result.ok()) << plan::load_status_name(l->result.status);
  if (!run) return;
  plan::RunOptions o;
  o.kernels = plan::KernelSet::kDsp;
  const plan::RunResult r = plan::run_plan(l->plan, o);
  ASSERT_TRUE(r.ok()) << "op " << r.failed_op << ": " << kernels::status_name(r.status);
}

template <typename T>
void append(std::string& s, const T& v) {
  s.append(reinterpret_cast<const char*>(&v), sizeof v);
}
template <typename T>
void append(std::string& s, const std::vector<T>& v) {
  append(s, v.size());
  if (!v.empty()) s.append(reinterpret_cast<const char*>(v.data()), v.size() * sizeof(T));
}

// Everything of an imported model the compiler uses, except names. `values` adds the
// constant data and the quantization parameters; without it, what remains is the structure
// (types, shapes, operators, options, wiring), which decides every memory access.
std::string fingerprint(const Model& m, bool values) {
  std::string s;
  for (const Tensor& t : m.tensors) {
    append(s, t.type);
    append(s, t.shape);
    append(s, t.quant.scale.size());
    append(s, t.data_size);
    if (values) {
      append(s, t.quant.scale);
      append(s, t.quant.zero_point);
      append(s, t.quant.quantized_dimension);
      if (t.data != nullptr) {
        append(s, kernels::crc32(0, t.data, static_cast<int32_t>(t.data_size)));
      }
    }
  }
  for (const Operator& op : m.operators) {
    const OpOptions& o = op.options;
    append(s, op.op);
    append(s, op.inputs);
    append(s, op.outputs);
    for (int32_t v :
         {static_cast<int32_t>(o.padding), o.stride_w, o.stride_h, o.dilation_w, o.dilation_h,
          o.depth_multiplier, o.filter_w, o.filter_h, static_cast<int32_t>(o.activation), o.axis,
          static_cast<int32_t>(o.keep_dims)}) {
      append(s, v);
    }
    append(s, o.beta);
    append(s, o.new_shape);
    append(s, o.squeeze_dims);
    append(s, o.axes);
    append(s, o.paddings);
  }
  append(s, m.inputs);
  append(s, m.outputs);
  return s;
}

// Bytes holding values rather than structure: buffer payloads (weights, biases, metadata)
// and the quantization scale and zero-point vectors.
std::vector<bool> value_bytes(const std::vector<uint8_t>& bytes) {
  namespace fb = ::tt::tflite_subset;
  std::vector<bool> value(bytes.size(), false);
  auto mark = [&](const void* p, size_t n) {
    const size_t at = static_cast<size_t>(static_cast<const uint8_t*>(p) - bytes.data());
    for (size_t i = 0; i < n && at + i < bytes.size(); ++i) value[at + i] = true;
  };
  const fb::Model* m = fb::GetModel(bytes.data());
  if (m->buffers()) {
    for (const fb::Buffer* b : *m->buffers()) {
      if (b->data()) mark(b->data()->data(), b->data()->size());
    }
  }
  for (const fb::SubGraph* sg : *m->subgraphs()) {
    if (!sg->tensors()) continue;
    for (const fb::Tensor* t : *sg->tensors()) {
      const fb::QuantizationParameters* q = t->quantization();
      if (q && q->scale()) mark(q->scale()->data(), q->scale()->size() * 4);
      if (q && q->zero_point()) mark(q->zero_point()->data(), q->zero_point()->size() * 8);
    }
  }
  return value;
}

TEST_P(ModelRobustness, BitFlipsInTheModelCompileAndRunOrThrow) {
  // All 8 bits of: every byte of the first 512 (root table, vtables, operator codes) and
  // every 7th byte of the rest, except in the value bytes (weights, quantization vectors:
  // most of the file), where 384 evenly spaced bytes are flipped. Under the sanitizers,
  // where an import costs ~10x more, every 21st byte and 64 value bytes. A flipped model
  // that imports is compiled (the loader judges the plan) and run, except that
  // - one that imports exactly as the original did (apart from names) is not compiled again:
  //   the flip hit a name, padding or a field the importer ignores;
  // - one whose only change is a value (a weight, a scale) is run one time in 8: its plan
  //   has the original's shapes, so the same memory accesses.
  const size_t structure_stride = kSanitized ? 21 : 7, value_samples = kSanitized ? 64 : 384;
  const Model original = read_tflite(bytes_, path_);
  const std::string original_values = fingerprint(original, true);
  const std::string original_structure = fingerprint(original, false);
  const std::vector<bool> value = value_bytes(bytes_);
  size_t value_count = 0;
  for (bool v : value) value_count += v ? 1 : 0;
  const size_t value_stride = std::max<size_t>(1, value_count / value_samples);

  int rejected = 0, unchanged = 0, compiled_only = 0, ran = 0, other = 0;
  size_t value_seen = 0, value_only = 0;
  for (size_t pos = 0; pos < bytes_.size(); ++pos) {
    bool sampled = pos < 512 || (!value[pos] && pos % structure_stride == 0);
    if (value[pos]) sampled = pos < 512 || value_seen++ % value_stride == 0;
    if (!sampled) continue;
    for (int bit = 0; bit < 8; ++bit) {
      std::vector<uint8_t> flipped = bytes_;
      flipped[pos] ^= static_cast<uint8_t>(1u << bit);
      try {
        const Model m = read_tflite(std::move(flipped), "flipped");
        if (fingerprint(m, true) == original_values) {
          ++unchanged;
          continue;
        }
        const bool structural = fingerprint(m, false) != original_structure;
        const bool run = structural || value_only++ % 8 == 0;
        compile_and_run(m, run);
        ++(run ? ran : compiled_only);
      } catch (const ModelError&) {
        ++rejected;
      } catch (const std::exception& e) {
        ADD_FAILURE() << "byte " << pos << " bit " << bit << ": " << e.what();
        ++other;
      }
      if (HasFatalFailure() || other > 10) {
        FAIL() << "at byte " << pos << " bit " << bit;
      }
    }
  }
  std::printf("%s: flips: %d rejected, %d imported unchanged, %d compiled, %d compiled and ran\n",
              GetParam(), rejected, unchanged, compiled_only, ran);
  EXPECT_GT(rejected, 0);
  EXPECT_GT(ran, 0);
}

TEST_P(ModelRobustness, EveryPrefixOfThePlanIsRejected) {
  const PlanUnderTest p = compiled();
  ASSERT_EQ(status_of(p.bytes, p.arena_bytes), LoadStatus::kOk);
  std::vector<uint32_t> arena(p.arena_bytes / 4 + 1);
  for (size_t len = 0; len < p.bytes.size(); ++len) {
    const std::unique_ptr<uint8_t[]> blob = exact_copy(p.bytes.data(), len);
    plan::LoadedPlan lp;
    const plan::LoadResult r =
        plan::load_plan(blob.get(), static_cast<uint32_t>(len), arena.data(), p.arena_bytes, &lp);
    ASSERT_EQ(r.status, LoadStatus::kTooSmall) << "prefix of " << len << " bytes";
  }
}

TEST_P(ModelRobustness, EverySingleBitFlipOfThePlanIsRejected) {
  // Every bit of the header and the tables; in the constant section, which only the CRC
  // protects, every bit of every 16th byte in a release build and of every 256th byte under
  // the sanitizers (each flip costs a CRC pass over the whole plan, ~20x slower there).
  const size_t const_stride = kSanitized ? 256 : 16;
  const PlanUnderTest p = compiled();
  const plan::PlanHeader h = p.header();
  std::vector<uint32_t> words((p.bytes.size() + 3) / 4);
  std::memcpy(words.data(), p.bytes.data(), p.bytes.size());
  auto* bytes = reinterpret_cast<uint8_t*>(words.data());
  std::vector<uint32_t> arena(p.arena_bytes / 4 + 1);
  const size_t minor = offsetof(plan::PlanHeader, version_minor);
  int tested = 0;
  for (size_t pos = 0; pos < p.bytes.size(); ++pos) {
    if (pos >= h.const_offset && (pos - h.const_offset) % const_stride != 0) continue;
    for (int bit = 0; bit < 8; ++bit) {
      bytes[pos] ^= static_cast<uint8_t>(1u << bit);
      plan::LoadedPlan lp;
      const plan::LoadResult r = plan::load_plan(
          words.data(), static_cast<uint32_t>(p.bytes.size()), arena.data(), p.arena_bytes, &lp);
      bytes[pos] ^= static_cast<uint8_t>(1u << bit);
      ++tested;
      if (pos >= minor && pos < minor + 2) {
        // The minor version only announces additions an older loader may ignore.
        EXPECT_TRUE(r.ok()) << "minor version flip at byte " << pos << " bit " << bit;
        continue;
      }
      ASSERT_FALSE(r.ok()) << "flip at byte " << pos << " bit " << bit << " was accepted";
      if (pos >= 16) {
        ASSERT_EQ(r.status, LoadStatus::kBadCrc) << "byte " << pos << " bit " << bit;
      }
    }
  }
  std::printf("%s: %d single-bit flips of a %zu-byte plan rejected\n", GetParam(), tested,
              p.bytes.size());
}

TEST_P(ModelRobustness, CorruptedFieldsBehindAValidCrc) {
  const PlanUnderTest good = compiled();
  const plan::PlanHeader h = good.header();
  ASSERT_GE(h.tensor_count, 2u);
  ASSERT_GE(h.op_count, 2u);
  const uint32_t arena = good.arena_bytes;
  ASSERT_EQ(status_of(good.bytes, arena), LoadStatus::kOk);

  // The model input: an arena tensor. Op 0 is the first convolution of both models.
  const int32_t input = get<int32_t>(good.bytes, good.model_io_at(0));
  const size_t t_at = good.tensor_at(input), op0 = good.op_at(0);
  const plan::PlanTensor tensor = get<plan::PlanTensor>(good.bytes, t_at);
  const plan::PlanOp op = get<plan::PlanOp>(good.bytes, op0);
  ASSERT_EQ(tensor.storage, plan::Storage::kArena);
  ASSERT_EQ(op.kind, plan::OpKind::kConv2d);
  ASSERT_GT(op.scratch_bytes, 0u);

  struct Case {
    const char* what;
    LoadStatus want;
    int32_t index;  // the offending tensor or op; -1 when not about one
    std::function<void(PlanUnderTest&)> corrupt;
    bool keep_crc = false;  // true: the CRC is left as written (the corruption is in it)
  };
  const Case cases[] = {
      {"magic", LoadStatus::kBadMagic, -1,
       [](PlanUnderTest& p) { put<uint32_t>(p.bytes, 0, 0x314D5455u); }},
      {"major version 2", LoadStatus::kBadVersion, -1,
       [](PlanUnderTest& p) { put<uint16_t>(p.bytes, 4, 2); }},
      {"total_bytes beyond the blob", LoadStatus::kTooSmall, -1,
       [](PlanUnderTest& p) {
         put<uint32_t>(p.bytes, offsetof(plan::PlanHeader, total_bytes),
                       static_cast<uint32_t>(p.bytes.size() + 16));
       },
       true},
      {"stale CRC", LoadStatus::kBadCrc, -1,
       [](PlanUnderTest& p) { p.bytes[p.bytes.size() - 1] ^= 1; }, true},
      {"header_bytes below the header", LoadStatus::kBadSection, -1,
       [](PlanUnderTest& p) {
         put<uint32_t>(p.bytes, offsetof(plan::PlanHeader, header_bytes), 40);
       }},
      {"const section beyond the blob", LoadStatus::kBadSection, -1,
       [&](PlanUnderTest& p) {
         put<uint32_t>(p.bytes, offsetof(plan::PlanHeader, const_bytes),
                       h.total_bytes - h.const_offset + 1);
       }},
      {"const section offset beyond the blob", LoadStatus::kBadSection, -1,
       [&](PlanUnderTest& p) {
         put<uint32_t>(p.bytes, offsetof(plan::PlanHeader, const_offset), h.total_bytes + 16);
       }},
      {"tensor table beyond the blob", LoadStatus::kBadSection, -1,
       [&](PlanUnderTest& p) {
         put<uint32_t>(p.bytes, offsetof(plan::PlanHeader, tensor_count), h.total_bytes / 36);
       }},
      {"no tensors", LoadStatus::kBadSection, -1,
       [](PlanUnderTest& p) {
         put<uint32_t>(p.bytes, offsetof(plan::PlanHeader, tensor_count), 0);
       }},
      {"io table offset misaligned", LoadStatus::kBadSection, -1,
       [&](PlanUnderTest& p) {
         put<uint32_t>(p.bytes, offsetof(plan::PlanHeader, io_offset), h.io_offset + 2);
       }},
      {"arena_bytes larger than the given arena", LoadStatus::kArenaTooSmall, -1,
       [&](PlanUnderTest& p) {
         put<uint32_t>(p.bytes, offsetof(plan::PlanHeader, arena_bytes), arena + 4);
       }},
      {"tensor offset beyond the arena", LoadStatus::kBadTensor, input,
       [&](PlanUnderTest& p) {
         put<uint32_t>(p.bytes, t_at + offsetof(plan::PlanTensor, offset),
                       h.arena_bytes - tensor.bytes + 4);
       }},
      {"tensor offset wrapping around", LoadStatus::kBadTensor, input,
       [&](PlanUnderTest& p) {
         put<uint32_t>(p.bytes, t_at + offsetof(plan::PlanTensor, offset), 0xFFFFFFF0u);
       }},
      {"rank 5", LoadStatus::kBadTensor, input,
       [&](PlanUnderTest& p) { p.bytes[t_at + offsetof(plan::PlanTensor, rank)] = 5; }},
      {"dims product mismatching bytes", LoadStatus::kBadTensor, input,
       [&](PlanUnderTest& p) {
         put<int32_t>(p.bytes, t_at + offsetof(plan::PlanTensor, dims) + 4, tensor.dims[1] + 1);
       }},
      {"a dimension of 0", LoadStatus::kBadTensor, input,
       [&](PlanUnderTest& p) {
         put<int32_t>(p.bytes, t_at + offsetof(plan::PlanTensor, dims) + 4, 0);
       }},
      {"unknown dtype", LoadStatus::kBadTensor, input,
       [&](PlanUnderTest& p) { p.bytes[t_at + offsetof(plan::PlanTensor, dtype)] = 7; }},
      {"unknown storage", LoadStatus::kBadTensor, input,
       [&](PlanUnderTest& p) { p.bytes[t_at + offsetof(plan::PlanTensor, storage)] = 2; }},
      {"model input index out of range", LoadStatus::kBadModelIo, -1,
       [&](PlanUnderTest& p) {
         put<int32_t>(p.bytes, p.model_io_at(0), static_cast<int32_t>(h.tensor_count));
       }},
      {"model input in the constant section", LoadStatus::kBadModelIo, -1,
       [&](PlanUnderTest& p) {
         const int32_t filter = get<int32_t>(p.bytes, p.io_at(op.io_index + 1));
         put<int32_t>(p.bytes, p.model_io_at(0), filter);
       }},
      {"op kind 0", LoadStatus::kUnknownOpKind, 0,
       [&](PlanUnderTest& p) { put<uint16_t>(p.bytes, op0 + offsetof(plan::PlanOp, kind), 0); }},
      {"op kind 999", LoadStatus::kUnknownOpKind, 0,
       [&](PlanUnderTest& p) { put<uint16_t>(p.bytes, op0 + offsetof(plan::PlanOp, kind), 999); }},
      {"operand index out of range", LoadStatus::kBadOp, 0,
       [&](PlanUnderTest& p) {
         put<int32_t>(p.bytes, p.io_at(op.io_index), static_cast<int32_t>(h.tensor_count));
       }},
      {"operand index below -1", LoadStatus::kBadOp, 0,
       [&](PlanUnderTest& p) { put<int32_t>(p.bytes, p.io_at(op.io_index), -2); }},
      {"io_index out of range", LoadStatus::kBadOp, 0,
       [&](PlanUnderTest& p) {
         put<uint32_t>(p.bytes, op0 + offsetof(plan::PlanOp, io_index), h.io_count);
       }},
      {"io_index near UINT32_MAX", LoadStatus::kBadOp, 0,
       [&](PlanUnderTest& p) {
         put<uint32_t>(p.bytes, op0 + offsetof(plan::PlanOp, io_index), 0xFFFFFFFEu);
       }},
      {"two outputs", LoadStatus::kBadOp, 0,
       [&](PlanUnderTest& p) { p.bytes[op0 + offsetof(plan::PlanOp, output_count)] = 2; }},
      {"scratch beyond the arena", LoadStatus::kBadOp, 0,
       [&](PlanUnderTest& p) {
         put<uint32_t>(p.bytes, op0 + offsetof(plan::PlanOp, scratch_offset), h.arena_bytes);
         put<uint32_t>(p.bytes, op0 + offsetof(plan::PlanOp, scratch_bytes), 16);
       }},
      {"scratch wrapping around", LoadStatus::kBadOp, 0,
       [&](PlanUnderTest& p) {
         put<uint32_t>(p.bytes, op0 + offsetof(plan::PlanOp, scratch_offset), 0xFFFFFFF0u);
         put<uint32_t>(p.bytes, op0 + offsetof(plan::PlanOp, scratch_bytes), 32);
       }},
      {"output in the constant section", LoadStatus::kBadOp, 0,
       [&](PlanUnderTest& p) {
         const int32_t filter = get<int32_t>(p.bytes, p.io_at(op.io_index + 1));
         put<int32_t>(p.bytes, p.io_at(op.io_index + op.input_count), filter);
       }},
      {"filter absent", LoadStatus::kBadOp, 0,
       [&](PlanUnderTest& p) { put<int32_t>(p.bytes, p.io_at(op.io_index + 1), -1); }},
      {"stride 0", LoadStatus::kKernelRejects, 0,
       [&](PlanUnderTest& p) {
         put<int32_t>(p.bytes, op0 + offsetof(plan::PlanOp, params) + 4 * plan::p::kStrideH, 0);
       }},
      {"no scratch for a conv that needs it", LoadStatus::kKernelRejects, 0,
       [&](PlanUnderTest& p) {
         put<uint32_t>(p.bytes, op0 + offsetof(plan::PlanOp, scratch_bytes), 0);
       }},
  };
  for (const Case& c : cases) {
    PlanUnderTest p = good;
    c.corrupt(p);
    if (!c.keep_crc) recompute_crc(p.bytes);
    const std::unique_ptr<Loaded> l = load(p.bytes, arena);
    EXPECT_EQ(l->result.status, c.want)
        << c.what << ": got '" << plan::load_status_name(l->result.status) << "'";
    if (c.index >= 0) {
      EXPECT_EQ(l->result.index, c.index) << c.what;
    }
  }
  // The caller's arena smaller than the plan says.
  EXPECT_EQ(status_of(good.bytes, arena - 4), LoadStatus::kArenaTooSmall);
  // Misaligned and null arguments.
  std::vector<uint32_t> words(good.bytes.size() / 4 + 2), arena_words(arena / 4 + 2);
  auto* shifted = reinterpret_cast<uint8_t*>(words.data()) + 1;
  std::memcpy(shifted, good.bytes.data(), good.bytes.size());
  plan::LoadedPlan lp;
  EXPECT_EQ(plan::load_plan(shifted, static_cast<uint32_t>(good.bytes.size()), arena_words.data(),
                            arena, &lp)
                .status,
            LoadStatus::kMisaligned);
  EXPECT_EQ(plan::load_plan(nullptr, 100, arena_words.data(), arena, &lp).status,
            LoadStatus::kNullArgument);
}

TEST_P(ModelRobustness, RefAndDspKernelsGiveIdenticalPerOpCrcs) {
  const PlanUnderTest p = compiled();
  const std::unique_ptr<Loaded> l = load(p.bytes, p.arena_bytes);
  ASSERT_TRUE(l->result.ok());
  const plan::LoadedPlan& lp = l->plan;
  ASSERT_EQ(lp.input_count(), 1);
  const int32_t input = lp.input_tensor(0);
  ASSERT_EQ(lp.tensors[input].dtype, plan::DType::kInt8);
  auto* in = static_cast<int8_t*>(lp.mutable_data(input));
  const int32_t n = plan::element_count(lp.tensors[input]);
  for (uint32_t seed = 1; seed <= 4; ++seed) {
    std::vector<uint32_t> crc[2];
    int k = 0;
    for (plan::KernelSet set : {plan::KernelSet::kRef, plan::KernelSet::kDsp}) {
      std::mt19937 rng(seed);
      std::uniform_int_distribution<int> value(-128, 127);
      for (int32_t i = 0; i < n; ++i) in[i] = static_cast<int8_t>(value(rng));
      crc[k].assign(lp.op_count(), 0);
      plan::RunOptions o;
      o.kernels = set;
      o.op_crc32 = crc[k].data();
      const plan::RunResult r = plan::run_plan(lp, o);
      ASSERT_TRUE(r.ok()) << "op " << r.failed_op << ": " << kernels::status_name(r.status);
      ++k;
    }
    for (int32_t i = 0; i < lp.op_count(); ++i) {
      EXPECT_EQ(crc[0][i], crc[1][i])
          << "seed " << seed << ", op " << i << " (" << plan::op_kind_name(lp.ops[i].kind) << ")";
    }
  }
}

std::string model_name(const ::testing::TestParamInfo<const char*>& param) {
  std::string name = param.param;
  name = name.substr(0, name.find('.'));
  for (char& ch : name) {
    if (!std::isalnum(static_cast<unsigned char>(ch))) ch = '_';
  }
  return name;
}

INSTANTIATE_TEST_SUITE_P(Mlperf, ModelRobustness, ::testing::ValuesIn(kModels), model_name);

}  // namespace
}  // namespace tt::compiler
