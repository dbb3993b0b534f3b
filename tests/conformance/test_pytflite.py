#!/usr/bin/python3
"""Tests of tools/pytflite: the .tflite writer read back by the reader, the generated test
models, and the conformance harness itself (against a stand-in CLI built on the reference).

The reference cannot be tested against itself; what can go wrong here is the file format
(field ids, unions, alignment, defaults) and the harness failing to notice a difference.
"""

import os
import subprocess
import sys
import tempfile
import unittest

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", ".."))
sys.path.insert(0, os.path.join(ROOT, "tools", "pytflite"))
import make_test_models  # noqa: E402
import model_reference as M  # noqa: E402
import tflite_read  # noqa: E402
import tflite_schema as S  # noqa: E402
import tflite_write  # noqa: E402

# (op, options) covering every op and options table the writer knows.
OPS = [
    ("CONV_2D", dict(padding="VALID", stride_w=2, stride_h=3, fused_activation_function="RELU6",
                     dilation_w_factor=2, dilation_h_factor=1)),
    ("DEPTHWISE_CONV_2D", dict(padding="SAME", stride_w=1, stride_h=2, depth_multiplier=2,
                               fused_activation_function="RELU", dilation_w_factor=1,
                               dilation_h_factor=3)),
    ("FULLY_CONNECTED", dict(fused_activation_function="RELU_N1_TO_1", keep_num_dims=True)),
    ("AVERAGE_POOL_2D", dict(padding="SAME", stride_w=2, stride_h=2, filter_width=3,
                             filter_height=2, fused_activation_function="NONE")),
    ("MAX_POOL_2D", dict(padding="VALID", stride_w=1, stride_h=1, filter_width=2,
                         filter_height=2, fused_activation_function="RELU")),
    ("ADD", dict(fused_activation_function="RELU")),
    ("MUL", dict(fused_activation_function="RELU6")),
    ("RESHAPE", dict(new_shape=[1, -1])),
    ("SOFTMAX", dict(beta=0.5)),
    ("QUANTIZE", {}), ("DEQUANTIZE", {}), ("PAD", {}),
    ("CONCATENATION", dict(axis=-1, fused_activation_function="NONE")),
    ("MEAN", dict(keep_dims=True)),
    ("RELU", {}), ("RELU6", {}), ("LOGISTIC", {}),
    ("SQUEEZE", dict(squeeze_dims=[1, 2])),
]


def _buffer_data_offsets(data):
    """File offsets of every non-empty Buffer.data payload (to check the 16-byte alignment)."""
    import flatbuffers
    root = tflite_read._Table(bytearray(data),
                              flatbuffers.encode.Get(flatbuffers.packer.uoffset, data, 0))
    offsets = []
    for buf in root.tables(S.ModelF.BUFFERS):
        o = buf._off(S.BufferF.DATA)
        if o and buf.t.VectorLen(o):
            offsets.append(buf.t.Vector(o))
    return offsets


class RoundTrip(unittest.TestCase):
    def build(self):
        mb = tflite_write.ModelBuilder("round trip")
        rng = np.random.default_rng(7)
        x = mb.add_tensor("x", [1, 5, 6, 3], "int8", scale=0.0375, zero_point=-17)
        w = mb.add_constant("w", rng.integers(-127, 128, (4, 3, 3, 3)).astype(np.int8),
                            scale=[0.01, 0.02, 0.5, 1e-4], zero_point=0, quantized_dimension=0)
        b = mb.add_constant("b", np.array([-(1 << 31), 0, 7, (1 << 31) - 1], np.int32),
                            scale=[3.75e-4, 7.5e-4, 0.01875, 3.75e-6], quantized_dimension=0)
        f = mb.add_tensor("f", [2, 3], "float32")
        shape = mb.add_constant("shape", np.array([1, -1], np.int32))
        tensors = [x, w, b, f, shape]
        for k, (op, options) in enumerate(OPS):
            y = mb.add_tensor(f"y{k}", [1, k + 1], "int8", scale=0.5 + k, zero_point=k - 9)
            tensors.append(y)
            mb.add_op(op, [x, w, b] if op == "CONV_2D" else [tensors[-2], shape], [y],
                      **options)
        mb.set_inputs([x, f])
        mb.set_outputs([tensors[-1], f])
        return mb, mb.finish()

    def test_tensors_ops_and_io_survive(self):
        mb, data = self.build()
        self.assertEqual(data[4:8], b"TFL3")
        model = tflite_read.read_model(data)
        self.assertEqual(model.version, 3)
        self.assertEqual(model.description, "round trip")
        self.assertEqual(len(model.tensors), len(mb.tensors))
        for spec, t in zip(mb.tensors, model.tensors):
            self.assertEqual(t.name, spec.name)
            self.assertEqual(t.shape, tuple(spec.shape))
            self.assertEqual(S.TENSOR_TYPE_CODES[t.type], spec.type_code)
            if spec.scale is None:
                self.assertIsNone(t.quantization)
            else:
                np.testing.assert_array_equal(t.quantization.scale, spec.scale)
                np.testing.assert_array_equal(t.quantization.zero_point, spec.zero_point)
                self.assertEqual(t.quantization.quantized_dimension, spec.quantized_dimension)
            if spec.data is None:
                self.assertIsNone(t.data)
                self.assertEqual(t.buffer, 0)
            else:
                self.assertEqual(t.data.tobytes(), spec.data)
        self.assertEqual(model.tensors[1].data.dtype, np.int8)
        self.assertEqual(model.tensors[2].data.tolist(), [-(1 << 31), 0, 7, (1 << 31) - 1])
        self.assertEqual([op.op for op in model.operators], [op for op, _ in OPS])
        for spec, op in zip(mb.ops, model.operators):
            self.assertEqual(op.inputs, spec.inputs)
            self.assertEqual(op.outputs, spec.outputs)
            for key, value in spec.options.items():
                if isinstance(value, float):
                    self.assertEqual(np.float32(op.options[key]), np.float32(value), key)
                else:
                    self.assertEqual(op.options[key], value, (op.op, key))
        self.assertEqual(model.inputs, [0, 3])
        self.assertEqual(model.outputs, [len(mb.tensors) - 1, 3])

    def test_defaults_are_written_and_read(self):
        mb = tflite_write.ModelBuilder()
        x = mb.add_tensor("x", [1, 4, 4, 2], "int8", scale=0.1, zero_point=0)
        y = mb.add_tensor("y", [1, 4, 4, 2], "int8", scale=0.1, zero_point=0)
        mb.add_op("MAX_POOL_2D", [x], [y], stride_w=1, stride_h=1, filter_width=1,
                  filter_height=1)
        mb.set_inputs([x])
        mb.set_outputs([y])
        op = tflite_read.read_model(mb.finish()).operators[0]
        self.assertEqual(op.options["padding"], "SAME")
        self.assertEqual(op.options["fused_activation_function"], "NONE")

    def test_buffer_zero_is_empty_and_payloads_are_aligned(self):
        _, data = self.build()
        offsets = _buffer_data_offsets(data)
        self.assertEqual(len(offsets), 3)  # w, b, shape; buffer 0 has no data
        for off in offsets:
            self.assertEqual(off % tflite_write.BUFFER_ALIGNMENT, 0)
        self.assertTrue(all(t.buffer != 0 for t in tflite_read.read_model(data).tensors
                            if t.data is not None))

    def test_builder_rejects_bad_descriptions(self):
        mb = tflite_write.ModelBuilder()
        x = mb.add_tensor("x", [1, 4], "int8", scale=0.1, zero_point=0)
        with self.assertRaises(tflite_write.ModelBuildError):
            mb.add_op("SOFTMAX", [x], [x], betta=1.0)
        with self.assertRaises(tflite_write.ModelBuildError):
            mb.add_op("NO_SUCH_OP", [x], [x])
        with self.assertRaises(tflite_write.ModelBuildError):
            mb.add_tensor("w", [3, 2], "int8", scale=[0.1, 0.2], quantized_dimension=0)
        with self.assertRaises(tflite_write.ModelBuildError):
            mb.add_tensor("z", [2], "int8", scale=-1.0)
        with self.assertRaises(tflite_write.ModelBuildError):
            mb.finish()

    def test_reader_rejects_other_files(self):
        with self.assertRaises(tflite_read.TfliteFormatError):
            tflite_read.read_model(b"\x00" * 64)


class GeneratedModels(unittest.TestCase):
    def test_deterministic_and_runnable(self):
        for i, build in enumerate(make_test_models.MODELS):
            g1, out1 = build()
            g2, out2 = build()
            d1, d2 = g1.finish(out1), g2.finish(out2)
            self.assertEqual(d1, d2, build.__name__)
            self.assertLess(len(d1), make_test_models.MAX_BYTES)
            make_test_models.check_model(build.__name__, d1, seed=9000 + i)

    def test_every_supported_op_is_covered(self):
        ops = set()
        for build in make_test_models.MODELS:
            g, outputs = build()
            ops |= {op.op for op in tflite_read.read_model(g.finish(outputs)).operators}
        self.assertEqual(ops, set(M.OPS))


class Harness(unittest.TestCase):
    """conformance.py must pass against a correct CLI and fail on any altered value."""

    def run_harness(self, corrupt):
        fake = os.path.join(HERE, "fake_tinytwin.py")
        with tempfile.TemporaryDirectory() as work:
            models = os.path.join(work, "models")
            paths = [os.path.join(models, n + ".tflite")
                     for n in ("fc_softmax", "conv_quantize_io")]
            env = dict(os.environ, TT_FAKE_CORRUPT=corrupt)
            cmd = [sys.executable, os.path.join(HERE, "conformance.py"), "--tinytwin", fake,
                   "--workdir", work, "--inputs", "2", "--shared", os.path.join(work, "none")]
            # First run generates the models; then check two of them explicitly.
            subprocess.run(cmd + ["--inputs", "1"], env=dict(os.environ), capture_output=True,
                           check=True, text=True)
            return subprocess.run(cmd + ["--models"] + paths, env=env, capture_output=True,
                                  text=True)

    def test_passes_when_equal(self):
        r = self.run_harness("")
        self.assertEqual(r.returncode, 0, r.stdout + r.stderr)
        self.assertIn("2 of 2 models agree", r.stdout)

    def test_fails_on_a_layer_crc(self):
        r = self.run_harness("layer")
        self.assertEqual(r.returncode, 1, r.stdout + r.stderr)
        self.assertIn("first diverging layer: index 1", r.stdout)

    def test_fails_on_an_output_value(self):
        r = self.run_harness("output")
        self.assertEqual(r.returncode, 1, r.stdout + r.stderr)
        self.assertIn("1 of", r.stdout)
        self.assertIn("expected", r.stdout)


if __name__ == "__main__":
    unittest.main()
